#include "harvester/polite_fetcher.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <thread>

namespace sagsoeg::harvest {

namespace {

bool retryable(const HttpResponse& r) {
  if (!r.error.empty())
    return r.error.find("larger than") == std::string::npos && r.error.find("redirect") == std::string::npos;
  return r.status == 429 || r.status >= 500;
}

double retry_after_seconds(const std::string& value) {
  if (value.empty()) return -1;
  char* end = nullptr;
  const double s = std::strtod(value.c_str(), &end);
  return end && *end == '\0' && s >= 0 ? s : -1;  // an HTTP date: fall back to the backoff
}

}  // namespace

std::string origin_of(const std::string& url) {
  const size_t scheme = url.find("://");
  if (scheme == std::string::npos) return {};
  const std::string s = url.substr(0, scheme);
  if (s != "http" && s != "https") return {};
  const size_t slash = url.find('/', scheme + 3);
  return url.substr(0, slash);
}

std::string path_of(const std::string& url) {
  const size_t scheme = url.find("://");
  const size_t slash = scheme == std::string::npos ? std::string::npos : url.find('/', scheme + 3);
  return slash == std::string::npos ? "/" : url.substr(slash);
}

std::string Fetched::problem() const {
  if (refused_by_robots) return "refused by the portal's robots.txt";
  if (!response.error.empty()) return response.error;
  if (response.status == 200 || response.status == 304) return {};
  return "HTTP " + std::to_string(response.status);
}

HttpResponse PoliteFetcher::one_request(Host& host, const HttpRequest& request) {
  const double interval = std::max(1.0 / std::max(policy_.requests_per_second, 0.01), host.robots.crawl_delay());
  const auto now = std::chrono::steady_clock::now();
  if (host.next > now) {
    const double wait = std::chrono::duration<double>(host.next - now).count();
    if (sleep_) {
      sleep_(wait);
    } else {
      std::this_thread::sleep_for(std::chrono::duration<double>(wait));
    }
  }
  ++requests_;
  HttpResponse r = client_.get(request);
  // The spacing runs from the end of a request: a slow answer is not
  // followed by a burst.
  host.next = std::chrono::steady_clock::now() +
              std::chrono::duration_cast<std::chrono::steady_clock::duration>(std::chrono::duration<double>(interval));
  return r;
}

void PoliteFetcher::read_robots(const std::string& origin, Host& host) {
  host.robots_read = true;
  HttpRequest req;
  req.url = origin + "/robots.txt";
  req.max_bytes = 512 * 1024;
  req.total_timeout_s = 30;
  int attempts = 0;
  const HttpResponse r = with_retries(host, req, attempts);
  if (r.error.empty() && r.status == 200) {
    host.robots = RobotsRules::parse(r.body, "sagsoeg-harvester");
  } else if (r.error.empty() && r.status >= 400 && r.status < 500) {
    host.robots = RobotsRules::allow_all();
  } else {
    // Unreachable or a server error: RFC 9309 says assume complete disallow.
    host.robots = RobotsRules::disallow_all();
  }
}

Fetched PoliteFetcher::fetch(HttpRequest request) {
  Fetched out;
  const std::string origin = origin_of(request.url);
  Host& host = hosts_[origin];
  if (!host.robots_read) read_robots(origin, host);
  if (!host.robots.allowed(path_of(request.url))) {
    out.refused_by_robots = true;
    return out;
  }
  out.response = with_retries(host, request, out.attempts);
  return out;
}

HttpResponse PoliteFetcher::with_retries(Host& host, const HttpRequest& request, int& attempts) {
  double backoff = policy_.first_backoff_s;
  for (attempts = 1;; ++attempts) {
    HttpResponse r = one_request(host, request);
    if (!retryable(r) || attempts >= policy_.attempts) return r;
    double wait = retry_after_seconds(r.retry_after);
    if (wait < 0) wait = backoff;
    wait = std::min(wait, policy_.max_wait_s);
    backoff *= 2;
    if (sleep_) {
      sleep_(wait);
    } else {
      std::this_thread::sleep_for(std::chrono::duration<double>(wait));
    }
  }
}

}  // namespace sagsoeg::harvest
