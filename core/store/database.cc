#include "store/database.h"

#include <fcntl.h>
#include <stdio.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <sstream>
#include <stdexcept>
#include <vector>

#include "schema/schema.h"
#include "schema/topics.h"
#include "store/pipeline_compat.h"
#include "text/compound_splitter.h"
#include "text/text_pipeline.h"
#include "util/hash.h"

namespace sagsoeg {

namespace {

// Metadata keys are limited to about 245 bytes: a long source name is keyed
// by its hash, and the value always carries the name itself.
std::string file_key(const std::string& source) {
  if (source.size() <= 200) return schema::kMetaFilePrefix + source;
  return std::string(schema::kMetaFilePrefix) + "#" + fnv1a_hex(source);
}

}  // namespace

std::string default_database_path() {
  const char* env = std::getenv("SAGSOEG_DB");
  return env && *env ? env : "var/db";
}

std::string expected_pipeline_version() {
  return TextPipeline::standard().version() + ";topics=" + TopicVocabulary::standard().version() +
         ";compounds=" + CompoundVocabulary::standard_version() + ";schema=" + schema::kSchemaVersion;
}

void check_pipeline_version(const std::string& db_path) {
  check_pipeline_version(Xapian::Database(db_path), db_path);
}

namespace {

std::string query_side_version() {
  return TextPipeline::standard().version() + ";topics=" + TopicVocabulary::standard().version() +
         ";schema=" + schema::kSchemaVersion;
}

}  // namespace

void check_pipeline_version(const Xapian::Database& db, const std::string& db_path) {
  const std::string have = db.get_metadata(schema::kMetaPipeline);
  if (have.empty() && db.get_doccount() == 0) return;
  const PipelineComparison c = compare_pipelines(have, query_side_version(), false);
  if (!c.compatible())
    throw std::runtime_error("database " + db_path + " was built by another text pipeline: " + c.describe() +
                             "; rebuild it with `indexer --rebuild`");
}

namespace {

std::string damaged(const std::string& path, const std::string& what) {
  return "database " + path + " is damaged: " + what +
         "; restore it from a backup (README: Backup, restore and move) or build it anew with `indexer --rebuild`";
}

}  // namespace

void check_database_files(const Xapian::Database& db, const std::string& path) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (!fs::exists(fs::path(path) / "iamglass", ec) || db.get_doccount() == 0) return;
  // Every item has terms and stored data; public items have positions and
  // give words to the spelling table.
  std::vector<const char*> needed = {"postlist", "termlist", "docdata"};
  if (db.get_termfreq(std::string(schema::kAccess) + "public") > 0) {
    needed.push_back("position");
    needed.push_back("spelling");
  }
  for (const char* table : needed)
    if (!fs::exists(fs::path(path) / (std::string(table) + ".glass"), ec))
      throw std::runtime_error(damaged(path, std::string(table) + ".glass is missing"));
}

void check_database_integrity(const std::string& path) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (!fs::exists(fs::path(path) / "iamglass", ec)) return;  // not there yet (the indexer creates it), or not glass
  Xapian::Database db;
  try {
    db = Xapian::Database(path);
  } catch (const Xapian::DatabaseError& e) {
    throw std::runtime_error(damaged(path, e.get_msg()));
  }
  check_database_files(db, path);
  try {
    std::ostringstream report;
    if (const size_t errors = Xapian::Database::check(path, 0, &report))
      throw std::runtime_error(
          damaged(path, std::to_string(errors) + " errors in its tables (xapian-check " + path + " shows them)"));
  } catch (const Xapian::DatabaseError& e) {
    throw std::runtime_error(damaged(path, e.get_msg()));
  }
}

void swap_directories(const std::string& a, const std::string& b) {
  // One system call: whoever opens `b` sees the old database or the new one,
  // never none (searchers reopen on the change).
  if (renameat2(AT_FDCWD, a.c_str(), AT_FDCWD, b.c_str(), RENAME_EXCHANGE) == 0) return;
  if (errno != EINVAL && errno != ENOSYS && errno != ENOENT)
    throw std::runtime_error("cannot swap " + a + " and " + b + ": " + std::strerror(errno));
  // A file system without RENAME_EXCHANGE (or no database yet at `b`): two
  // renames, with a moment in between.
  namespace fs = std::filesystem;
  const std::string aside = b + ".swap";
  fs::remove_all(aside);
  std::error_code ec;
  fs::rename(b, aside, ec);
  fs::rename(a, b);
  if (!ec) fs::rename(aside, a);
}

void compact_database(const std::string& db_path) {
  namespace fs = std::filesystem;
  // The write lock is held throughout: an indexer cannot commit meanwhile
  // (it is refused, or the compaction is), so no commit is lost and no
  // reclassified item comes back with an older copy.
  Xapian::WritableDatabase lock(db_path, Xapian::DB_OPEN);
  const std::string tmp = db_path + ".compacting";
  fs::remove_all(tmp);
  // 32 KB blocks: about 3 % smaller than Xapian's default 8 KB for a
  // database that is read far more than it is written.
  Xapian::Database(db_path).compact(tmp, 0, 32768);
  swap_directories(tmp, db_path);
  lock.close();
  fs::remove_all(tmp);  // the old database
}

std::string database_root(const Xapian::Database& db) {
  return db.get_metadata(schema::kMetaRoot);
}

void set_database_root(Xapian::WritableDatabase& db, const std::string& root) {
  db.set_metadata(schema::kMetaRoot, root);
}

std::map<std::string, std::string> indexed_files(const Xapian::Database& db) {
  std::map<std::string, std::string> files;
  const std::string prefix = schema::kMetaFilePrefix;
  for (auto k = db.metadata_keys_begin(prefix); k != db.metadata_keys_end(prefix); ++k) {
    const std::string value = db.get_metadata(*k);
    const size_t tab = value.find('\t');
    if (tab == std::string::npos) continue;
    files[value.substr(tab + 1)] = value.substr(0, tab);
  }
  return files;
}

void record_indexed_file(Xapian::WritableDatabase& db, const std::string& source, const std::string& hash) {
  db.set_metadata(file_key(source), hash + "\t" + source);
}

void forget_indexed_file(Xapian::WritableDatabase& db, const std::string& source) {
  db.set_metadata(file_key(source), "");
}

}  // namespace sagsoeg
