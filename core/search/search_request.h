// What a user asks for and what comes back, independent of how it is shown
// (terminal, JSON, HTTP).
#pragma once

#include <cstddef>
#include <map>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "model/agenda_item.h"

namespace sagsoeg {

enum class SortOrder { relevance, date };

struct SearchRequest {
  std::string query;
  std::string from, to;  ///< a day, month, year (see date_range.h), or empty
  /// Filters; several values of one are ORed, one per line
  /// (kFilterValueSeparator): "Byrådet\nØkonomiudvalget".
  std::string committee, case_id, topic, type, organisation, kind;
  std::string outcome;  ///< decision outcome (parse/decision_outcome.h)
  bool include_confidential = false;
  SortOrder sort = SortOrder::relevance;
  size_t offset = 0;
  size_t limit = 10;
  bool facets = false;
  bool snippets = true;
  bool spelling = true;  ///< offer "did you mean"
  // Danish relevance features; each can be switched off to measure it.
  bool compounds = true;  ///< "gigt" finds "Gigtforeningen"
  bool variants = true;   ///< "laegedaekning" finds "lægedækning", Aalborg/Ålborg
  bool synonyms = true;   ///< "KOL" finds "kronisk obstruktiv lungesygdom"
  /// Seconds the match may take (0: no limit); past it the search fails
  /// with QueryTimeout rather than hold a server worker.
  double time_budget = 0;
};

/// Between the values of one filter (a control character: no value has it).
inline constexpr char kFilterValueSeparator = '\n';

/// The largest page and offset either interface accepts.
inline constexpr size_t kMaxLimit = 1000;
inline constexpr size_t kMaxOffset = 100000;
/// Query text limits: longer or deeper queries cost without bound.
inline constexpr size_t kMaxQueryBytes = 2000;
inline constexpr int kMaxNesting = 32;
inline constexpr int kMaxWildcards = 8;

struct SearchHit {
  size_t rank = 0;  ///< 1-based, counting from the first result overall
  double score = 0;
  AgendaItem item;  ///< metadata; sections only where needed (case history, show)
  std::vector<std::string> topics;
  std::string snippet;   ///< HTML-escaped text with <mark>..</mark> around matches
  std::string decision;  ///< first line of the latest decision, if any
};

/// "Lignende sager": the items most like one item.
struct SimilarRequest {
  std::string id;  ///< the item's ID (FILE:N)
  size_t limit = 10;
  bool other_committee = false;  ///< only items of other committees
  bool other_year = false;       ///< only items of other years
};

struct FacetValue {
  std::string value;
  size_t count = 0;
  std::string label;  ///< a human name where the value is a key (topics)
};

struct SearchResponse {
  std::string query;
  size_t total = 0;         ///< number of matches: exact when `total_exact`, else Xapian's estimate
  bool total_exact = true;  ///< false: `total` is an estimate between the bounds
  size_t total_min = 0, total_max = 0;
  bool has_more = false;  ///< results beyond this page exist
  /// When the query found nothing and its "did you mean" did: the results
  /// shown are the suggestion's, and `query` is still what was typed.
  bool suggestion_applied = false;
  size_t offset = 0;
  size_t limit = 0;
  std::vector<SearchHit> hits;
  std::map<std::string, std::vector<FacetValue>> facets;  ///< committee, year, topic, type, case_id, organisation, kind
  std::string suggestion;                                 ///< "did you mean", or empty
  /// Words of the query that are stop words ("og", "i"): not searched.
  std::vector<std::string> ignored_words;
  /// Over several databases: how many, and those that did not answer (the
  /// results are then partial: only with --allow-partial).
  size_t shards_total = 1;
  std::vector<std::string> failed_shards;
};

/// A user error in a query or filter (bad syntax, bad date); the message is
/// one line meant for the user.
class QueryError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// A search that ran past its time budget (HTTP 503).
class QueryTimeout : public QueryError {
 public:
  using QueryError::QueryError;
};

/// A count parameter ("--limit", "limit") as text: digits only, at most `max`.
size_t parse_count(const std::string& text, const std::string& name, size_t max);

/// Checks what both interfaces accept alike: valid UTF-8 without control
/// characters in every field, limit and offset bounds, query length,
/// parenthesis depth, wildcard count and length. Throws QueryError.
void validate_request(const SearchRequest& request);

}  // namespace sagsoeg
