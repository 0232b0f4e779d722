// Connections waiting for their next request wait here, not in a worker:
// one thread polls them all and hands a connection to `dispatch` when it
// has bytes to read. An idle or silent client therefore costs a file
// descriptor, never a worker, and is closed at its deadline.
#pragma once

#include <atomic>
#include <chrono>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace sagsoeg {

class ConnectionPoller {
 public:
  using Clock = std::chrono::steady_clock;
  /// `dispatch(fd)` runs on the poller's thread and must not block.
  ConnectionPoller(std::function<void(int)> dispatch, size_t max_parked);
  ~ConnectionPoller();

  /// Waits for `fd` to become readable until `deadline` (then closes it),
  /// not looking before `not_before`. Over `max_parked` connections, the
  /// one nearest its deadline is closed.
  void park(int fd, Clock::time_point deadline, Clock::time_point not_before = {});
  /// Closes every parked connection and stops the thread.
  void stop();
  size_t parked() const { return parked_count_; }

 private:
  struct Entry {
    int fd;
    Clock::time_point deadline, not_before;
  };
  void run();
  void wake();
  std::function<void(int)> dispatch_;
  size_t max_parked_;
  int wake_fd_ = -1;
  std::mutex mu_;
  std::vector<Entry> incoming_;
  std::atomic<bool> stopping_{false};
  std::atomic<size_t> parked_count_{0};
  std::thread thread_;
};

}  // namespace sagsoeg
