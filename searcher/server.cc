#include "searcher/server.h"

#include <httplib.h>

#include <algorithm>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <iostream>
#include <nlohmann/json.hpp>

#include "model/item_json.h"
#include "search/result_json.h"
#include "searcher/atom_feed.h"
#include "searcher/csv_output.h"
#include "searcher/error_text.h"
#include "searcher/guarded_server.h"
#include "searcher/query_string.h"
#include "searcher/searcher_pool.h"
#include "searcher/web_page.h"
#include "util/utf8.h"

namespace sagsoeg {

namespace {

// Seconds a search may take over HTTP before it is stopped with a 503.
constexpr double kTimeBudget = 2.0;

GuardedServer* g_server = nullptr;

void on_signal(int) {
  if (g_server) g_server->stop();
}

void send_json(httplib::Response& res, int status, const nlohmann::json& body) {
  res.status = status;
  res.set_content(dump_json(body), "application/json; charset=utf-8");
}

void send_error(httplib::Response& res, int status, const std::string& message) {
  send_json(res, status, {{"error", message}, {"message_da", danish_error(status, message)}, {"status", status}});
}

// A path parameter (an item ID, a case ID): text, not bytes.
std::string path_text(const std::string& raw, const char* what) {
  const std::string s = percent_decode(raw, false);
  if (!is_valid_utf8(s)) throw QueryError(std::string(what) + ": not valid UTF-8 text");
  for (unsigned char c : s)
    if (c < 0x20) throw QueryError(std::string(what) + ": control characters are not allowed");
  return s;
}

// The API parameters named in the contract -> a SearchRequest, validated
// as the command line validates them.
SearchRequest request_from_query(const QueryString& q) {
  SearchRequest r;
  r.query = q.get("q");
  r.from = q.get("from");
  r.to = q.get("to");
  r.committee = q.get("committee");
  r.case_id = q.get("case");
  r.topic = q.get("topic");
  r.type = q.get("type");
  r.organisation = q.get("organisation");
  r.kind = q.get("kind");
  r.outcome = q.get("outcome");
  const std::string sort = q.get("sort");
  if (sort == "date") {
    r.sort = SortOrder::date;
  } else if (!sort.empty() && sort != "relevance") {
    throw QueryError("sort must be relevance or date");
  }
  if (q.has("offset")) r.offset = parse_count(q.get("offset"), "parameter 'offset'", kMaxOffset);
  if (q.has("limit")) r.limit = parse_count(q.get("limit"), "parameter 'limit'", kMaxLimit);
  const std::string facets = q.get("facets");
  r.facets = facets == "1" || facets == "true";
  r.spelling = q.get("spelling") != "0";  // "search instead for" the typed words
  r.time_budget = kTimeBudget;
  // Confidential items are never served over HTTP, whatever is asked.
  r.include_confidential = false;
  validate_request(r);
  return r;
}

// Runs a handler body, mapping user errors to 400, time-outs to 503 and
// the rest to 500.
template <typename F>
void guarded(httplib::Response& res, F&& body) {
  try {
    body();
  } catch (const QueryTimeout& e) {
    send_error(res, 503, e.what());
  } catch (const QueryError& e) {
    send_error(res, 400, e.what());
  } catch (const std::exception& e) {
    std::cerr << "searcher: internal error: " << e.what() << "\n";
    send_error(res, 500, "internal error");
  }
}

// "http://host:port" from the Host header when it is a plain host name,
// else the address the server listens on.
std::string base_url(const httplib::Request& req, const ServerOptions& options) {
  const std::string host = req.get_header_value("Host");
  bool plain = !host.empty() && host.size() < 256;
  for (char c : host)
    plain = plain &&
            (std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '-' || c == ':' || c == '[' || c == ']');
  return "http://" + (plain ? host : options.bind + ":" + std::to_string(options.port));
}

void add_routes(httplib::Server& http, SearcherPool& pool, const ServerOptions& options) {
  http.Get("/health", [&pool](const httplib::Request&, httplib::Response& res) {
    guarded(res, [&] {
      auto s = pool.borrow();
      const size_t searchable = s->public_item_count();
      send_json(res, 200, {{"status", "ok"}, {"items", searchable}, {"confidential", s->item_count() - searchable}});
    });
  });
  http.Get("/", [](const httplib::Request&, httplib::Response& res) {
    res.set_header("Content-Security-Policy",
                   "default-src 'none'; script-src 'self' 'unsafe-inline'; style-src 'unsafe-inline'; "
                   "connect-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'self'");
    res.set_content(web_page_html(), "text/html; charset=utf-8");
  });
  http.Get("/api/search", [&pool](const httplib::Request& req, httplib::Response& res) {
    guarded(res, [&] {
      const SearchRequest r = request_from_query(QueryString::from_target(req.target));
      auto s = pool.borrow();
      send_json(res, 200, response_to_json(s->search(r)));
    });
  });
  http.Get("/api/facets", [&pool](const httplib::Request& req, httplib::Response& res) {
    guarded(res, [&] {
      SearchRequest r = request_from_query(QueryString::from_target(req.target));
      r.facets = true;
      r.limit = 0;
      r.snippets = false;
      auto s = pool.borrow();
      const SearchResponse out = s->search(r);
      nlohmann::json j = response_to_json(out);
      send_json(
          res, 200,
          {{"query", j["query"]}, {"total", j["total"]}, {"total_exact", j["total_exact"]}, {"facets", j["facets"]}});
    });
  });
  http.Get(R"(/api/case/(.+))", [&pool](const httplib::Request& req, httplib::Response& res) {
    guarded(res, [&] {
      const std::string id = path_text(req.matches[1], "case");
      auto s = pool.borrow();
      const auto hits = s->case_history(id, false);
      if (hits.empty()) return send_error(res, 404, "no public items for case '" + id + "'");
      send_json(res, 200, case_history_to_json(id, hits, s->confidential_count(id)));
    });
  });
  http.Get(R"(/api/item/(.+))", [&pool](const httplib::Request& req, httplib::Response& res) {
    guarded(res, [&] {
      const std::string id = path_text(req.matches[1], "item");
      auto s = pool.borrow();
      const auto item = s->item(id);
      // A confidential item is answered exactly like an unknown one.
      if (!item || item->is_confidential()) return send_error(res, 404, "no public item '" + id + "'");
      send_json(res, 200, item_detail_to_json(*item));
    });
  });
  http.Get("/api/search.csv", [&pool](const httplib::Request& req, httplib::Response& res) {
    guarded(res, [&] {
      const SearchRequest r = request_from_query(QueryString::from_target(req.target));
      auto s = pool.borrow();
      res.set_header("Content-Disposition", "attachment; filename=\"udvalgssoegning.csv\"");
      res.set_content(results_csv(s->search(r)), "text/csv; charset=utf-8");
    });
  });
  http.Get("/api/similar", [&pool](const httplib::Request& req, httplib::Response& res) {
    guarded(res, [&] {
      const QueryString q = QueryString::from_target(req.target);
      SimilarRequest r;
      r.id = path_text(q.get("id"), "id");
      if (r.id.empty()) throw QueryError("parameter 'id' is required: the item's ID as in results (FILE:N)");
      if (q.has("limit")) r.limit = parse_count(q.get("limit"), "parameter 'limit'", kMaxLimit);
      r.other_committee = q.get("other_committee") == "1" || q.get("other_committee") == "true";
      r.other_year = q.get("other_year") == "1" || q.get("other_year") == "true";
      auto s = pool.borrow();
      const auto hits = s->similar(r);
      // A confidential item is answered exactly like an unknown one.
      if (!hits) return send_error(res, 404, "no public item '" + r.id + "'");
      send_json(res, 200, similar_to_json(r.id, *hits));
    });
  });
  http.Get("/feed", [&pool, &options](const httplib::Request& req, httplib::Response& res) {
    guarded(res, [&] {
      const QueryString q = QueryString::from_target(req.target);
      const std::string id = path_text(q.get("case"), "case");
      if (id.empty()) throw QueryError("parameter 'case' is required: /feed?case=EMN-2024-01240");
      auto s = pool.borrow();
      std::vector<SearchHit> hits = s->case_history(id, false);
      if (hits.empty()) return send_error(res, 404, "no public items for case '" + id + "'");
      // Newest first; undated items (oldest-first order puts them last) stay last.
      const auto undated =
          std::find_if(hits.begin(), hits.end(), [](const SearchHit& h) { return h.item.meta.date.empty(); });
      std::reverse(hits.begin(), undated);
      res.set_content(case_feed(id, hits, base_url(req, options), "/feed?" + q.raw()),
                      "application/atom+xml; charset=utf-8");
    });
  });
  http.Get("/feed.atom", [&pool, &options](const httplib::Request& req, httplib::Response& res) {
    guarded(res, [&] {
      const QueryString q = QueryString::from_target(req.target);
      SearchRequest r = request_from_query(q);
      r.sort = SortOrder::date;
      r.limit = std::max<size_t>(r.limit, 30);
      auto s = pool.borrow();
      const SearchResponse out = s->search(r);
      const std::string self = "/feed.atom" + (q.raw().empty() ? std::string() : "?" + q.raw());
      res.set_content(atom_feed(out, base_url(req, options), self, r), "application/atom+xml; charset=utf-8");
    });
  });
}

// The path for the access log: bytes that could forge a log line (%0a,
// %1b) or are not text are written as %XX.
std::string loggable(const std::string& path) {
  std::string out;
  const bool utf8 = is_valid_utf8(path);
  for (unsigned char c : path) {
    if (c < 0x20 || c == 0x7f || c == '\\' || c == '"' || (c >= 0x80 && !utf8)) {
      char buf[4];
      std::snprintf(buf, sizeof buf, "%%%02X", c);
      out += buf;
    } else {
      out += static_cast<char>(c);
    }
  }
  return out;
}

thread_local std::chrono::steady_clock::time_point t_request_start;

}  // namespace

int run_server(const std::vector<std::string>& dbs, const ServerOptions& options) {
  const size_t threads = static_cast<size_t>(std::max(1, options.threads));
  SearcherPool pool(dbs, threads);
  GuardedServer http;
  http.new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
  // Slow or stuck clients must not hold a worker for long: the whole request
  // head has 3 s, each read or write 5 s, an idle keep-alive connection 5 s.
  http.set_deadlines(std::chrono::milliseconds(3000), std::chrono::milliseconds(5000), std::chrono::milliseconds(5000));
  http.set_read_timeout(5, 0);
  http.set_write_timeout(5, 0);
  // A worker serves one keep-alive connection at a time: hand it back after
  // 100 requests so waiting connections get their turn.
  http.set_keep_alive_max_count(100);
  http.set_payload_max_length(16 * 1024);
  // Small JSON answers on keep-alive connections: without TCP_NODELAY each
  // waits for the client's delayed ACK (40 ms).
  http.set_tcp_nodelay(true);
  http.set_pre_routing_handler([](const httplib::Request& req, httplib::Response& res) {
    t_request_start = std::chrono::steady_clock::now();
    if (req.method != "GET" && req.method != "HEAD") {
      // At once, before any body is read; the connection then closes, as
      // the unread body must not be taken for the next request.
      res.set_header("Allow", "GET, HEAD");
      send_error(res, 405, "method not allowed: only GET and HEAD");
      GuardedServer::close_after_response();
      return httplib::Server::HandlerResponse::Handled;
    }
    if (req.target.size() > 4096) {
      send_error(res, 414, "request line too long");
      return httplib::Server::HandlerResponse::Handled;
    }
    if (req.headers.size() > 64) {
      send_error(res, 431, "too many header fields");
      return httplib::Server::HandlerResponse::Handled;
    }
    res.set_header("X-Content-Type-Options", "nosniff");
    return httplib::Server::HandlerResponse::Unhandled;
  });
  http.set_error_handler([](const httplib::Request& req, httplib::Response& res) {
    // Methods httplib does not route (TRACE, CONNECT, unknown ones) get the
    // same 405 as the others.
    if (!req.method.empty() && req.method != "GET" && req.method != "HEAD") {
      res.set_header("Allow", "GET, HEAD");
      send_error(res, 405, "method not allowed: only GET and HEAD");
      GuardedServer::close_after_response();
      return;
    }
    if (res.body.empty()) send_error(res, res.status, res.status == 404 ? "not found" : "bad request");
  });
  http.set_logger([](const httplib::Request& req, const httplib::Response& res) {
    const double ms =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t_request_start).count();
    std::fprintf(stderr, "%s %s %d %.2fms\n", loggable(req.method).c_str(), loggable(req.path).c_str(), res.status, ms);
  });
  add_routes(http, pool, options);
  g_server = &http;
  std::signal(SIGINT, on_signal);
  std::signal(SIGTERM, on_signal);
  std::signal(SIGPIPE, SIG_IGN);
  if (!http.bind_to_port(options.bind.c_str(), options.port)) {
    std::cerr << "searcher: cannot listen on " << options.bind << ":" << options.port << "\n";
    return 2;
  }
  std::cerr << "searcher: serving http://" << options.bind << ":" << options.port << "/ with " << threads
            << " workers\n";
  http.listen_after_bind();
  g_server = nullptr;
  return 0;
}

}  // namespace sagsoeg
