#include "harvester/http_client.h"

#include <curl/curl.h>

#include <algorithm>
#include <cctype>
#include <stdexcept>

namespace sagsoeg::harvest {

namespace {

struct Transfer {
  HttpResponse* response;
  size_t max_bytes;
  bool too_large = false;
};

size_t on_body(char* data, size_t size, size_t count, void* user) {
  auto* t = static_cast<Transfer*>(user);
  const size_t n = size * count;
  if (t->response->body.size() + n > t->max_bytes) {
    t->too_large = true;
    return 0;  // stops the transfer
  }
  t->response->body.append(data, n);
  return n;
}

std::string trimmed(std::string s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.pop_back();
  size_t b = 0;
  while (b < s.size() && std::isspace(static_cast<unsigned char>(s[b]))) ++b;
  return s.substr(b);
}

size_t on_header(char* data, size_t size, size_t count, void* user) {
  auto* t = static_cast<Transfer*>(user);
  const std::string line(data, size * count);
  const size_t colon = line.find(':');
  if (line.rfind("HTTP/", 0) == 0) {
    // A new response (after a redirect): its headers replace the last ones.
    t->response->etag.clear();
    t->response->last_modified.clear();
    t->response->retry_after.clear();
    t->response->content_type.clear();
  } else if (colon != std::string::npos) {
    std::string name = line.substr(0, colon);
    std::transform(name.begin(), name.end(), name.begin(), [](unsigned char c) { return std::tolower(c); });
    const std::string value = trimmed(line.substr(colon + 1));
    if (name == "etag") t->response->etag = value;
    if (name == "last-modified") t->response->last_modified = value;
    if (name == "retry-after") t->response->retry_after = value;
    if (name == "content-type") t->response->content_type = value;
  }
  return size * count;
}

}  // namespace

const std::string& user_agent() {
  static const std::string agent =
      std::string("sagsoeg-harvester/") + SAGSOEG_VERSION + " (Danish committee-document search; honours robots.txt)";
  return agent;
}

HttpClient::HttpClient() {
  static const CURLcode global = curl_global_init(CURL_GLOBAL_DEFAULT);
  if (global != CURLE_OK) throw std::runtime_error("cannot initialise libcurl");
  curl_ = curl_easy_init();
  if (!curl_) throw std::runtime_error("cannot initialise libcurl");
}

HttpClient::~HttpClient() {
  curl_easy_cleanup(static_cast<CURL*>(curl_));
}

HttpResponse HttpClient::get(const HttpRequest& request) {
  CURL* c = static_cast<CURL*>(curl_);
  curl_easy_reset(c);
  HttpResponse response;
  Transfer transfer{&response, request.max_bytes};
  curl_slist* headers = nullptr;
  if (!request.if_none_match.empty())
    headers = curl_slist_append(headers, ("If-None-Match: " + request.if_none_match).c_str());
  if (!request.if_modified_since.empty())
    headers = curl_slist_append(headers, ("If-Modified-Since: " + request.if_modified_since).c_str());
  headers = curl_slist_append(headers, "Accept: application/json, application/pdf;q=0.9, */*;q=0.5");
  curl_easy_setopt(c, CURLOPT_URL, request.url.c_str());
  curl_easy_setopt(c, CURLOPT_HTTPHEADER, headers);
  curl_easy_setopt(c, CURLOPT_USERAGENT, user_agent().c_str());
  curl_easy_setopt(c, CURLOPT_FOLLOWLOCATION, 1L);
  curl_easy_setopt(c, CURLOPT_MAXREDIRS, 5L);
  curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(c, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(c, CURLOPT_ACCEPT_ENCODING, "");  // gzip and deflate, decoded
  curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT, request.connect_timeout_s);
  curl_easy_setopt(c, CURLOPT_TIMEOUT, request.total_timeout_s);
  curl_easy_setopt(c, CURLOPT_LOW_SPEED_LIMIT, request.low_speed_bytes);
  curl_easy_setopt(c, CURLOPT_LOW_SPEED_TIME, request.low_speed_s);
  curl_easy_setopt(c, CURLOPT_MAXFILESIZE_LARGE, static_cast<curl_off_t>(request.max_bytes));
  curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, on_body);
  curl_easy_setopt(c, CURLOPT_WRITEDATA, &transfer);
  curl_easy_setopt(c, CURLOPT_HEADERFUNCTION, on_header);
  curl_easy_setopt(c, CURLOPT_HEADERDATA, &transfer);
  const CURLcode rc = curl_easy_perform(c);
  curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &response.status);
  char* final_url = nullptr;
  if (curl_easy_getinfo(c, CURLINFO_EFFECTIVE_URL, &final_url) == CURLE_OK && final_url) response.final_url = final_url;
  curl_slist_free_all(headers);
  if (transfer.too_large || rc == CURLE_FILESIZE_EXCEEDED) {
    response.error = "response larger than " + std::to_string(request.max_bytes >> 20) + " MB (cut off)";
  } else if (rc == CURLE_TOO_MANY_REDIRECTS) {
    response.error = "too many redirects (a redirect loop?)";
  } else if (rc == CURLE_OPERATION_TIMEDOUT) {
    response.error = "timed out (no answer, or slower than " + std::to_string(request.low_speed_bytes) +
                     " bytes/s for " + std::to_string(request.low_speed_s) + " s)";
  } else if (rc == CURLE_PARTIAL_FILE) {
    response.error = "truncated response (the connection closed before the whole body came)";
  } else if (rc != CURLE_OK) {
    response.error = curl_easy_strerror(rc);
  }
  return response;
}

}  // namespace sagsoeg::harvest
