#include "searcher/server_metrics.h"

#include <cstdio>

namespace sagsoeg {

namespace {

std::string number(double v) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.15g", v);
  return buf;
}

}  // namespace

void ServerMetrics::record(int status, double seconds, size_t bytes) {
  if (status >= 100 && status < 600) ++by_status_[static_cast<size_t>(status)];
  size_t b = 0;
  while (b < kBuckets.size() && seconds > kBuckets[b]) ++b;
  ++by_bucket_[b];
  ++count_;
  microseconds_ += static_cast<unsigned long>(seconds * 1e6);
  bytes_ += bytes;
}

std::string ServerMetrics::render(const std::vector<Sample>& extra) const {
  std::string out;
  out += "# HELP sagsoeg_http_requests_total HTTP requests answered, by status code.\n";
  out += "# TYPE sagsoeg_http_requests_total counter\n";
  for (size_t s = 100; s < by_status_.size(); ++s)
    if (const unsigned long n = by_status_[s])
      out += "sagsoeg_http_requests_total{code=\"" + std::to_string(s) + "\"} " + std::to_string(n) + "\n";
  out += "# HELP sagsoeg_http_request_duration_seconds Time from request head to answer.\n";
  out += "# TYPE sagsoeg_http_request_duration_seconds histogram\n";
  unsigned long cumulative = 0;
  for (size_t b = 0; b < kBuckets.size(); ++b) {
    cumulative += by_bucket_[b];
    out += "sagsoeg_http_request_duration_seconds_bucket{le=\"" + number(kBuckets[b]) + "\"} " +
           std::to_string(cumulative) + "\n";
  }
  cumulative += by_bucket_[kBuckets.size()];
  out += "sagsoeg_http_request_duration_seconds_bucket{le=\"+Inf\"} " + std::to_string(cumulative) + "\n";
  out += "sagsoeg_http_request_duration_seconds_sum " + number(microseconds_ / 1e6) + "\n";
  out += "sagsoeg_http_request_duration_seconds_count " + std::to_string(count_.load()) + "\n";
  out += "# HELP sagsoeg_http_response_bytes_total Bytes of response bodies sent.\n";
  out += "# TYPE sagsoeg_http_response_bytes_total counter\n";
  out += "sagsoeg_http_response_bytes_total " + std::to_string(bytes_.load()) + "\n";
  for (const Sample& s : extra) {
    out += "# HELP " + s.name + " " + s.help + "\n";
    out += "# TYPE " + s.name + " " + s.type + "\n";
    out += s.name + " " + number(s.value) + "\n";
  }
  return out;
}

}  // namespace sagsoeg
