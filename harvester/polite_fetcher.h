// The harvester's manners, around HttpClient: robots.txt read once per host
// and obeyed; requests to one host spaced by the rate (and a longer
// Crawl-delay); 429, 5xx, time-outs and dropped connections retried with
// exponential backoff (Retry-After honoured, within a bound).
#pragma once

#include <chrono>
#include <functional>
#include <map>
#include <string>

#include "harvester/http_client.h"
#include "harvester/robots.h"

namespace sagsoeg::harvest {

struct FetchPolicy {
  double requests_per_second = 2.0;  ///< per host, retries and robots.txt included
  int attempts = 4;                  ///< tries per request
  double first_backoff_s = 1.0;      ///< doubled after each failed try
  double max_wait_s = 60.0;          ///< the longest Retry-After or backoff waited
};

struct Fetched {
  HttpResponse response;
  bool refused_by_robots = false;
  int attempts = 0;
  /// "" when the body is the answer (200) or unchanged (304); else why not.
  std::string problem() const;
};

class PoliteFetcher {
 public:
  explicit PoliteFetcher(FetchPolicy policy) : policy_(policy) {}
  /// Waits, fetches, retries. `request.url` must be absolute http(s).
  Fetched fetch(HttpRequest request);
  size_t requests() const { return requests_; }
  /// For tests and the summary: the sleep function (default: real sleep).
  void set_sleep(std::function<void(double)> sleep) { sleep_ = std::move(sleep); }

 private:
  struct Host {
    bool robots_read = false;
    RobotsRules robots;
    std::chrono::steady_clock::time_point next{};
  };
  HttpResponse one_request(Host& host, const HttpRequest& request);
  HttpResponse with_retries(Host& host, const HttpRequest& request, int& attempts);
  void read_robots(const std::string& origin, Host& host);

  FetchPolicy policy_;
  HttpClient client_;
  std::map<std::string, Host> hosts_;
  size_t requests_ = 0;
  std::function<void(double)> sleep_;
};

/// "https://host:8080/a?b" -> "https://host:8080"; "" if not http(s).
std::string origin_of(const std::string& url);
/// "https://host/a?b" -> "/a?b".
std::string path_of(const std::string& url);

}  // namespace sagsoeg::harvest
