#include "searcher/connection_poller.h"

#include <poll.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <stdexcept>

namespace sagsoeg {

namespace {

void close_connection(int fd) {
  ::shutdown(fd, SHUT_RDWR);
  ::close(fd);
}

}  // namespace

ConnectionPoller::ConnectionPoller(std::function<void(int)> dispatch, size_t max_parked)
    : dispatch_(std::move(dispatch)), max_parked_(std::max<size_t>(1, max_parked)) {
  wake_fd_ = ::eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
  if (wake_fd_ < 0) throw std::runtime_error("cannot create an eventfd for the connection poller");
  thread_ = std::thread([this] { run(); });
}

ConnectionPoller::~ConnectionPoller() {
  stop();
  ::close(wake_fd_);
}

void ConnectionPoller::park(int fd, Clock::time_point deadline, Clock::time_point not_before) {
  if (stopping_) return close_connection(fd);
  {
    std::lock_guard<std::mutex> lock(mu_);
    incoming_.push_back({fd, deadline, not_before});
  }
  wake();
}

void ConnectionPoller::wake() {
  const uint64_t one = 1;
  [[maybe_unused]] const ssize_t n = ::write(wake_fd_, &one, sizeof one);
}

void ConnectionPoller::stop() {
  if (stopping_.exchange(true)) return;
  wake();
  if (thread_.joinable()) thread_.join();
  std::lock_guard<std::mutex> lock(mu_);
  for (const Entry& e : incoming_) close_connection(e.fd);
  incoming_.clear();
}

void ConnectionPoller::run() {
  std::vector<Entry> parked;
  std::vector<pollfd> fds;
  std::vector<size_t> polled;  // index into `parked` of fds[i + 1]
  while (!stopping_) {
    {
      std::lock_guard<std::mutex> lock(mu_);
      parked.insert(parked.end(), incoming_.begin(), incoming_.end());
      incoming_.clear();
    }
    // Too many waiting: the one nearest its deadline gives way.
    while (parked.size() > max_parked_) {
      auto first = std::min_element(parked.begin(), parked.end(),
                                    [](const Entry& a, const Entry& b) { return a.deadline < b.deadline; });
      close_connection(first->fd);
      *first = parked.back();
      parked.pop_back();
    }
    parked_count_ = parked.size();
    const Clock::time_point now = Clock::now();
    Clock::time_point next = now + std::chrono::seconds(1);
    fds.assign(1, pollfd{wake_fd_, POLLIN, 0});
    polled.clear();
    for (size_t i = 0; i < parked.size(); ++i) {
      next = std::min(next, parked[i].deadline);
      if (parked[i].not_before > now) {
        next = std::min(next, parked[i].not_before);
        continue;
      }
      fds.push_back(pollfd{parked[i].fd, POLLIN, 0});
      polled.push_back(i);
    }
    const auto wait = std::chrono::duration_cast<std::chrono::milliseconds>(next - now).count();
    const int n = ::poll(fds.data(), fds.size(), static_cast<int>(std::clamp<long long>(wait, 0, 1000)));
    if (n < 0 && errno != EINTR) break;
    if (fds[0].revents & POLLIN) {
      uint64_t count;
      [[maybe_unused]] const ssize_t r = ::read(wake_fd_, &count, sizeof count);
    }
    // Readable ones go to work; expired ones are closed; the rest wait on.
    std::vector<char> leaving(parked.size(), 0);
    for (size_t k = 1; k < fds.size(); ++k)
      if (fds[k].revents & (POLLIN | POLLHUP | POLLERR)) leaving[polled[k - 1]] = 1;
    const Clock::time_point after = Clock::now();
    std::vector<Entry> still;
    still.reserve(parked.size());
    for (size_t i = 0; i < parked.size(); ++i) {
      if (leaving[i]) {
        dispatch_(parked[i].fd);
      } else if (parked[i].deadline <= after) {
        close_connection(parked[i].fd);
      } else {
        still.push_back(parked[i]);
      }
    }
    parked.swap(still);
  }
  for (const Entry& e : parked) close_connection(e.fd);
  parked_count_ = 0;
}

}  // namespace sagsoeg
