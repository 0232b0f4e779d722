// The indexer's command line -> one arguments struct with its mode. Parsing
// and checking only: nothing here opens a database or reads a file.
#pragma once

#include <stdexcept>
#include <string>
#include <vector>

#include "index/index_writer.h"

namespace sagsoeg {

enum class IndexerMode { help, version, check, dry_run, index };

struct IndexerArgs {
  IndexerMode mode = IndexerMode::index;
  IndexOptions options;
  std::vector<std::string> paths;  ///< never empty for dry_run and index
  bool json = false;               ///< --dry-run --json
  bool quiet = false;
  bool compact = false;
  std::string summary_target;  ///< --summary-json FILE or "-", or ""
  std::string help;
};

/// A usage error: the message for the user (exit status 2).
struct UsageError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

/// Reads argv; throws UsageError.
IndexerArgs parse_indexer_arguments(int argc, char** argv);

}  // namespace sagsoeg
