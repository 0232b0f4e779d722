// One Searcher (one set of Xapian database handles) per search lane: Xapian
// objects are not thread-safe. A request borrows a searcher, which reopens
// to see the latest committed index, and gives it back on every path.
//
// The pool never jams: a searcher whose database cannot be opened or read
// is dropped and opened afresh by a later request, so the server recovers
// by itself when the cause goes away (a database moved back, a replica's
// full copy finished, a shard restarted); and a request waits for a free
// searcher only so long, then gets a 503.
#pragma once

#include <xapian.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "search/searcher.h"

namespace sagsoeg {

/// The index cannot be searched now (it cannot be opened, or every searcher
/// is busy): HTTP 503 with the reason.
class ServiceUnavailable : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

class SearcherPool {
 public:
  SearcherPool(std::vector<std::string> dbs, SearcherOptions options, size_t size, std::chrono::milliseconds max_wait);

  class Lease {
   public:
    Lease(SearcherPool& pool, std::unique_ptr<Searcher> s) : pool_(&pool), searcher_(std::move(s)) {}
    ~Lease() {
      if (pool_) pool_->give_back(std::move(searcher_));
    }
    Lease(Lease&& other) noexcept : pool_(std::exchange(other.pool_, nullptr)), searcher_(std::move(other.searcher_)) {}
    Lease(const Lease&) = delete;
    Lease& operator=(const Lease&) = delete;
    Lease& operator=(Lease&&) = delete;
    Searcher& operator*() { return *searcher_; }
    Searcher* operator->() { return searcher_.get(); }
    /// The searcher's handles are broken: the next borrower opens anew.
    void discard() { searcher_.reset(); }

   private:
    friend class SearcherPool;
    SearcherPool* pool_;
    std::unique_ptr<Searcher> searcher_;
  };

  /// A searcher opened on the latest revision. Throws ServiceUnavailable
  /// when none is free within `max_wait` or the database cannot be opened.
  Lease borrow();

  /// Runs `f(Searcher&)` on a borrowed searcher; a Xapian error reading the
  /// database (files replaced, a shard gone) drops the searcher and becomes
  /// ServiceUnavailable.
  template <typename F>
  auto with_searcher(F&& f) -> decltype(f(std::declval<Searcher&>())) {
    Lease lease = borrow();
    try {
      return f(*lease);
    } catch (const Xapian::Error& e) {
      lease.discard();
      throw ServiceUnavailable(failed("the index could not be read: " + e.get_description()));
    }
  }

  /// Opens that failed since the start, and the latest reason.
  size_t open_failures() const { return failures_; }
  std::string last_failure() const;

 private:
  void give_back(std::unique_ptr<Searcher> s);
  /// Counts and logs a failure (the same reason at most every 10 s); returns it.
  std::string failed(const std::string& reason);

  std::vector<std::string> dbs_;
  SearcherOptions options_;
  std::chrono::milliseconds max_wait_;
  mutable std::mutex mu_;
  std::condition_variable available_;
  std::vector<std::unique_ptr<Searcher>> free_;  ///< null: not opened yet, or dropped
  size_t lanes_free_;
  std::atomic<size_t> failures_{0};
  std::string last_failure_;
  std::chrono::steady_clock::time_point last_logged_{};
};

}  // namespace sagsoeg
