// /health apart from the searches: its own database handles, refreshed at
// most once a second by whichever request comes first, so a health check
// never waits for a searcher, a busy server or another health check.
#pragma once

#include <chrono>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "search/searcher.h"

namespace sagsoeg {

struct HealthReport {
  bool opened = false;  ///< the index could be opened
  std::string error;    ///< why not, when not
  Searcher::Status status;
  /// "ok", "degraded" (opened, but no items or a shard left out) or "unavailable".
  std::string verdict() const;
};

class HealthProbe {
 public:
  HealthProbe(std::vector<std::string> dbs, SearcherOptions options) : dbs_(std::move(dbs)), options_(options) {}
  HealthReport report();

 private:
  std::vector<std::string> dbs_;
  SearcherOptions options_;
  std::mutex refreshing_;  ///< held by the one request refreshing
  std::unique_ptr<Searcher> searcher_;
  std::mutex mu_;  ///< guards the cached report
  HealthReport cached_;
  std::chrono::steady_clock::time_point taken_{};
};

}  // namespace sagsoeg
