// Search over one or more databases (local folders or Xapian stub files
// naming remote shards): ranked queries, facets, snippets, case history and
// single items. Knows nothing of terminals or HTTP.
#pragma once

#include <xapian.h>

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "search/search_request.h"

namespace sagsoeg {

class Searcher {
 public:
  /// Opens and combines the databases; throws std::runtime_error with a
  /// clear message if one is missing or was built by another text pipeline.
  explicit Searcher(std::vector<std::string> db_paths);
  ~Searcher();
  Searcher(const Searcher&) = delete;
  Searcher& operator=(const Searcher&) = delete;

  /// Throws QueryError for a malformed query or filter.
  SearchResponse search(const SearchRequest& request);

  /// Every item of a case across meetings, oldest first, with decisions.
  std::vector<SearchHit> case_history(const std::string& case_id, bool include_confidential);
  /// The terms a search for the request uses, expansions included (--analyze).
  std::vector<std::string> query_terms(const SearchRequest& request);

  /// How many items of the case are confidential (their number may be told,
  /// their text never).
  size_t confidential_count(const std::string& case_id);

  /// The public items most like a public item, by relevance feedback (the
  /// item's most telling terms, Xapian's expand set, as a query): never the
  /// item itself, another item of its document (meeting) or a confidential
  /// item. nullopt when the item is unknown or confidential.
  std::optional<std::vector<SearchHit>> similar(const SimilarRequest& request);

  /// One item by ID with its full text; nullopt if unknown. A confidential
  /// item comes back with metadata only.
  std::optional<AgendaItem> item(const std::string& id);

  /// Picks up changes written by the indexer since the last open.
  void reopen();

  /// What /health and /metrics report.
  struct Status {
    size_t items = 0;
    size_t public_items = 0;
    std::vector<unsigned long> revisions;  ///< per database; 0 where a remote one cannot say
    std::string indexed_at;                ///< newest "last changed by the indexer" (UTC), or empty
  };
  Status status() const;

  size_t item_count() const;
  /// Items a search can show (not confidential).
  size_t public_item_count() const;
  /// True if "did you mean" is available (not over remote shards).
  bool has_spelling() const { return spelling_; }

 private:
  std::vector<std::string> paths_;
  Xapian::Database db_;
  std::vector<Xapian::Database> parts_;  ///< db_'s databases one by one
  std::string signature_;                ///< files_signature() when opened
  std::string files_signature() const;
  bool spelling_ = true;
  bool remote_ = false;  ///< some database is a remote shard
  struct Impl;
  std::unique_ptr<Impl> impl_;
  void open();
  SearchResponse search_once(const SearchRequest& request);
  /// One query's page, with what "did you mean" needs to decide.
  struct QueryRun : SearchResponse {
    bool has_text = false;
    Xapian::Query all_words;
    std::optional<bool> some_item_has_all_words;
  };
  QueryRun run_query(const SearchRequest& request);
  std::vector<SearchHit> case_history_once(const std::string& case_id, bool include_confidential);
  std::optional<AgendaItem> item_once(const std::string& id);
  std::optional<std::vector<SearchHit>> similar_once(const SimilarRequest& request);

  /// Runs `f`; if the indexer committed twice meanwhile (the revision being
  /// read is gone), reopens and runs it again. A slow machine under load
  /// can lose several attempts in a row to an indexer committing every few
  /// hundred items (seen in the kill test), hence the generous limit.
  template <typename F>
  auto with_retry(F&& f) -> decltype(f()) {
    for (int attempt = 0;; ++attempt) {
      try {
        return f();
      } catch (const Xapian::DatabaseModifiedError&) {
        if (attempt == kMaxAttempts - 1) throw;
        reopen();  // when opening failed, db_ is still empty and open() runs again
      }
    }
  }
  static constexpr int kMaxAttempts = 20;
  /// Terms of an item a "similar items" query uses.
  static constexpr Xapian::termcount kSimilarTerms = 25;
  bool has_matches(const Xapian::Query& query);
};

}  // namespace sagsoeg
