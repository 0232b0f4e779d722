#include "searcher/guarded_server.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
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
  bool in_head() const { return in_head_; }

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

// The answer to a request no worker can take now: written without
// waiting (the socket's buffer takes it), then the connection closes.
void answer_busy(int fd) {
  static const std::string body =
      R"({"error":"server busy: too many requests waiting","message_da":"Serveren er optaget; prøv igen om lidt.","status":503})";
  const std::string response =
      "HTTP/1.1 503 Service Unavailable\r\nContent-Type: application/json; charset=utf-8\r\n"
      "Retry-After: 1\r\nConnection: close\r\nContent-Length: " +
      std::to_string(body.size()) + "\r\n\r\n" + body;
  [[maybe_unused]] const ssize_t n = ::send(fd, response.data(), response.size(), MSG_DONTWAIT | MSG_NOSIGNAL);
  ::shutdown(fd, SHUT_RDWR);
  ::close(fd);
}

std::string client_of(int fd) {
  std::string ip;
  int port = 0;
  address_of(fd, true, ip, port);
  return ip;
}

}  // namespace

GuardedServer::GuardedServer(ConnectionLimits limits) : limits_(limits) {
  poller_ = std::make_unique<ConnectionPoller>([this](int fd) { dispatch(fd); }, limits_.max_connections);
  new_task_queue = [this] {
    auto* pool = new WorkerPool(limits_.workers, limits_.max_queued);
    std::lock_guard<std::mutex> lock(mu_);
    workers_ = pool;
    return pool;
  };
}

GuardedServer::~GuardedServer() {
  poller_->stop();
}

void GuardedServer::close_after_response() {
  t_close_after = true;
}

void GuardedServer::shutdown_now() {
  poller_->stop();  // no more dispatches to the workers
  {
    std::lock_guard<std::mutex> lock(mu_);
    workers_ = nullptr;
    for (int fd : serving_) ::shutdown(fd, SHUT_RDWR);
  }
  stop();
}

// httplib's accept loop hands over each new connection here (on its own
// thread, through WorkerPool::enqueue): it waits in the poller for its
// first request.
bool GuardedServer::process_and_close_socket(socket_t sock) {
  const int one = 1;
  ::setsockopt(sock, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
  poller_->park(sock, Clock::now() + limits_.idle);
  return true;
}

// A connection has bytes to read (poller thread): to a worker, unless its
// client already has its share of them or every worker has a queue.
void GuardedServer::dispatch(int fd) {
  const std::string client = client_of(fd);
  WorkerPool* workers = nullptr;
  {
    std::lock_guard<std::mutex> lock(mu_);
    workers = workers_;
    if (workers && in_workers_[client] >= limits_.per_client) {
      // Its turn comes when one of its own requests is done.
      poller_->park(fd, Clock::now() + limits_.head, Clock::now() + std::chrono::milliseconds(20));
      return;
    }
    if (workers) {
      ++in_workers_[client];
      serving_.insert(fd);
    }
  }
  if (!workers) {
    ::close(fd);
    return;
  }
  if (!workers->try_submit([this, fd, client] { serve(fd, client); })) {
    release(fd, client);
    ++busy_rejections_;
    answer_busy(fd);
  }
}

void GuardedServer::release(int fd, const std::string& client) {
  std::lock_guard<std::mutex> lock(mu_);
  serving_.erase(fd);
  auto it = in_workers_.find(client);
  if (it != in_workers_.end() && --it->second == 0) in_workers_.erase(it);
}

// One or more requests of a connection, on a worker; then the connection
// waits in the poller for its next request, or closes.
void GuardedServer::serve(int fd, const std::string& client) {
  DeadlineStream stream(fd, limits_.io);
  for (;;) {
    if (!is_running()) break;
    stream.start_head(limits_.head);
    t_close_after = false;
    bool closed = false;
    const bool ok = process_request(stream, false, closed, [&stream](httplib::Request&) { stream.head_done(); });
    // A head that could not be read was answered (400, 414, 431); what
    // follows it on the connection is not a request.
    if (!ok || closed || t_close_after || stream.in_head()) break;
    if (wait_for(fd, POLLIN, std::chrono::milliseconds(0))) continue;  // pipelined
    release(fd, client);
    poller_->park(fd, Clock::now() + limits_.idle);
    return;
  }
  release(fd, client);
  ::shutdown(fd, SHUT_RDWR);
  ::close(fd);
}

}  // namespace sagsoeg
