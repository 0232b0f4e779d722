// Incremental, crash-safe indexing of files into the Xapian database.
//
// Files are read, parsed and turned into Xapian documents on worker threads;
// one writer thread applies them in file order inside transactions of about
// `batch_items` items. Each file's content hash is stored as database
// metadata in the same transaction as its items, so after a kill -9 the
// database holds the last committed batch and the next run redoes the rest.
#pragma once

#include <cstddef>
#include <functional>
#include <ostream>
#include <string>
#include <vector>

#include <xapian.h>

#include "io/document_reader.h"
#include "io/file_walker.h"

namespace sagsoeg {

struct IndexOptions {
  std::string db_path;
  bool rebuild = false;       ///< start from an empty database
  bool prune = false;         ///< remove items of files not seen in this run
  size_t batch_items = 4000;  ///< items per transaction: bounds memory
  unsigned threads = 0;       ///< parser threads; 0 = one per core less the writer (min 1)
  bool progress = false;      ///< progress bar on stderr
  ReadLimits limits;
};

struct IndexStats {
  size_t files = 0;
  size_t unchanged = 0;
  size_t indexed = 0;  ///< new or changed files written
  size_t failed = 0;
  size_t removed = 0;  ///< files pruned
  size_t items_public = 0;
  size_t items_confidential = 0;
  size_t bytes = 0;  ///< bytes of files (re)indexed
  double seconds = 0;
};

/// The database both programs use without --db: $SAGSOEG_DB, else var/db.
std::string default_database_path();

/// Indexes `files`; reports each failed file on `errors` as
/// "indexer: PATH[:LINE]: message". Throws std::runtime_error or
/// Xapian::Error for problems with the database itself.
IndexStats run_indexer(const std::vector<InputFile>& files, const IndexOptions& options, std::ostream& errors);

/// Rewrites the database compactly (full B-tree blocks: typically a third
/// smaller after a large build) and swaps it in. Searchers that have it open
/// keep reading their revision.
void compact_database(const std::string& db_path);

/// Throws std::runtime_error with a clear message if the database at `path`
/// was built by another text pipeline or schema version.
void check_pipeline_version(const std::string& db_path);
/// The same for an open database (a local folder or a remote shard).
void check_pipeline_version(const Xapian::Database& db, const std::string& name);

}  // namespace sagsoeg
