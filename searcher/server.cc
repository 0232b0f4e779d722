#include "searcher/server.h"

#include <httplib.h>

#include <chrono>
#include <csignal>
#include <cstdio>
#include <iostream>
#include <nlohmann/json.hpp>

#include "model/item_json.h"
#include "search/result_json.h"
#include "searcher/atom_feed.h"
#include "searcher/searcher_pool.h"
#include "searcher/web_page.h"

namespace sagsoeg {

namespace {

constexpr size_t kMaxQueryLength = 1000;
constexpr size_t kMaxLimit = 100;

httplib::Server* g_server = nullptr;

void on_signal(int) {
  if (g_server) g_server->stop();
}

void send_json(httplib::Response& res, int status, const nlohmann::json& body) {
  res.status = status;
  res.set_content(dump_json(body), "application/json; charset=utf-8");
}

void send_error(httplib::Response& res, int status, const std::string& message) {
  send_json(res, status, {{"error", message}, {"status", status}});
}

size_t size_param(const httplib::Request& req, const char* name, size_t fallback, size_t max) {
  if (!req.has_param(name)) return fallback;
  const std::string v = req.get_param_value(name);
  if (v.empty() || v.size() > 9 || v.find_first_not_of("0123456789") != std::string::npos)
    throw QueryError(std::string("parameter '") + name + "' must be a non-negative integer");
  return std::min(static_cast<size_t>(std::stoul(v)), max);
}

// The API parameters named in the contract -> a SearchRequest.
SearchRequest request_from_params(const httplib::Request& req) {
  SearchRequest r;
  r.query = req.get_param_value("q");
  if (r.query.size() > kMaxQueryLength) throw QueryError("query longer than 1000 characters");
  r.from = req.get_param_value("from");
  r.to = req.get_param_value("to");
  r.committee = req.get_param_value("committee");
  r.case_id = req.get_param_value("case");
  r.topic = req.get_param_value("topic");
  r.type = req.get_param_value("type");
  const std::string sort = req.get_param_value("sort");
  if (sort == "date") {
    r.sort = SortOrder::date;
  } else if (!sort.empty() && sort != "relevance") {
    throw QueryError("sort must be relevance or date");
  }
  r.offset = size_param(req, "offset", 0, 100000);
  r.limit = size_param(req, "limit", 10, kMaxLimit);
  const std::string facets = req.get_param_value("facets");
  r.facets = facets == "1" || facets == "true";
  // Confidential items are never served over HTTP, whatever is asked.
  r.include_confidential = false;
  return r;
}

// Runs a handler body, mapping user errors to 400 and the rest to 500.
template <typename F>
void guarded(httplib::Response& res, F&& body) {
  try {
    body();
  } catch (const QueryError& e) {
    send_error(res, 400, e.what());
  } catch (const std::exception& e) {
    std::cerr << "searcher: internal error: " << e.what() << "\n";
    send_error(res, 500, "internal error");
  }
}

void add_routes(httplib::Server& http, SearcherPool& pool) {
  http.Get("/health", [&pool](const httplib::Request&, httplib::Response& res) {
    guarded(res, [&] {
      auto s = pool.borrow();
      send_json(res, 200, {{"status", "ok"}, {"items", s->item_count()}});
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
      const SearchRequest r = request_from_params(req);
      auto s = pool.borrow();
      send_json(res, 200, response_to_json(s->search(r)));
    });
  });
  http.Get("/api/facets", [&pool](const httplib::Request& req, httplib::Response& res) {
    guarded(res, [&] {
      SearchRequest r = request_from_params(req);
      r.facets = true;
      r.limit = 0;
      r.snippets = false;
      auto s = pool.borrow();
      const SearchResponse out = s->search(r);
      nlohmann::json j = response_to_json(out);
      send_json(res, 200, {{"query", j["query"]}, {"total", j["total"]}, {"facets", j["facets"]}});
    });
  });
  http.Get(R"(/api/case/(.+))", [&pool](const httplib::Request& req, httplib::Response& res) {
    guarded(res, [&] {
      const std::string id = req.matches[1];
      auto s = pool.borrow();
      const auto hits = s->case_history(id, false);
      if (hits.empty()) return send_error(res, 404, "no public items for case '" + id + "'");
      send_json(res, 200, case_history_to_json(id, hits));
    });
  });
  http.Get(R"(/api/item/(.+))", [&pool](const httplib::Request& req, httplib::Response& res) {
    guarded(res, [&] {
      const std::string id = req.matches[1];
      auto s = pool.borrow();
      const auto item = s->item(id);
      // A confidential item is answered exactly like an unknown one.
      if (!item || item->is_confidential()) return send_error(res, 404, "no public item '" + id + "'");
      send_json(res, 200, item_detail_to_json(*item));
    });
  });
  http.Get("/feed.atom", [&pool](const httplib::Request& req, httplib::Response& res) {
    guarded(res, [&] {
      SearchRequest r = request_from_params(req);
      r.sort = SortOrder::date;
      r.limit = std::max<size_t>(r.limit, 30);
      auto s = pool.borrow();
      const SearchResponse out = s->search(r);
      const std::string self =
          "/feed.atom?" +
          (req.target.find('?') == std::string::npos ? std::string() : req.target.substr(req.target.find('?') + 1));
      res.set_content(atom_feed(out, self, r), "application/atom+xml; charset=utf-8");
    });
  });
  auto not_allowed = [](const httplib::Request&, httplib::Response& res) {
    res.set_header("Allow", "GET, HEAD");
    send_error(res, 405, "method not allowed: only GET and HEAD");
  };
  http.Post(".*", not_allowed);
  http.Put(".*", not_allowed);
  http.Delete(".*", not_allowed);
  http.Patch(".*", not_allowed);
  http.Options(".*", not_allowed);
}

thread_local std::chrono::steady_clock::time_point t_request_start;

}  // namespace

int run_server(const std::vector<std::string>& dbs, const ServerOptions& options) {
  const size_t threads = static_cast<size_t>(std::max(1, options.threads));
  SearcherPool pool(dbs, threads);
  httplib::Server http;
  http.new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
  // Slow or stuck clients must not hold a worker for long.
  http.set_read_timeout(5, 0);
  http.set_write_timeout(5, 0);
  http.set_keep_alive_timeout(5);
  // A worker serves one keep-alive connection at a time: hand it back after
  // 100 requests so waiting connections get their turn.
  http.set_keep_alive_max_count(100);
  http.set_payload_max_length(16 * 1024);
  // Small JSON answers on keep-alive connections: without TCP_NODELAY each
  // waits for the client's delayed ACK (40 ms).
  http.set_tcp_nodelay(true);
  http.set_pre_routing_handler([](const httplib::Request& req, httplib::Response& res) {
    t_request_start = std::chrono::steady_clock::now();
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
  http.set_error_handler([](const httplib::Request&, httplib::Response& res) {
    if (res.body.empty()) send_error(res, res.status, res.status == 404 ? "not found" : "error");
  });
  http.set_logger([](const httplib::Request& req, const httplib::Response& res) {
    const double ms =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t_request_start).count();
    std::fprintf(stderr, "%s %s %d %.2fms\n", req.method.c_str(), req.path.c_str(), res.status, ms);
  });
  add_routes(http, pool);
  g_server = &http;
  std::signal(SIGINT, on_signal);
  std::signal(SIGTERM, on_signal);
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
