// Counters for /metrics (Prometheus text format): requests by status,
// a latency histogram and bytes sent, updated lock-free by the workers.
#pragma once

#include <array>
#include <atomic>
#include <string>
#include <vector>

namespace sagsoeg {

class ServerMetrics {
 public:
  void record(int status, double seconds, size_t bytes);

  /// A gauge or counter the server knows at the time of the scrape.
  struct Sample {
    std::string name, help, type;  ///< type: "gauge" or "counter"
    double value;
  };
  /// The exposition text: the request counters, then `extra`.
  std::string render(const std::vector<Sample>& extra) const;

 private:
  static constexpr std::array<double, 11> kBuckets = {0.001, 0.0025, 0.005, 0.01, 0.025, 0.05,
                                                      0.1,   0.25,   0.5,   1.0,  2.5};
  std::array<std::atomic<unsigned long>, 600> by_status_{};
  std::array<std::atomic<unsigned long>, kBuckets.size() + 1> by_bucket_{};  ///< last: above every bucket
  std::atomic<unsigned long> count_{0};
  std::atomic<unsigned long> microseconds_{0};
  std::atomic<unsigned long> bytes_{0};
};

}  // namespace sagsoeg
