// One Searcher (one set of Xapian database handles) per worker: Xapian
// objects are not thread-safe. A request borrows a searcher, reopens it to
// see the latest committed index, and gives it back.
#pragma once

#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "search/searcher.h"

namespace sagsoeg {

class SearcherPool {
 public:
  SearcherPool(const std::vector<std::string>& dbs, size_t size) {
    for (size_t i = 0; i < size; ++i) free_.push_back(std::make_unique<Searcher>(dbs));
  }

  class Lease {
   public:
    Lease(SearcherPool& pool, std::unique_ptr<Searcher> s) : pool_(pool), searcher_(std::move(s)) {}
    ~Lease() { pool_.give_back(std::move(searcher_)); }
    Lease(const Lease&) = delete;
    Lease& operator=(const Lease&) = delete;
    Searcher& operator*() { return *searcher_; }
    Searcher* operator->() { return searcher_.get(); }

   private:
    SearcherPool& pool_;
    std::unique_ptr<Searcher> searcher_;
  };

  Lease borrow() {
    std::unique_lock<std::mutex> lock(mu_);
    available_.wait(lock, [this] { return !free_.empty(); });
    std::unique_ptr<Searcher> s = std::move(free_.back());
    free_.pop_back();
    lock.unlock();
    s->reopen();
    return Lease(*this, std::move(s));
  }

 private:
  void give_back(std::unique_ptr<Searcher> s) {
    std::lock_guard<std::mutex> lock(mu_);
    free_.push_back(std::move(s));
    available_.notify_one();
  }

  std::mutex mu_;
  std::condition_variable available_;
  std::vector<std::unique_ptr<Searcher>> free_;
};

}  // namespace sagsoeg
