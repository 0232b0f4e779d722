// From the user's query string and filters to a Xapian::Query: Danish and
// English field prefixes, date ranges, case IDs kept whole, filters as flags.
#pragma once

#include <xapian.h>

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "search/search_request.h"
#include "text/text_pipeline.h"

namespace sagsoeg {

/// A query matching every document, made fresh for each caller. Never copy
/// Xapian::Query::MatchAll across threads: it is one static object whose
/// reference count is not atomic, so server threads copying it at once
/// corrupt the count and free it while in use (a crash under load).
inline Xapian::Query match_all() {
  return Xapian::Query(std::string());
}

struct BuiltQuery {
  Xapian::Query query;    ///< every matching item, filters applied
  bool has_text = false;  ///< false: filters only (browse, newest first)
  /// Items with every word, filters applied; the same as `query` unless
  /// `all_words_first`.
  Xapian::Query all_words;
  /// Several words under the default operator: items with all of them rank
  /// first (see ranking.h).
  bool all_words_first = false;
  /// Lower-case prefixes of the query's wildcards ("lægedæk" for lægedæk*),
  /// for highlighting: Xapian's wildcard query does not name them.
  std::vector<std::string> wildcard_prefixes;
};

class QueryBuilder {
 public:
  /// `db` is used for wildcards, committee names and spelling; it must
  /// outlive the builder.
  QueryBuilder(const Xapian::Database& db, const TextPipeline& pipeline);
  ~QueryBuilder();
  QueryBuilder(const QueryBuilder&) = delete;
  QueryBuilder& operator=(const QueryBuilder&) = delete;

  /// Throws QueryError for malformed queries and bad filter values.
  BuiltQuery build(const SearchRequest& request);

  /// Query string with bare case IDs and journal numbers turned into
  /// `caseref:` terms, so EMN-2024-01240 is not parsed as a phrase of numbers.
  static std::string protect_case_ids(const std::string& query);

  /// Lower-cases the words of a query but not its operators (AND, OR, NOT,
  /// XOR, NEAR, ADJ): Xapian leaves capitalised words unstemmed, and a
  /// Danish noun at the start of a query must stem like any other.
  static std::string fold_case(const std::string& query);

  /// Spelling suggestions from this database instead (a local copy of a
  /// shard's, when the searched ones are remote and have no spelling
  /// table); it must outlive the builder.
  void set_spelling_source(const Xapian::Database* spelling);

  /// The query with misspelt words replaced from the spelling table (public
  /// text only), or "" when nothing would change.
  std::string spelling_correction(const std::string& query);

  /// Filter for the flags (--committee, --case, --topic, --type, --from, --to)
  /// and public access; nullopt when nothing is filtered. Xapian's MatchNothing
  /// is an empty Query, so "no filter" needs its own state: treating an
  /// unknown committee as "no filter" would list every item.
  /// `access_filter` false leaves out the public-only filter, for a caller
  /// that knows the rest of its query cannot match confidential items.
  std::optional<Xapian::Query> filter_query(const SearchRequest& request, bool access_filter = true);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace sagsoeg
