// One HTTP GET with libcurl, bounded every way a server can misbehave: a
// size cap (an enormous response), a connect timeout, a whole-request
// timeout and a minimum speed (a slow-drip server), at most 5 redirects (a
// loop). Knows nothing of portals, politeness or files.
#pragma once

#include <cstddef>
#include <map>
#include <string>

namespace sagsoeg::harvest {

struct HttpRequest {
  std::string url;
  std::string if_none_match;      ///< a stored ETag: 304 when unchanged
  std::string if_modified_since;  ///< a stored Last-Modified
  size_t max_bytes = 64u << 20;
  long connect_timeout_s = 10;
  long total_timeout_s = 120;
  long low_speed_bytes = 512;  ///< slower than this ...
  long low_speed_s = 15;       ///< ... for this long is a time-out
};

struct HttpResponse {
  long status = 0;    ///< 0 when no HTTP answer came
  std::string error;  ///< transport error (time-out, refused, too large, redirect loop), "" if none
  std::string body;
  std::string content_type, etag, last_modified, retry_after;
  std::string final_url;  ///< after redirects
  bool ok() const { return error.empty() && status == 200; }
};

/// The User-Agent every request carries.
const std::string& user_agent();

class HttpClient {
 public:
  HttpClient();
  ~HttpClient();
  HttpClient(const HttpClient&) = delete;
  HttpClient& operator=(const HttpClient&) = delete;
  HttpResponse get(const HttpRequest& request);

 private:
  void* curl_;  ///< one easy handle, reused: keeps connections alive
};

}  // namespace sagsoeg::harvest
