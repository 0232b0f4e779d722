// The searcher's command line -> one arguments struct with its mode
// (ripgrep's flags -> HiArgs -> run(mode)). Parsing only: nothing here
// opens a database.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "search/search_request.h"
#include "searcher/server.h"
#include "searcher/text_output.h"

namespace sagsoeg {

enum class Mode { help, version, analyze, topics, serve, bench, show, similar, case_history, search };

struct SearcherArgs {
  Mode mode = Mode::search;
  bool json = false;
  bool csv = false;
  TextStyle style;
  std::vector<std::string> dbs;  ///< never empty after parsing
  SearchRequest request;         ///< the query, filters and page (also --similar's limit)
  std::string item_id;           ///< --show / --similar, as FILE:N
  bool other_committee = false, other_year = false;
  std::string bench_file;
  size_t repeat = 5;
  ServerOptions server;
  std::string help;  ///< the --help text
};

/// Reads argv. Throws std::runtime_error (po::error, UnknownOption,
/// QueryError) with a message for the user; `args.json` is set before
/// anything can fail, so the error is given in the format asked for.
void parse_arguments(int argc, char** argv, SearcherArgs& args);

}  // namespace sagsoeg
