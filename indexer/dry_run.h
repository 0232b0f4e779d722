// indexer --dry-run: parse files and print their items, no database.
#pragma once

#include <ostream>
#include <vector>

#include "io/document_reader.h"
#include "io/file_walker.h"

namespace sagsoeg {

/// Prints items as JSON Lines (`json`) or one summary line each; returns the
/// number of files that failed (reported on `err`).
size_t print_dry_run(const std::vector<InputFile>& files, const ReadLimits& limits, bool json, std::ostream& out,
                     std::ostream& err);

}  // namespace sagsoeg
