// Search over one or more databases (local folders or Xapian stub files
// naming remote shards): ranked queries, facets, snippets, case history and
// single items. Knows nothing of terminals or HTTP.
#pragma once

#include <xapian.h>

#include <chrono>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "search/search_request.h"

namespace sagsoeg {

struct SearcherOptions {
  /// Longest wait for any one operation on a remote shard (xapian-tcpsrv):
  /// a frozen shard costs this, not Xapian's default 10 s.
  int shard_timeout_ms = 800;
  /// Search the shards that answer when some do not (the answer names the
  /// others), instead of failing.
  bool allow_partial = false;
  /// A local database whose spelling table serves "did you mean" when the
  /// searched ones are remote (which have none): a copy of one shard.
  std::string spelling_db;
};

class Searcher {
 public:
  /// Opens and combines the databases; throws std::runtime_error with a
  /// clear message if one is missing or was built by another text pipeline
  /// (with `allow_partial`, only if none can be opened).
  explicit Searcher(std::vector<std::string> db_paths, SearcherOptions options = {});
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
    std::vector<unsigned long> revisions;    ///< per database; 0 where a remote one cannot say
    std::string indexed_at;                  ///< newest "last changed by the indexer" (UTC), or empty
    std::vector<std::string> failed_shards;  ///< databases left out ("PATH: reason")
  };
  Status status() const;

  size_t item_count() const;
  /// Items a search can show (not confidential).
  size_t public_item_count() const;
  /// True if "did you mean" is available (not over remote shards).
  bool has_spelling() const { return spelling_; }

 private:
  std::vector<std::string> paths_;
  SearcherOptions options_;
  Xapian::Database db_;
  std::vector<std::string> failed_shards_;  ///< "PATH: reason" of databases left out
  std::chrono::steady_clock::time_point failed_at_{};
  std::vector<Xapian::Database> parts_;  ///< db_'s databases one by one
  Xapian::Database spelling_db_;         ///< options_.spelling_db, when given
  void make_builder();
  std::string signature_;  ///< files_signature() when opened
  /// The browse page's facets (no words, no filters), counted once per
  /// revision: every visit to the search page asks for them, and they cost
  /// a pass over every item. Cleared whenever the database is (re)opened
  /// at another revision.
  struct BrowseFacets {
    std::map<std::string, std::vector<FacetValue>> facets;
    size_t total = 0;
  };
  std::optional<BrowseFacets> browse_facets_;
  std::string files_signature() const;
  bool spelling_ = true;
  bool remote_ = false;  ///< some database is a remote shard
  struct Impl;
  std::unique_ptr<Impl> impl_;
  void open();
  void reopen_once();
  /// A remote shard stopped answering mid-search: open afresh (each shard on
  /// its own, finding which), then throw unless partial answers are allowed.
  void reopen_after_network_error(const Xapian::NetworkError& e);
  void note_shards(SearchResponse& out) const;
  SearchResponse search_once(const SearchRequest& request);
  /// One query's page, with what "did you mean" needs to decide.
  struct QueryRun : SearchResponse {
    bool has_text = false;
    Xapian::Query all_words;
    std::optional<bool> some_item_has_all_words;
  };
  void count_other_values(const SearchRequest& r, std::map<std::string, std::vector<FacetValue>>& facets);
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
    bool shards_reopened = false;
    for (int attempt = 0;; ++attempt) {
      try {
        return f();
      } catch (const Xapian::DatabaseModifiedError&) {
        if (attempt == kMaxAttempts - 1) throw;
        reopen();  // when opening failed, db_ is still empty and open() runs again
      } catch (const Xapian::NetworkError& e) {
        if (!remote_ || shards_reopened) throw;
        shards_reopened = true;
        reopen_after_network_error(e);
      }
    }
  }
  static constexpr int kMaxAttempts = 20;
  /// Terms of an item a "similar items" query uses.
  static constexpr Xapian::termcount kSimilarTerms = 25;
  bool has_matches(const Xapian::Query& query);
};

}  // namespace sagsoeg
