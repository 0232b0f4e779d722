#include "format/pdf/pdf_sandbox.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <iostream>
#include <iterator>
#include <new>

#include "io/input_error.h"
#include "util/utf8.h"

namespace sagsoeg::pdf {

namespace {

std::string& helper_path() {
  static std::string path;
  return path;
}

// ASan reserves terabytes of address space for its shadow memory: an
// address-space limit would stop every child of a sanitizer build.
#if defined(__SANITIZE_ADDRESS__)
constexpr bool kLimitAddressSpace = false;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
constexpr bool kLimitAddressSpace = false;
#else
constexpr bool kLimitAddressSpace = true;
#endif
#else
constexpr bool kLimitAddressSpace = true;
#endif

struct Pipe {
  int fd[2] = {-1, -1};
  Pipe() {
    if (pipe2(fd, O_CLOEXEC) != 0) throw std::runtime_error(std::string("pipe: ") + std::strerror(errno));
  }
  ~Pipe() {
    for (int f : fd)
      if (f >= 0) close(f);
  }
  void close_end(int i) {
    if (fd[i] >= 0) close(fd[i]);
    fd[i] = -1;
  }
};

// Output beyond this is no text of a real document: the child is stopped.
size_t max_output(size_t input) {
  return std::max<size_t>(input * 64, size_t(256) << 20);
}

}  // namespace

void set_helper(const std::string& executable) {
  helper_path() = executable;
  signal(SIGPIPE, SIG_IGN);
}

std::string encode(const PdfText& text) {
  std::string out = "pages " + std::to_string(text.pages) + "\n";
  char head[160];
  for (const Line& l : text.lines) {
    std::snprintf(head, sizeof head, "%d %.3f %.3f %.3f %zu %zu %d %d\t", l.page, l.top, l.bottom, l.font_size,
                  l.bold_chars, l.chars, l.in_margin ? 1 : 0, l.stamped ? 1 : 0);
    out += head;
    for (char c : l.text) out += (c == '\n' || c == '\r') ? ' ' : c;
    out += '\n';
  }
  return out;
}

PdfText decode(std::string_view wire) {
  PdfText text;
  for (std::string_view line : split_lines(wire)) {
    if (starts_with(line, "pages ")) {
      text.pages = std::atoi(std::string(line.substr(6)).c_str());
      continue;
    }
    const size_t tab = line.find('\t');
    if (tab == std::string_view::npos) continue;
    Line l;
    int margin = 0, stamped = 0;
    if (std::sscanf(std::string(line.substr(0, tab)).c_str(), "%d %lf %lf %lf %zu %zu %d %d", &l.page, &l.top,
                    &l.bottom, &l.font_size, &l.bold_chars, &l.chars, &margin, &stamped) != 8)
      continue;
    l.in_margin = margin != 0;
    l.stamped = stamped != 0;
    l.text = std::string(line.substr(tab + 1));
    text.lines.push_back(std::move(l));
  }
  return text;
}

int helper_main() {
  std::string bytes((std::istreambuf_iterator<char>(std::cin)), std::istreambuf_iterator<char>());
  try {
    std::cout << encode(extract_text(bytes));
    std::cout.flush();
    return std::cout ? 0 : 2;
  } catch (const std::bad_alloc&) {
    return 3;  // the memory limit was reached
  } catch (const std::exception& e) {
    std::cerr << e.what();
    return 2;
  }
}

PdfText extract_text_bounded(std::string_view bytes, const ReadLimits& limits) {
  if (helper_path().empty()) return extract_text(bytes);
  Pipe in, out, err;
  const std::string exe = helper_path();
  const char* argv[] = {exe.c_str(), "--read-pdf", nullptr};
  const rlim_t memory = static_cast<rlim_t>(limits.memory_mb) << 20;
  const rlim_t cpu = limits.seconds + 1;
  const pid_t pid = fork();
  if (pid < 0) throw InputError(std::string("cannot start the PDF reader: ") + std::strerror(errno));
  if (pid == 0) {
    // The child: only async-signal-safe calls until exec.
    if (kLimitAddressSpace) {
      const rlimit as{memory, memory};
      setrlimit(RLIMIT_AS, &as);
    }
    const rlimit cpu_limit{cpu, cpu};
    setrlimit(RLIMIT_CPU, &cpu_limit);
    dup2(in.fd[0], 0);
    dup2(out.fd[1], 1);
    dup2(err.fd[1], 2);
    execv(exe.c_str(), const_cast<char* const*>(argv));
    _exit(127);
  }
  in.close_end(0);
  out.close_end(1);
  err.close_end(1);
  fcntl(in.fd[1], F_SETFL, O_NONBLOCK);
  std::string wire, message;
  size_t written = 0;
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(limits.seconds);
  bool timed_out = false, too_much = false;
  for (;;) {
    pollfd fds[3];
    nfds_t n = 0;
    if (in.fd[1] >= 0) fds[n++] = {in.fd[1], POLLOUT, 0};
    if (out.fd[0] >= 0) fds[n++] = {out.fd[0], POLLIN, 0};
    if (err.fd[0] >= 0) fds[n++] = {err.fd[0], POLLIN, 0};
    if (n == 0) break;
    const auto left =
        std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) {
      timed_out = true;
      break;
    }
    const int ready = poll(fds, n, static_cast<int>(left.count()));
    if (ready < 0 && errno == EINTR) continue;
    if (ready <= 0) continue;
    for (nfds_t i = 0; i < n; ++i) {
      if (!fds[i].revents) continue;
      if (fds[i].fd == in.fd[1]) {
        const ssize_t w = write(in.fd[1], bytes.data() + written, bytes.size() - written);
        if (w > 0) written += static_cast<size_t>(w);
        if (w < 0 && errno != EAGAIN && errno != EINTR) written = bytes.size();  // the child went: stop writing
        if (written == bytes.size()) in.close_end(1);
        continue;
      }
      char buf[65536];
      const ssize_t r = read(fds[i].fd, buf, sizeof buf);
      const bool is_out = fds[i].fd == out.fd[0];
      if (r <= 0) {
        if (r == 0 || (errno != EAGAIN && errno != EINTR)) (is_out ? out : err).close_end(0);
        continue;
      }
      (is_out ? wire : message).append(buf, static_cast<size_t>(r));
      if (message.size() > 4096) message.resize(4096);
    }
    if (wire.size() > max_output(bytes.size())) {
      too_much = true;
      break;
    }
  }
  if (timed_out || too_much) kill(pid, SIGKILL);
  int status = 0;
  while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  if (timed_out) throw InputError("PDF took longer than " + std::to_string(limits.seconds) + " s to read: stopped");
  if (too_much) throw InputError("PDF text beyond any document's size: stopped");
  if (WIFSIGNALED(status)) {
    const int sig = WTERMSIG(status);
    if (sig == SIGXCPU)
      throw InputError("PDF took longer than " + std::to_string(limits.seconds) + " s to read: stopped");
    // An allocation beyond the limit ends poppler with an abort or a segfault.
    throw InputError("PDF needed more than " + std::to_string(limits.memory_mb) + " MB or crashed the PDF reader (" +
                     std::string(strsignal(sig)) + "): stopped");
  }
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
    if (WIFEXITED(status) && WEXITSTATUS(status) == 127) throw InputError("cannot start the PDF reader " + exe);
    if (WIFEXITED(status) && WEXITSTATUS(status) == 3)
      throw InputError("PDF needed more than " + std::to_string(limits.memory_mb) + " MB to read: stopped");
    throw InputError(message.empty() ? "the PDF reader failed" : collapse_spaces(message));
  }
  return decode(wire);
}

}  // namespace sagsoeg::pdf
