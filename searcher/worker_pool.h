// The server's HTTP workers: a fixed set of threads and a bounded queue of
// connections that have a request to read. When the queue is full the
// caller is told at once, so it can answer 503 instead of letting work pile
// up without bound.
#pragma once

#include <httplib.h>

#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace sagsoeg {

class WorkerPool : public httplib::TaskQueue {
 public:
  WorkerPool(size_t threads, size_t max_queued);
  ~WorkerPool() override;

  /// httplib's accept loop: runs `fn` at once on the calling thread (the
  /// server parks the new connection until it has bytes to read).
  void enqueue(std::function<void()> fn) override { fn(); }
  /// Queues `job` for a worker; false (and nothing queued) when the queue is full.
  bool try_submit(std::function<void()> job);
  void shutdown() override;
  size_t threads() const { return threads_.size(); }

 private:
  void work();
  std::vector<std::thread> threads_;
  std::deque<std::function<void()>> jobs_;
  size_t max_queued_;
  bool stopping_ = false;
  std::mutex mu_;
  std::condition_variable ready_;
};

}  // namespace sagsoeg
