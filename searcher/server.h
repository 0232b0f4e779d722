// searcher --serve: HTTP JSON API, Atom feeds and the web page. Handlers
// translate HTTP to SearchRequest and back; search itself lives in core/.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "search/searcher.h"

namespace sagsoeg {

struct ServerOptions {
  std::string bind = "127.0.0.1";
  int port = 8080;
  int threads = 16;
  SearcherOptions searcher;  ///< shard timeout, partial answers
};

/// The program, its version, text pipeline and Xapian (/version, --version).
nlohmann::json version_json();

/// Serves until SIGINT/SIGTERM; returns the exit status.
int run_server(const std::vector<std::string>& dbs, const ServerOptions& options);

}  // namespace sagsoeg
