// What the indexer does in each mode, given its parsed arguments.
#pragma once

#include "indexer/arguments.h"

namespace sagsoeg {

/// Runs the mode; returns the exit status (run_report.h's RunStatus).
int run(IndexerArgs args);

}  // namespace sagsoeg
