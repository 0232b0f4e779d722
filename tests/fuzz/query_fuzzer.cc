// libFuzzer target: query text and filters -> query builder -> search over a
// small database of the bundled corpus. Malformed queries must give a
// QueryError, never a crash; confidential items never appear.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <sstream>
#include <string>

#include "index/index_writer.h"
#include "io/file_walker.h"
#include "schema/schema.h"
#include "search/query_builder.h"
#include "search/searcher.h"
#include "text/text_pipeline.h"

namespace {

const std::string& database_path() {
  static const std::string path = [] {
    const char* corpus = std::getenv("SAGSOEG_FUZZ_CORPUS");
    std::string dir = (std::filesystem::temp_directory_path() / "sagsoeg-query-fuzzer-XXXXXX").string();
    if (!mkdtemp(dir.data())) std::abort();
    sagsoeg::IndexOptions options;
    options.db_path = dir + "/db";
    std::ostringstream errors;
    sagsoeg::run_indexer(sagsoeg::walk_inputs({corpus ? corpus : SAGSOEG_SOURCE_DIR "/corpus"}), options, errors);
    return options.db_path;
  }();
  return path;
}

sagsoeg::Searcher* searcher() {
  static sagsoeg::Searcher s({database_path()});
  return &s;
}

// The query itself, not only the results the searcher lets through, must
// keep confidential items out.
void check_query_matches_no_confidential_item(const sagsoeg::SearchRequest& r) {
  static Xapian::Database db(database_path());
  static sagsoeg::QueryBuilder builder(db, sagsoeg::TextPipeline::standard());
  Xapian::Enquire enquire(db);
  enquire.set_query(builder.build(r).query);
  const Xapian::MSet mset = enquire.get_mset(0, db.get_doccount());
  for (auto m = mset.begin(); m != mset.end(); ++m)
    if (m.get_document().get_value(sagsoeg::schema::kSlotAccess) != "public") __builtin_trap();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > 4096) return 0;
  const std::string input(reinterpret_cast<const char*>(data), size);
  sagsoeg::SearchRequest r;
  // "query\x01committee\x01from\x01to": the filters are fuzzed too.
  std::string parts[4];
  size_t k = 0;
  for (char c : input) {
    if (c == '\x01' && k < 3) {
      ++k;
    } else {
      parts[k] += c;
    }
  }
  r.query = parts[0];
  r.committee = parts[1];
  r.from = parts[2];
  r.to = parts[3];
  r.facets = size % 2 == 0;
  r.limit = 5;
  try {
    check_query_matches_no_confidential_item(r);
    const sagsoeg::SearchResponse res = searcher()->search(r);
    for (const auto& h : res.hits)
      if (h.item.is_confidential()) __builtin_trap();
  } catch (const sagsoeg::QueryError&) {
  }
  return 0;
}
