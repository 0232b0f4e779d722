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

/// The number of matches of a query, the same on every page: exact up to
/// kCountExactlyUpTo, above it Xapian's estimate with bounds.
struct MatchCount {
  size_t total = 0;
  bool exact = true;
  size_t min = 0, max = 0;
};

struct RankedPage {
  std::vector<RankedMatch> matches;
  MatchCount count;
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
/// `parts`: `db`'s databases one by one (shards), counted one by one so a
/// total is exact where each shard's is, as over one database.
RankedPage rank_page(const Xapian::Database& db, const BuiltQuery& built, const SearchRequest& request,
                     const std::vector<Xapian::Database>& parts = {});

/// Queries that can match at most this many items are counted exactly.
inline constexpr Xapian::doccount kCountExactlyUpTo = 250;

/// Counts `query`'s matches (a pass that stops after `exact_up_to`), in
/// each of `parts` when there are several, and adds them up.
MatchCount count_matches(const Xapian::Database& db, const Xapian::Query& query, double time_budget = 0,
                         const std::vector<Xapian::Database>& parts = {},
                         Xapian::doccount exact_up_to = kCountExactlyUpTo);

/// Xapian's BM25 with our parameters (see the README on ranking); the
/// match stops after `time_budget` seconds (0: no limit).
Xapian::Enquire make_enquire(const Xapian::Database& db, const Xapian::Query& query, double time_budget = 0);

}  // namespace sagsoeg
