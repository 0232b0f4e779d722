#include "searcher/server.h"

#include <httplib.h>
#include <pthread.h>
#include <sys/resource.h>
#include <xapian.h>

#include <algorithm>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <iostream>
#include <nlohmann/json.hpp>
#include <thread>

#include "model/item_json.h"
#include "search/result_json.h"
#include "searcher/atom_feed.h"
#include "searcher/csv_output.h"
#include "searcher/error_text.h"
#include "searcher/guarded_server.h"
#include "searcher/health_probe.h"
#include "searcher/query_string.h"
#include "searcher/searcher_pool.h"
#include "searcher/server_metrics.h"
#include "searcher/web_page.h"
#include "store/build_info.h"
#include "util/clock.h"
#include "util/utf8.h"

namespace sagsoeg {

namespace {

// Seconds a search may take over HTTP before it is stopped with a 503.
constexpr double kTimeBudget = 2.0;

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

// A filter given several times (committee=A&committee=B): its values, ORed
// by the search. Each is checked here, as one value may not hold the
// separator between them.
std::string filter_values(const QueryString& q, const std::string& name) {
  std::string joined;
  for (const std::string& value : q.get_all(name)) {
    if (value.empty()) continue;
    for (unsigned char c : value)
      if (c < 0x20) throw QueryError("parameter '" + name + "': control characters are not allowed");
    if (!joined.empty()) joined += kFilterValueSeparator;
    joined += value;
  }
  return joined;
}

// The API parameters named in the contract -> a SearchRequest, validated
// as the command line validates them.
SearchRequest request_from_query(const QueryString& q) {
  SearchRequest r;
  r.query = q.get("q");
  r.from = q.get("from");
  r.to = q.get("to");
  r.committee = filter_values(q, "committee");
  r.case_id = filter_values(q, "case");
  r.topic = filter_values(q, "topic");
  r.type = filter_values(q, "type");
  r.organisation = filter_values(q, "organisation");
  r.kind = filter_values(q, "kind");
  r.outcome = filter_values(q, "outcome");
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

// What a client is told about an index it cannot search now.
std::string unavailable_reason(const std::string& detail) {
  if (detail.rfind("server busy", 0) == 0) return detail;
  if (detail.find("text pipeline") != std::string::npos)
    return "index unavailable: it was built by another version of the text pipeline and must be rebuilt";
  if (detail.find("shard did not answer") != std::string::npos)
    return "index unavailable: a shard did not answer in time";
  if (detail.find("is damaged") != std::string::npos)
    return "index unavailable: the database is damaged and must be restored or rebuilt";
  if (detail.find("could not be read") != std::string::npos)
    return "index unavailable: the database could not be read (replaced, being copied, or a shard is down)";
  return "index unavailable: the database cannot be opened (moved, missing, being copied, or a shard is down)";
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
  } catch (const ServiceUnavailable& e) {
    // The details (paths, Xapian's words) are in the log; the client gets
    // what kind of trouble it is and when to try again.
    res.set_header("Retry-After", "1");
    send_error(res, 503, unavailable_reason(e.what()));
  } catch (const Xapian::Error& e) {
    std::cerr << "searcher: index error: " << e.get_description() << "\n";
    res.set_header("Retry-After", "1");
    send_error(res, 503, "index unavailable: the database could not be read");
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

// The page, searches, facets and the CSV.
void add_search_routes(httplib::Server& http, SearcherPool& pool, const ServerOptions& options) {
  http.Get("/", [](const httplib::Request&, httplib::Response& res) {
    res.set_header("Content-Security-Policy",
                   "default-src 'none'; script-src 'self' 'unsafe-inline'; style-src 'unsafe-inline'; "
                   "connect-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'self'");
    res.set_content(web_page_html(), "text/html; charset=utf-8");
  });
  http.Get("/api/search", [&pool](const httplib::Request& req, httplib::Response& res) {
    guarded(res, [&] {
      const SearchRequest r = request_from_query(QueryString::from_target(req.target));
      pool.with_searcher([&](Searcher& s) { send_json(res, 200, response_to_json(s.search(r))); });
    });
  });
  http.Get("/api/facets", [&pool](const httplib::Request& req, httplib::Response& res) {
    guarded(res, [&] {
      SearchRequest r = request_from_query(QueryString::from_target(req.target));
      r.facets = true;
      r.limit = 0;
      r.snippets = false;
      pool.with_searcher([&](Searcher& s) {
        const SearchResponse out = s.search(r);
        nlohmann::json j = response_to_json(out);
        send_json(
            res, 200,
            {{"query", j["query"]}, {"total", j["total"]}, {"total_exact", j["total_exact"]}, {"facets", j["facets"]}});
      });
    });
  });
  http.Get("/api/search.csv", [&pool, &options](const httplib::Request& req, httplib::Response& res) {
    guarded(res, [&] {
      const SearchRequest r = request_from_query(QueryString::from_target(req.target));
      pool.with_searcher([&](Searcher& s) {
        res.set_header("Content-Disposition", "attachment; filename=\"udvalgssoegning.csv\"");
        res.set_content(results_csv(s.search(r), base_url(req, options)), "text/csv; charset=utf-8");
      });
    });
  });
}

// One case, one item, the items like one.
void add_item_routes(httplib::Server& http, SearcherPool& pool) {
  http.Get(R"(/api/case/(.+))", [&pool](const httplib::Request& req, httplib::Response& res) {
    guarded(res, [&] {
      const std::string id = path_text(req.matches[1], "case");
      pool.with_searcher([&](Searcher& s) {
        const auto hits = s.case_history(id, false);
        if (hits.empty()) return send_error(res, 404, "no public items for case '" + id + "'");
        send_json(res, 200, case_history_to_json(id, hits, s.confidential_count(id)));
      });
    });
  });
  http.Get(R"(/api/item/(.+))", [&pool](const httplib::Request& req, httplib::Response& res) {
    guarded(res, [&] {
      const std::string id = path_text(req.matches[1], "item");
      pool.with_searcher([&](Searcher& s) {
        const auto item = s.item(id);
        // A confidential item is answered exactly like an unknown one.
        if (!item || item->is_confidential()) return send_error(res, 404, "no public item '" + id + "'");
        send_json(res, 200, item_detail_to_json(*item));
      });
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
      pool.with_searcher([&](Searcher& s) {
        const auto hits = s.similar(r);
        // A confidential item is answered exactly like an unknown one.
        if (!hits) return send_error(res, 404, "no public item '" + r.id + "'");
        send_json(res, 200, similar_to_json(r.id, *hits));
      });
    });
  });
}

// Atom feeds of a case and of a search.
void add_feed_routes(httplib::Server& http, SearcherPool& pool, const ServerOptions& options) {
  http.Get("/feed", [&pool, &options](const httplib::Request& req, httplib::Response& res) {
    guarded(res, [&] {
      const QueryString q = QueryString::from_target(req.target);
      const std::string id = path_text(q.get("case"), "case");
      if (id.empty()) throw QueryError("parameter 'case' is required: /feed?case=EMN-2024-01240");
      pool.with_searcher([&](Searcher& s) {
        std::vector<SearchHit> hits = s.case_history(id, false);
        if (hits.empty()) return send_error(res, 404, "no public items for case '" + id + "'");
        // Newest first; undated items (oldest-first order puts them last) stay last.
        const auto undated =
            std::find_if(hits.begin(), hits.end(), [](const SearchHit& h) { return h.item.meta.date.empty(); });
        std::reverse(hits.begin(), undated);
        res.set_content(case_feed(id, hits, base_url(req, options), "/feed?" + q.raw()),
                        "application/atom+xml; charset=utf-8");
      });
    });
  });
  http.Get("/feed.atom", [&pool, &options](const httplib::Request& req, httplib::Response& res) {
    guarded(res, [&] {
      const QueryString q = QueryString::from_target(req.target);
      SearchRequest r = request_from_query(q);
      r.sort = SortOrder::date;
      r.limit = std::max<size_t>(r.limit, 30);
      pool.with_searcher([&](Searcher& s) {
        const SearchResponse out = s.search(r);
        const std::string self = "/feed.atom" + (q.raw().empty() ? std::string() : "?" + q.raw());
        res.set_content(atom_feed(out, base_url(req, options), self, r), "application/atom+xml; charset=utf-8");
      });
    });
  });
}

// Bytes that could forge a log line (%0a, %1b) or are not text are
// written as %XX.
std::string loggable(const std::string& text) {
  std::string out;
  const bool utf8 = is_valid_utf8(text);
  for (unsigned char c : text) {
    if (c < 0x20 || c == 0x7f || c == '\\' || c == '"' || c == ' ' || (c >= 0x80 && !utf8)) {
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

// Seconds since the epoch of "2026-12-07T19:30:00Z" (0 if it is not that).
double epoch_seconds(const std::string& utc) {
  std::tm tm{};
  if (utc.size() < 19 || !strptime(utc.c_str(), "%Y-%m-%dT%H:%M:%S", &tm)) return 0;
  return static_cast<double>(timegm(&tm));
}

void add_status_routes(GuardedServer& http, HealthProbe& health, SearcherPool& pool, ServerMetrics& metrics) {
  http.Get("/health", [&](const httplib::Request&, httplib::Response& res) {
    const HealthReport h = health.report();
    nlohmann::json body = {{"status", h.verdict()},
                           {"items", h.status.public_items},
                           {"confidential", h.status.items - h.status.public_items},
                           {"indexed_at", h.status.indexed_at},
                           {"open_failures", pool.open_failures()}};
    if (h.status.revisions.size() == 1) body["revision"] = h.status.revisions[0];
    if (h.status.revisions.size() > 1) body["revisions"] = h.status.revisions;
    body["databases"] = h.status.revisions.size() + h.status.failed_shards.size();
    if (!h.opened) body["error"] = unavailable_reason(h.error);
    if (h.opened && h.status.items == 0) body["error"] = "the index holds no items";
    if (!h.status.failed_shards.empty()) {
      nlohmann::json failed = nlohmann::json::array();
      for (const std::string& f : h.status.failed_shards) failed.push_back(f.substr(0, f.find(": ")));
      body["failed_shards"] = failed;
      body["error"] = "some shards do not answer; results are partial";
    }
    if (body.contains("error")) body["message_da"] = danish_error(503, body["error"]);
    send_json(res, h.verdict() == "ok" ? 200 : 503, body);
  });
  http.Get("/version", [](const httplib::Request&, httplib::Response& res) { send_json(res, 200, version_json()); });
  http.Get("/metrics", [&](const httplib::Request&, httplib::Response& res) {
    const HealthReport h = health.report();
    std::vector<ServerMetrics::Sample> extra = {
        {"sagsoeg_index_up", "1 if the index can be opened, else 0.", "gauge", h.opened ? 1.0 : 0.0},
        {"sagsoeg_index_items", "Items in the index (public and confidential).", "gauge",
         static_cast<double>(h.status.items)},
        {"sagsoeg_index_public_items", "Items a search can show.", "gauge", static_cast<double>(h.status.public_items)},
        {"sagsoeg_index_revision", "Revision of the database (the first one, with shards).", "gauge",
         h.status.revisions.empty() ? 0.0 : static_cast<double>(h.status.revisions[0])},
        {"sagsoeg_index_last_indexed_timestamp_seconds", "When an indexer run last changed the index.", "gauge",
         epoch_seconds(h.status.indexed_at)},
        {"sagsoeg_index_failed_shards", "Databases (shards) left out of searches now.", "gauge",
         static_cast<double>(h.status.failed_shards.size())},
        {"sagsoeg_index_open_failures_total", "Searches that found the index could not be opened or read.", "counter",
         static_cast<double>(pool.open_failures())},
        {"sagsoeg_http_waiting_connections", "Connections waiting for their next request.", "gauge",
         static_cast<double>(http.waiting_connections())},
        {"sagsoeg_http_busy_rejections_total", "Requests answered 503 at once because every worker had a queue.",
         "counter", static_cast<double>(http.busy_rejections())},
    };
    res.set_content(metrics.render(extra), "text/plain; version=0.0.4; charset=utf-8");
  });
}

// SIGINT and SIGTERM are taken by one thread (blocked everywhere else, so
// no handler runs in the middle of a worker): it stops the server and, if
// requests still run after a second, ends the process: a search server
// holds nothing that a stop could lose.
class Stopper {
 public:
  explicit Stopper(GuardedServer& http) : http_(http) {
    sigemptyset(&signals_);
    sigaddset(&signals_, SIGINT);
    sigaddset(&signals_, SIGTERM);
    thread_ = std::thread([this] { run(); });
  }
  ~Stopper() {
    done_ = true;
    thread_.join();
  }
  /// Before any other thread starts, so that they all inherit the mask.
  static void block_stop_signals() {
    sigset_t s;
    sigemptyset(&s);
    sigaddset(&s, SIGINT);
    sigaddset(&s, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &s, nullptr);
  }

 private:
  void run() {
    const timespec tick{0, 100'000'000};
    while (!done_) {
      const int sig = sigtimedwait(&signals_, nullptr, &tick);
      if (sig <= 0) continue;
      std::cerr << "searcher: " << (sig == SIGTERM ? "SIGTERM" : "SIGINT") << ": stopping\n";
      http_.shutdown_now();
      for (int i = 0; i < 10 && !done_; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(100));
      if (!done_) {
        std::cerr << "searcher: stopped with requests still running\n";
        std::_Exit(0);
      }
      return;
    }
  }
  GuardedServer& http_;
  sigset_t signals_;
  std::atomic<bool> done_{false};
  std::thread thread_;
};

ConnectionLimits connection_limits(size_t search_threads) {
  ConnectionLimits limits;
  // Twice as many HTTP workers as searchers: a slow client holds an HTTP
  // worker, never a searcher; one client may hold all but one of them.
  limits.workers = std::max<size_t>(4, 2 * search_threads);
  limits.per_client = limits.workers - 1;
  limits.max_queued = 8 * limits.workers;
  // Connections waiting for a request stay well inside the open-file limit.
  rlimit files{};
  if (getrlimit(RLIMIT_NOFILE, &files) == 0) {
    if (files.rlim_cur < files.rlim_max) {
      files.rlim_cur = std::min<rlim_t>(files.rlim_max, 65536);
      setrlimit(RLIMIT_NOFILE, &files);
      getrlimit(RLIMIT_NOFILE, &files);
    }
    if (files.rlim_cur != RLIM_INFINITY)
      limits.max_connections =
          std::min<size_t>(limits.max_connections, files.rlim_cur > 128 ? files.rlim_cur - 96 : 32);
  }
  return limits;
}

// Requests refused before any route sees them: methods other than GET and
// HEAD, bodies, duplicate lengths, long targets, many header fields.
void refuse_before_routing(GuardedServer& http) {
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
    // A GET or HEAD has no body; httplib would not read one, so its bytes
    // would be parsed as the next request. Refuse it and close.
    const size_t lengths = req.get_header_value_count("Content-Length");
    if (lengths > 1 || req.has_header("Transfer-Encoding") ||
        (lengths == 1 && req.get_header_value("Content-Length") != "0")) {
      send_error(res, 400, lengths > 1 ? "more than one Content-Length" : "a GET or HEAD request has no body");
      GuardedServer::close_after_response();
      return httplib::Server::HandlerResponse::Handled;
    }
    if (req.target.size() > 4096) {
      send_error(res, 414, "request line too long");
      return httplib::Server::HandlerResponse::Handled;
    }
    if (req.headers.size() > 64) {
      send_error(res, 431, "too many header fields");
      GuardedServer::close_after_response();
      return httplib::Server::HandlerResponse::Handled;
    }
    res.set_header("X-Content-Type-Options", "nosniff");
    return httplib::Server::HandlerResponse::Unhandled;
  });
}

void answer_unrouted(GuardedServer& http) {
  http.set_error_handler([](const httplib::Request& req, httplib::Response& res) {
    // Methods httplib does not route (TRACE, CONNECT, unknown ones) get the
    // same 405 as the others.
    if (!req.method.empty() && req.method != "GET" && req.method != "HEAD") {
      res.set_header("Allow", "GET, HEAD");
      send_error(res, 405, "method not allowed: only GET and HEAD");
      GuardedServer::close_after_response();
      return;
    }
    if (res.status == 400 || res.status == 413 || res.status == 414 || res.status == 431)
      GuardedServer::close_after_response();
    if (res.body.empty()) send_error(res, res.status, res.status == 404 ? "not found" : "bad request");
  });
}

void log_requests(GuardedServer& http, ServerMetrics& metrics) {
  // One line per request: time, client, method, target (path and query),
  // status, bytes, duration.
  http.set_logger([&metrics](const httplib::Request& req, const httplib::Response& res) {
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t_request_start).count();
    metrics.record(res.status, seconds, res.body.size());
    std::fprintf(stderr, "%s %s %s %s %d %zu %.2fms\n", utc_timestamp().c_str(), loggable(req.remote_addr).c_str(),
                 loggable(req.method).c_str(), loggable(req.target).c_str(), res.status, res.body.size(),
                 seconds * 1000);
  });
}

}  // namespace

nlohmann::json version_json() {
  const BuildInfo b = build_info();
  return {{"program", "sagsoeg"}, {"version", b.version}, {"pipeline", b.pipeline}, {"xapian", b.xapian}};
}

int run_server(const std::vector<std::string>& dbs, const ServerOptions& options) {
  Stopper::block_stop_signals();
  std::signal(SIGPIPE, SIG_IGN);
  const size_t threads = static_cast<size_t>(std::max(1, options.threads));
  // A request waits for a free searcher at most as long as a search may take.
  SearcherPool pool(dbs, options.searcher, threads, std::chrono::milliseconds(static_cast<int>(kTimeBudget * 1000)));
  HealthProbe health(dbs, options.searcher);
  ServerMetrics metrics;
  GuardedServer http(connection_limits(threads));
  // Slow or stuck clients must not hold a worker for long: the whole request
  // head has 3 s, each read or write 5 s; an idle keep-alive connection
  // waits 5 s in the poller, costing no worker.
  http.set_read_timeout(5, 0);
  http.set_write_timeout(5, 0);
  http.set_payload_max_length(16 * 1024);
  // Small JSON answers on keep-alive connections: without TCP_NODELAY each
  // waits for the client's delayed ACK (40 ms).
  http.set_tcp_nodelay(true);
  refuse_before_routing(http);
  answer_unrouted(http);
  log_requests(http, metrics);
  add_status_routes(http, health, pool, metrics);
  add_search_routes(http, pool, options);
  add_item_routes(http, pool);
  add_feed_routes(http, pool, options);
  if (!http.bind_to_port(options.bind.c_str(), options.port)) {
    std::cerr << "searcher: cannot listen on " << options.bind << ":" << options.port << "\n";
    return 2;
  }
  const HealthReport first = health.report();
  if (!first.opened)
    std::cerr << "searcher: index unavailable: " << first.error << " (answering 503 until it can be opened)\n";
  std::cerr << "searcher: serving http://" << options.bind << ":" << options.port << "/ with " << threads
            << " searchers\n";
  Stopper stopper(http);
  http.listen_after_bind();
  return 0;
}

}  // namespace sagsoeg
