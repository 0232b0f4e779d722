// One page of matches for a built query: items with all the words first
// (each group by BM25), browse order (newest first) for filters alone or on
// request. Knows nothing of snippets or output.
#pragma once

#include <xapian.h>

#include <optional>
#include <vector>

#include "search/query_builder.h"
#include "search/search_request.h"

namespace sagsoeg {

struct RankedMatch {
  Xapian::Document doc;
  double weight = 0;
};

struct RankedPage {
  std::vector<RankedMatch> matches;
  size_t total = 0;       ///< estimated number of matches
  bool weighted = false;  ///< relevance order; false: newest first, weights 0
  /// Whether some item has every word; nullopt when this pass cannot tell.
  std::optional<bool> some_item_has_all_words;
};

/// Ranks `built` for the page `request.offset`, `request.limit`.
///
/// All-words-first ranking runs in phases rather than as one OR of a scaled
/// AND query and the OR query: the AND query alone usually fills the page,
/// and then the OR query is only estimated, never matched -- half the work
/// of the combined query (measured on the 20,000-document benchmark).
RankedPage rank_page(const Xapian::Database& db, const BuiltQuery& built, const SearchRequest& request);

/// Xapian's BM25 with our parameters (see the README on ranking).
Xapian::Enquire make_enquire(const Xapian::Database& db, const Xapian::Query& query);

}  // namespace sagsoeg
