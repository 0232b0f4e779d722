// UTC times as text: the one place that formats them.
#pragma once

#include <ctime>
#include <string>

namespace sagsoeg {

/// `t` in UTC with a strftime format ("%Y-%m-%d", "%Y-%m-%dT%H:%M:%SZ").
std::string utc_time(std::time_t t, const char* format);
/// Now, "2026-12-07T19:30:00Z".
std::string utc_timestamp();
/// Today, "2026-12-07".
std::string utc_today();

}  // namespace sagsoeg
