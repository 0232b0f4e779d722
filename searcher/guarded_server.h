// cpp-httplib's server with its connection handling replaced, so that no
// client can hold the workers:
// - a connection waits for its next request in a ConnectionPoller, not in a
//   worker; a worker takes it only when bytes arrive;
// - the whole request head (request line and headers) has a deadline, not
//   only each read, so a client sending a header line every few seconds is
//   cut off;
// - one client (address) may have at most `per_client` requests in workers
//   at once; the rest wait their turn in the poller;
// - the queue of requests for the workers is bounded: beyond it a request
//   gets 503 at once;
// - a request whose head could not be read (too long, malformed) is
//   answered and the connection closed, so leftover bytes are never read as
//   another request.
// The requests themselves are still parsed and routed by httplib.
#pragma once

#include <httplib.h>

#include <atomic>
#include <chrono>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <unordered_map>

#include "searcher/connection_poller.h"
#include "searcher/worker_pool.h"

namespace sagsoeg {

struct ConnectionLimits {
  std::chrono::milliseconds head{3000};  ///< the whole request head
  std::chrono::milliseconds idle{5000};  ///< waiting for a next request (or a first)
  std::chrono::milliseconds io{5000};    ///< any one read or write
  size_t workers = 8;                    ///< HTTP worker threads
  size_t max_queued = 64;                ///< requests waiting for a worker
  size_t per_client = 7;                 ///< requests of one address in workers at once
  size_t max_connections = 4096;         ///< connections waiting for a request
};

class GuardedServer : public httplib::Server {
 public:
  explicit GuardedServer(ConnectionLimits limits);
  ~GuardedServer() override;

  /// Called from a handler: answer this request, then close the connection
  /// (a 405 to a POST whose body was not read, say).
  static void close_after_response();
  /// Stops listening, closes waiting connections and cuts the ones being
  /// served (their reads and writes fail at once). Thread-safe.
  void shutdown_now();

  size_t waiting_connections() const { return poller_ ? poller_->parked() : 0; }
  size_t busy_rejections() const { return busy_rejections_; }

 private:
  bool process_and_close_socket(socket_t sock) override;
  void dispatch(int fd);
  void serve(int fd, const std::string& client);
  void release(int fd, const std::string& client);

  ConnectionLimits limits_;
  std::mutex mu_;
  WorkerPool* workers_ = nullptr;                       ///< owned by httplib's listen loop
  std::unordered_map<std::string, size_t> in_workers_;  ///< per client address
  std::set<int> serving_;
  std::atomic<size_t> busy_rejections_{0};
  std::unique_ptr<ConnectionPoller> poller_;
};

}  // namespace sagsoeg
