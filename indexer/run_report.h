// What an indexer run tells its operator: the summary on stderr, the exit
// status cron acts on, and the same as JSON for scripts (--summary-json).
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "index/index_writer.h"

namespace sagsoeg {

/// The indexer's exit statuses (documented in --help and the README).
enum class RunStatus {
  indexed = 0,        ///< something was written (files indexed or removed)
  some_failed = 1,    ///< some files failed (named); the rest was indexed
  could_not_run = 2,  ///< a usage error, a damaged or incompatible database, a refused prune, a missing PATH
  nothing_to_do = 3,  ///< every file unchanged: nothing was written
  locked = 4,         ///< another indexer is writing the database: try again later
};
const char* status_name(RunStatus s);

RunStatus status_of(const IndexStats& s, bool walk_failed);

/// The human summary (stderr), unless --quiet.
void print_summary(const IndexStats& s, const std::string& db_path);

/// The run as JSON: status, exit, counts, the files named in the summary.
nlohmann::json summary_json(const IndexStats& s, RunStatus status, const std::string& db_path);
/// A run that could not start or finish: status, exit and the error.
nlohmann::json failure_json(RunStatus status, const std::string& error, const std::string& db_path);

/// Writes `j` to `target`: "-" for stderr, else a file (replaced whole).
void write_summary_json(const nlohmann::json& j, const std::string& target);

}  // namespace sagsoeg
