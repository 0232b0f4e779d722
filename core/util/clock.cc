#include "util/clock.h"

namespace sagsoeg {

std::string utc_time(std::time_t t, const char* format) {
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[64];
  const size_t n = std::strftime(buf, sizeof buf, format, &tm);
  return std::string(buf, n);
}

std::string utc_timestamp() {
  return utc_time(std::time(nullptr), "%Y-%m-%dT%H:%M:%SZ");
}

std::string utc_today() {
  return utc_time(std::time(nullptr), "%Y-%m-%d");
}

}  // namespace sagsoeg
