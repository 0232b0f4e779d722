#include "unit/test_support.h"

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "format/reader.h"
#include "index/index_writer.h"
#include "io/document_reader.h"
#include "io/file_walker.h"
#include "parse/manifest.h"

namespace sagsoeg::test {

std::string source_dir() {
  return SAGSOEG_SOURCE_DIR;
}
std::string corpus_path(const std::string& file) {
  return source_dir() + "/corpus/" + file;
}

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

void write_file(const std::string& path, const std::string& content) {
  std::ofstream out(path, std::ios::binary);
  out << content;
  if (!out) throw std::runtime_error("cannot write " + path);
}

TempDir::TempDir() {
  std::string tmpl = (std::filesystem::temp_directory_path() / "sagsoeg-test-XXXXXX").string();
  if (!mkdtemp(tmpl.data())) throw std::runtime_error("mkdtemp failed");
  path_ = tmpl;
}

TempDir::~TempDir() {
  std::error_code ec;
  std::filesystem::remove_all(path_, ec);
}

ParsedDocument parse_bytes(const std::string& bytes, const std::string& name, const DocumentMeta* manifest) {
  return parse_document(read_source(bytes, ReadContext{name, {}, nullptr}), name, manifest);
}

ParsedDocument parse_file(const std::string& path) {
  return parse_bytes(read_file(path), path.substr(path.rfind('/') + 1));
}

std::vector<nlohmann::json> dry_run_json(const std::string& path) {
  const std::string cmd = std::string(SAGSOEG_BINARY_DIR) + "/indexer/indexer --dry-run --json '" + path + "'";
  FILE* p = popen(cmd.c_str(), "r");
  if (!p) throw std::runtime_error("cannot run " + cmd);
  std::string out;
  char buf[4096];
  for (size_t n; (n = fread(buf, 1, sizeof buf, p)) > 0;) out.append(buf, n);
  pclose(p);
  std::vector<nlohmann::json> items;
  std::istringstream lines(out);
  for (std::string line; std::getline(lines, line);)
    if (!line.empty()) items.push_back(nlohmann::json::parse(line));
  return items;
}

ParsedDocument parse_seed(const std::string& file) {
  static const Manifest manifest = Manifest::load_from_dir(source_dir() + "/corpus");
  return parse_bytes(read_file(corpus_path(file)), file, manifest.find(file));
}

std::string index_paths(const std::vector<std::string>& paths, const std::string& db) {
  IndexOptions options;
  options.db_path = db;
  std::ostringstream errors;  // files a test makes may earn warnings; its assertions judge
  run_indexer(walk_inputs(paths), options, errors);
  return db;
}

const std::string& corpus_db() {
  static TempDir dir;
  static const std::string path = [] {
    IndexOptions options;
    options.db_path = dir.file("db");
    std::ostringstream errors;
    const WalkResult walk = walk_inputs({source_dir() + "/corpus"});
    run_indexer(walk, options, errors);
    if (!errors.str().empty()) throw std::runtime_error("indexing the corpus failed: " + errors.str());
    return options.db_path;
  }();
  return path;
}

}  // namespace sagsoeg::test
