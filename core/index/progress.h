// The indexer's progress bar on a terminal: files, items, items/s, ETA.
#pragma once

#include <chrono>
#include <cstdio>
#include <string>

namespace sagsoeg {

class Progress {
 public:
  Progress(bool enabled, size_t total) : enabled_(enabled), total_(total), start_(clock::now()) {}
  void update(size_t done, size_t items, bool force = false) {
    if (!enabled_) return;
    const auto now = clock::now();
    if (!force && now - last_ < std::chrono::milliseconds(200)) return;
    last_ = now;
    const double secs = std::chrono::duration<double>(now - start_).count();
    const double rate = secs > 0 ? items / secs : 0;
    const double eta = done > 0 ? secs * (total_ - done) / done : 0;
    const int width = 30;
    const int filled = total_ ? static_cast<int>(width * done / total_) : width;
    std::fprintf(stderr, "\r[%s%s] %zu/%zu files  %zu items  %.0f items/s  ETA %.0fs ",
                 std::string(static_cast<size_t>(filled), '#').c_str(),
                 std::string(static_cast<size_t>(width - filled), '.').c_str(), done, total_, items, rate, eta);
  }
  void finish() {
    if (enabled_) std::fputs("\n", stderr);
  }

 private:
  using clock = std::chrono::steady_clock;
  bool enabled_;
  size_t total_;
  clock::time_point start_, last_{};
};

}  // namespace sagsoeg
