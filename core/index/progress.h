// The indexer's progress: a bar on a terminal, or a line every 10 s for a
// log or journal (--progress): files, items, items/s, ETA.
#pragma once

#include <chrono>
#include <cstdio>
#include <string>

namespace sagsoeg {

enum class ProgressMode { off, bar, lines };

class Progress {
 public:
  Progress(ProgressMode mode, size_t total) : mode_(mode), total_(total), start_(clock::now()) {}
  void update(size_t done, size_t items, bool force = false) {
    if (mode_ == ProgressMode::off) return;
    const auto now = clock::now();
    const auto every = mode_ == ProgressMode::bar ? std::chrono::milliseconds(200) : std::chrono::milliseconds(10000);
    if (!force && now - last_ < every) return;
    if (last_ == clock::time_point{} && mode_ == ProgressMode::lines && !force) {
      last_ = now;  // the first line after 10 s, not at once
      return;
    }
    last_ = now;
    const double secs = std::chrono::duration<double>(now - start_).count();
    const double rate = secs > 0 ? items / secs : 0;
    const double eta = done > 0 ? secs * (total_ - done) / done : 0;
    if (mode_ == ProgressMode::lines) {
      // A log or journal: whole lines, no carriage returns.
      std::fprintf(stderr, "indexer: progress: %zu/%zu files, %zu items, %.0f items/s, ETA %.0f s\n", done, total_,
                   items, rate, eta);
      return;
    }
    const int width = 30;
    const int filled = total_ ? static_cast<int>(width * done / total_) : width;
    std::fprintf(stderr, "\r[%s%s] %zu/%zu files  %zu items  %.0f items/s  ETA %.0fs ",
                 std::string(static_cast<size_t>(filled), '#').c_str(),
                 std::string(static_cast<size_t>(width - filled), '.').c_str(), done, total_, items, rate, eta);
  }
  void finish() {
    if (mode_ == ProgressMode::bar) std::fputs("\n", stderr);
  }

 private:
  using clock = std::chrono::steady_clock;
  ProgressMode mode_;
  size_t total_;
  clock::time_point start_, last_{};
};

}  // namespace sagsoeg
