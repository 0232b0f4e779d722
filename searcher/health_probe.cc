#include "searcher/health_probe.h"

namespace sagsoeg {

std::string HealthReport::verdict() const {
  if (!opened) return "unavailable";
  return status.items == 0 || !status.failed_shards.empty() ? "degraded" : "ok";
}

HealthReport HealthProbe::report() {
  std::unique_lock<std::mutex> refreshing(refreshing_, std::try_to_lock);
  const auto now = std::chrono::steady_clock::now();
  bool stale;
  {
    std::lock_guard<std::mutex> lock(mu_);
    stale = taken_ == std::chrono::steady_clock::time_point{} || now - taken_ >= std::chrono::seconds(1);
  }
  if (refreshing.owns_lock() && stale) {
    HealthReport fresh;
    try {
      if (searcher_) {
        searcher_->reopen();
      } else {
        searcher_ = std::make_unique<Searcher>(dbs_, options_);
      }
      fresh.status = searcher_->status();
      fresh.opened = true;
    } catch (const std::exception& e) {
      searcher_.reset();
      fresh.error = e.what();
    } catch (const Xapian::Error& e) {
      searcher_.reset();
      fresh.error = "cannot read the index: " + e.get_description();
    }
    std::lock_guard<std::mutex> lock(mu_);
    cached_ = std::move(fresh);
    taken_ = now;
  }
  std::lock_guard<std::mutex> lock(mu_);
  if (taken_ == std::chrono::steady_clock::time_point{}) {
    HealthReport starting;
    starting.error = "starting: the index is being opened";
    return starting;
  }
  return cached_;
}

}  // namespace sagsoeg
