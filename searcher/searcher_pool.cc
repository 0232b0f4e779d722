#include "searcher/searcher_pool.h"

#include <iostream>

namespace sagsoeg {

SearcherPool::SearcherPool(std::vector<std::string> dbs, SearcherOptions options, size_t size,
                           std::chrono::milliseconds max_wait)
    : dbs_(std::move(dbs)),
      options_(options),
      max_wait_(max_wait),
      free_(std::max<size_t>(1, size)),
      lanes_free_(free_.size()) {}

SearcherPool::Lease SearcherPool::borrow() {
  std::unique_ptr<Searcher> s;
  {
    std::unique_lock<std::mutex> lock(mu_);
    if (!available_.wait_for(lock, max_wait_, [this] { return lanes_free_ > 0; }))
      throw ServiceUnavailable("server busy: every searcher was in use for " + std::to_string(max_wait_.count()) +
                               " ms");
    --lanes_free_;
    s = std::move(free_.back());
    free_.pop_back();
  }
  // From here on the lease gives the lane back, whatever happens.
  Lease lease(*this, std::move(s));
  try {
    if (lease.searcher_) {
      lease->reopen();
    } else {
      lease.searcher_ = std::make_unique<Searcher>(dbs_, options_);
    }
  } catch (const std::exception& e) {
    lease.discard();
    throw ServiceUnavailable(failed(e.what()));
  } catch (const Xapian::Error& e) {
    lease.discard();
    throw ServiceUnavailable(failed("cannot open the index: " + e.get_description()));
  }
  return lease;
}

void SearcherPool::give_back(std::unique_ptr<Searcher> s) {
  {
    std::lock_guard<std::mutex> lock(mu_);
    free_.push_back(std::move(s));
    ++lanes_free_;
  }
  available_.notify_one();
}

std::string SearcherPool::failed(const std::string& reason) {
  ++failures_;
  const auto now = std::chrono::steady_clock::now();
  std::lock_guard<std::mutex> lock(mu_);
  if (reason != last_failure_ || now - last_logged_ > std::chrono::seconds(10)) {
    std::cerr << "searcher: index unavailable: " << reason << " (retried on the next request)\n";
    last_logged_ = now;
  }
  last_failure_ = reason;
  return reason;
}

std::string SearcherPool::last_failure() const {
  std::lock_guard<std::mutex> lock(mu_);
  return last_failure_;
}

}  // namespace sagsoeg
