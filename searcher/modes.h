// What the searcher does in each mode, given its parsed arguments: one
// small function per mode, each printing JSON, CSV or text.
#pragma once

#include <string>

#include "searcher/arguments.h"

namespace sagsoeg {

/// Runs the mode; returns the exit status (0 found, 1 nothing found, 2 error).
int run(const SearcherArgs& args);

/// One line on stderr (Danish first, the English detail after it) and, with
/// --json, the same as a JSON object on stdout: scripts read one format.
int report_failure(bool json, const std::string& message, int status = 2);

}  // namespace sagsoeg
