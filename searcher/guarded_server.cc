#include "searcher/guarded_server.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>

namespace sagsoeg {

namespace {

thread_local bool t_close_after = false;

using Clock = std::chrono::steady_clock;

bool wait_for(int fd, short events, std::chrono::milliseconds timeout) {
  pollfd p{fd, events, 0};
  for (;;) {
    const int n = ::poll(&p, 1, static_cast<int>(std::max<long long>(0, timeout.count())));
    if (n < 0 && errno == EINTR) continue;
    return n > 0 && (p.revents & (events | POLLHUP | POLLERR));
  }
}

void address_of(int fd, bool peer, std::string& ip, int& port) {
  sockaddr_storage addr{};
  socklen_t len = sizeof addr;
  const int rc = peer ? getpeername(fd, reinterpret_cast<sockaddr*>(&addr), &len)
                      : getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len);
  if (rc != 0) return;
  char buf[INET6_ADDRSTRLEN] = {};
  if (addr.ss_family == AF_INET) {
    const auto* a = reinterpret_cast<const sockaddr_in*>(&addr);
    inet_ntop(AF_INET, &a->sin_addr, buf, sizeof buf);
    port = ntohs(a->sin_port);
  } else if (addr.ss_family == AF_INET6) {
    const auto* a = reinterpret_cast<const sockaddr_in6*>(&addr);
    inet_ntop(AF_INET6, &a->sin6_addr, buf, sizeof buf);
    port = ntohs(a->sin6_port);
  }
  ip = buf;
}

// A socket stream whose reads stop at the request head's deadline while
// the head is being read.
class DeadlineStream : public httplib::Stream {
 public:
  DeadlineStream(int fd, std::chrono::milliseconds read_timeout) : fd_(fd), read_timeout_(read_timeout) {}
  void start_head(std::chrono::milliseconds deadline) {
    head_deadline_ = Clock::now() + deadline;
    in_head_ = true;
  }
  void head_done() { in_head_ = false; }

  bool is_readable() const override {
    if (in_head_ && Clock::now() >= head_deadline_) return false;  // the head's time is up
    return wait_for(fd_, POLLIN, timeout());
  }
  bool is_writable() const override { return wait_for(fd_, POLLOUT, read_timeout_); }
  ssize_t read(char* ptr, size_t size) override {
    if (!is_readable()) return -1;
    for (;;) {
      const ssize_t n = ::recv(fd_, ptr, size, 0);
      if (n < 0 && errno == EINTR) continue;
      return n;
    }
  }
  ssize_t write(const char* ptr, size_t size) override {
    if (!is_writable()) return -1;
    for (;;) {
      const ssize_t n = ::send(fd_, ptr, size, MSG_NOSIGNAL);
      if (n < 0 && errno == EINTR) continue;
      return n;
    }
  }
  void get_remote_ip_and_port(std::string& ip, int& port) const override { address_of(fd_, true, ip, port); }
  void get_local_ip_and_port(std::string& ip, int& port) const override { address_of(fd_, false, ip, port); }
  socket_t socket() const override { return fd_; }

 private:
  std::chrono::milliseconds timeout() const {
    if (!in_head_) return read_timeout_;
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(head_deadline_ - Clock::now());
    return std::min(read_timeout_, std::max(left, std::chrono::milliseconds(0)));
  }
  int fd_;
  std::chrono::milliseconds read_timeout_;
  Clock::time_point head_deadline_{};
  bool in_head_ = false;
};

}  // namespace

void GuardedServer::close_after_response() {
  t_close_after = true;
}

bool GuardedServer::process_and_close_socket(socket_t sock) {
  DeadlineStream stream(sock, read_timeout_);
  bool ok = false;
  for (size_t left = keep_alive_max_count_; left > 0 && is_running(); --left) {
    // Idle keep-alive: wait for the next request's first byte.
    if (!wait_for(sock, POLLIN, left == keep_alive_max_count_ ? read_timeout_ : keep_alive_)) break;
    stream.start_head(head_deadline_);
    t_close_after = false;
    bool closed = false;
    ok = process_request(stream, left == 1, closed, [&stream](httplib::Request&) { stream.head_done(); });
    if (!ok || closed || t_close_after) break;
  }
  ::shutdown(sock, SHUT_RDWR);
  ::close(sock);
  return ok;
}

}  // namespace sagsoeg
