// The indexer's writing side: each file's result applied to the database in
// file order (new, changed, unchanged, failed, empty, superseded), committed
// in batches of items, and the run's statistics kept. One thread only.
#pragma once

#include <xapian.h>

#include <ostream>
#include <string>
#include <vector>

#include "index/file_processor.h"
#include "index/index_writer.h"
#include "index/meeting_ledger.h"

namespace sagsoeg {

class BatchWriter {
 public:
  BatchWriter(Xapian::WritableDatabase& db, const IndexOptions& options, IndexStats& stats, std::ostream& errors);

  /// Records a root folder (first run, or --root); `previous` is the old one or "".
  void set_root(const std::string& root, const std::string& previous);
  /// Records which shard this database is ("all", "2/4"), if it changed.
  void set_shard(const std::string& label);
  /// Applies one file's result; `known` says the database had the file.
  void apply(const InputFile& file, FileResult& result, bool known);
  /// Removes files gone from the folders given.
  void prune(const std::vector<std::string>& sources);
  /// The last commit, with the pipeline version and the time; an idle run
  /// commits nothing (a replica's copy stays byte for byte).
  void finish();

 private:
  void begin();
  void commit_full_batch();
  void apply_failed(const InputFile& file, const FileResult& r, bool known);
  void apply_without_items(const InputFile& file, const FileResult& r, bool known);
  void apply_indexed(const InputFile& file, FileResult& r, bool known);
  void restore_publications(const std::vector<std::string>& sources);

  Xapian::WritableDatabase& db_;
  const IndexOptions& options_;
  IndexStats& stats_;
  std::ostream& errors_;
  const std::string version_;
  MeetingLedger ledger_;
  size_t in_batch_ = 0;
  bool in_transaction_ = false;
  bool wrote_ = false;
};

}  // namespace sagsoeg
