// The database's own bookkeeping, shared by indexer and searcher: where it
// is by default, which pipeline built it, the root folder its document names
// are relative to, and the content hash recorded for each indexed file.
#pragma once

#include <xapian.h>

#include <map>
#include <string>

namespace sagsoeg {

/// The database both programs use without --db: $SAGSOEG_DB, else var/db.
std::string default_database_path();

/// The text pipeline, vocabularies and schema this build writes and reads.
std::string expected_pipeline_version();

/// Throws std::runtime_error with a clear message if the database at `path`
/// was built by another text pipeline or schema version. The compound
/// vocabulary is not compared: it shapes only what the indexer adds, and a
/// searcher need not read the dictionary to start.
void check_pipeline_version(const std::string& db_path);
/// The same for an open database (a local folder or a remote shard).
void check_pipeline_version(const Xapian::Database& db, const std::string& name);

/// Throws std::runtime_error naming the table if a local database has lost
/// a table file its contents need (Xapian would recreate it empty, or read
/// it as empty, without a word). Cheap: a few stat calls.
void check_database_files(const Xapian::Database& db, const std::string& path);
/// The same, then every table block by block (Xapian::Database::check):
/// seconds per GB. Run by the indexer before it writes, and by --check.
void check_database_integrity(const std::string& path);

/// Exchanges two directories in one step (renameat2 RENAME_EXCHANGE; two
/// renames where the file system lacks it).
void swap_directories(const std::string& a, const std::string& b);

/// Rewrites the database compactly (full B-tree blocks: typically a third
/// smaller after a large build, and no freed blocks that still hold text of
/// removed or reclassified items) beside it, holding its write lock, and
/// swaps it in atomically. Searchers notice the new files and reopen.
/// Throws Xapian::DatabaseLockError while an indexer writes.
void compact_database(const std::string& db_path);

/// The folder document names are relative to ("" before the first run).
std::string database_root(const Xapian::Database& db);
void set_database_root(Xapian::WritableDatabase& db, const std::string& root);

/// source -> content hash of every indexed file.
std::map<std::string, std::string> indexed_files(const Xapian::Database& db);
void record_indexed_file(Xapian::WritableDatabase& db, const std::string& source, const std::string& hash);
void forget_indexed_file(Xapian::WritableDatabase& db, const std::string& source);

}  // namespace sagsoeg
