// Helpers shared by the unit tests: seed paths, temporary folders, and a
// database built from the bundled corpus.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "parse/agenda_parser.h"

namespace sagsoeg::test {

std::string source_dir();
std::string corpus_path(const std::string& file);
std::string read_file(const std::string& path);
void write_file(const std::string& path, const std::string& content);

/// A fresh folder under the system temp dir (mkdtemp), removed by the destructor.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::string& path() const { return path_; }
  std::string file(const std::string& name) const { return path_ + "/" + name; }

 private:
  std::string path_;
};

/// Bytes through the format layer and the parser, as the indexer reads them.
ParsedDocument parse_bytes(const std::string& bytes, const std::string& name, const DocumentMeta* manifest = nullptr);
/// A file on disk the same way.
ParsedDocument parse_file(const std::string& path);

/// `indexer --dry-run --json PATH` as parsed JSON objects (folder contexts included).
std::vector<nlohmann::json> dry_run_json(const std::string& path);

/// The parsed items of one bundled seed, with the corpus manifest applied.
ParsedDocument parse_seed(const std::string& file);

/// Indexes `paths` into the database at `db` (created or updated) as the
/// indexer does; returns `db`.
std::string index_paths(const std::vector<std::string>& paths, const std::string& db);

/// Path of a database indexed from the bundled corpus, built once per test binary.
const std::string& corpus_db();

}  // namespace sagsoeg::test
