// FNV-1a: a small, stable hash for content change detection, shard
// assignment and version strings (not for security).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace sagsoeg {

uint64_t fnv1a64(std::string_view data);
/// fnv1a64 as 16 hex digits.
std::string fnv1a_hex(std::string_view data);

}  // namespace sagsoeg
