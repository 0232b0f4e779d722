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
  std::string from, to;  ///< YYYY-MM-DD (inclusive), or empty
  std::string committee, case_id, topic, type;
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
};

struct SearchHit {
  size_t rank = 0;  ///< 1-based, counting from the first result overall
  double score = 0;
  AgendaItem item;  ///< metadata; sections only where needed (case history, show)
  std::vector<std::string> topics;
  std::string snippet;  ///< HTML-escaped text with <mark>..</mark> around matches
};

struct FacetValue {
  std::string value;
  size_t count = 0;
};

struct SearchResponse {
  std::string query;
  size_t total = 0;  ///< estimated number of matches
  size_t offset = 0;
  size_t limit = 0;
  std::vector<SearchHit> hits;
  std::map<std::string, std::vector<FacetValue>> facets;  ///< committee, year, topic, type, case_id
  std::string suggestion;                                 ///< "did you mean", or empty
};

/// A user error in a query or filter (bad syntax, bad date); the message is
/// one line meant for the user.
class QueryError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

}  // namespace sagsoeg
