// Incremental, crash-safe indexing of files into the Xapian database.
//
// Files are read, parsed and turned into Xapian documents on worker threads;
// one writer thread applies them in file order inside transactions of about
// `batch_items` items. Each file's content hash is stored as database
// metadata in the same transaction as its items, so after a kill -9 the
// database holds the last committed batch and the next run redoes the rest.
//
// Nothing is removed that the run was not asked to remove: pruning looks
// only below the folders given, never below a folder that could not be read,
// and refuses (changing nothing) to remove more than half of the indexed
// files unless pruning was asked for explicitly.
#pragma once

#include <cstddef>
#include <ostream>
#include <stdexcept>
#include <string>
#include <vector>

#include "index/progress.h"
#include "io/document_reader.h"
#include "io/file_walker.h"

namespace sagsoeg {

struct IndexOptions {
  std::string db_path;
  bool rebuild = false;         ///< start from an empty database
  bool prune = false;           ///< remove items of files gone from the folders given
  bool explicit_prune = false;  ///< --prune: also when that removes more than half of the files
  /// Items per transaction: bounds memory. 1,500 indexes 20,000 documents
  /// faster than 4,000 (69-72 s against 77-80 s) at two thirds of the peak
  /// RSS (89 MB against 134 MB).
  size_t batch_items = 1500;
  unsigned threads = 0;            ///< parser threads; 0 = one per core less the writer (min 1)
  unsigned shard = 0, shards = 0;  ///< index only shard `shard` of `shards` (0 shards: all)
  ProgressMode progress = ProgressMode::off;
  ReadLimits limits;
  /// --root: the folder document names are relative to from now on (the
  /// documents moved there); IDs stay as they were.
  std::string root;
};

struct IndexStats {
  size_t files = 0;
  size_t unchanged = 0;
  size_t indexed = 0;  ///< new or changed files written
  size_t failed = 0;
  size_t withdrawn = 0;  ///< failed files whose earlier items were withdrawn
  size_t empty = 0;
  size_t manifests = 0;                  ///< metadata files without items (Acadre manifests)
  size_t unstructured = 0;               ///< documents without agenda structure, one item each
  std::vector<std::string> unsupported;  ///< files of a type no reader handles
  /// Files read in a known format that yielded no item: named, never silent.
  std::vector<std::string> without_items;
  /// Files that left much of their text outside every item, with the share
  /// that reached one (percent): named in the summary.
  std::vector<std::pair<std::string, int>> low_coverage;
  /// Publications not served because a newer publication of the same
  /// meeting is (meeting_ledger.h): named in the summary.
  std::vector<std::string> superseded;
  /// Publications served again once the newer one went: read on the next run.
  std::vector<std::string> reread_next;
  std::vector<std::string> failed_files;  ///< as named in the errors
  size_t removed = 0;                     ///< files pruned
  bool changed = false;                   ///< the run wrote (committed) anything
  size_t items_public = 0;
  size_t items_confidential = 0;
  size_t bytes = 0;  ///< bytes of files (re)indexed
  double seconds = 0;
};

/// A refusal that changed nothing (pruning too much, a PATH that is not a
/// database): the indexer's exit status 2.
class IndexRefused : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// Indexes the files of `walk`; reports each failed file on `errors` as
/// "indexer: PATH[:LINE]: message". Throws IndexRefused, std::runtime_error
/// or Xapian::Error for problems with the database itself.
IndexStats run_indexer(WalkResult walk, const IndexOptions& options, std::ostream& errors);

/// Names the files of `walk` as the database at `db_path` would (its root,
/// or the common folder of the PATHs for a new database): for --dry-run.
void name_sources(WalkResult& walk, const std::string& db_path);

}  // namespace sagsoeg
