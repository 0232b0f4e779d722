// cpp-httplib's server with its connection loop replaced by one that puts
// a deadline on each request's head (request line and headers), not only on
// each read: a client that sends a header line every few seconds is cut off
// after `head_deadline`, so slow clients cannot hold every worker. The
// requests themselves are still parsed and routed by httplib.
#pragma once

#include <httplib.h>

#include <chrono>

namespace sagsoeg {

class GuardedServer : public httplib::Server {
 public:
  /// Whole-request-head deadline, idle keep-alive wait, per-read timeout.
  void set_deadlines(std::chrono::milliseconds head, std::chrono::milliseconds keep_alive,
                     std::chrono::milliseconds read) {
    head_deadline_ = head;
    keep_alive_ = keep_alive;
    read_timeout_ = read;
  }
  /// Called from a handler: answer this request, then close the connection
  /// (a 405 to a POST whose body was not read, say).
  static void close_after_response();

 private:
  bool process_and_close_socket(socket_t sock) override;
  std::chrono::milliseconds head_deadline_{3000}, keep_alive_{5000}, read_timeout_{5000};
};

}  // namespace sagsoeg
