#include "index/index_writer.h"

#include <unistd.h>
#include <xapian.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <mutex>
#include <optional>
#include <set>
#include <thread>

#include "index/document_builder.h"
#include "index/schema.h"
#include "index/topics.h"
#include "io/input_error.h"
#include "parse/agenda_parser.h"
#include "parse/manifest.h"
#include "text/text_pipeline.h"
#include "util/utf8.h"

namespace sagsoeg {

namespace {

std::string expected_version() {
  return TextPipeline::standard().version() + ";topics=" + TopicVocabulary::standard().version() +
         ";compounds=" + CompoundVocabulary::standard().version() + ";schema=" + schema::kSchemaVersion;
}

struct FileResult {
  std::string hash;
  bool unchanged = false;
  std::string error;  ///< "PATH[:LINE]: message" if the file failed
  std::vector<Xapian::Document> docs;
  std::vector<bool> public_doc;
  std::vector<std::string> id_terms;  ///< unique ID term of each document
  /// Words of the file's public items for "did you mean", counted here on
  /// the worker so the writer makes one call per distinct word.
  std::map<std::string, Xapian::termcount> spelling;
  size_t bytes = 0;
};

bool is_spelling_word(const std::string& term) {
  if (term.size() < 4 || term.size() > 40) return false;
  const auto first = static_cast<unsigned char>(term[0]);
  if (!((first >= 'a' && first <= 'z') || first >= 0xC3)) return false;
  for (char c : term)
    if (c >= '0' && c <= '9') return false;
  return true;
}

// Reads, parses and builds the documents of one file. Never throws.
FileResult process_file(const InputFile& file, const DocumentMeta* manifest_entry,
                        const std::map<std::string, std::string>& known_hashes, const IndexOptions& options,
                        DocumentBuilder& builder) {
  FileResult r;
  try {
    const std::string bytes = read_file_bytes(file.path, options.limits);
    r.bytes = bytes.size();
    std::string manifest_key;
    if (manifest_entry)
      manifest_key = manifest_entry->date + "|" + manifest_entry->committee + "|" + manifest_entry->organisation + "|" +
                     manifest_entry->kind + "|" + manifest_entry->url;
    r.hash = fnv1a_hex(bytes) + fnv1a_hex(manifest_key).substr(0, 8);
    const auto known = known_hashes.find(file.source);
    if (known != known_hashes.end() && known->second == r.hash) {
      r.unchanged = true;
      return r;
    }
    const DocumentText text = decode_document(bytes, file.path, options.limits);
    const ParsedDocument parsed = parse_agenda(text.text, file.source, manifest_entry);
    for (const AgendaItem& item : parsed.items) {
      r.docs.push_back(builder.build(item));
      r.public_doc.push_back(!item.is_confidential());
      r.id_terms.push_back(DocumentBuilder::id_term(item.id()));
      if (item.is_confidential()) continue;  // never a word of a closed item
      const Xapian::Document& doc = r.docs.back();
      for (auto t = doc.termlist_begin(); t != doc.termlist_end(); ++t)
        if (is_spelling_word(*t)) ++r.spelling[*t];
    }
  } catch (const InputError& e) {
    r.error = file.path + (e.line() ? ":" + std::to_string(e.line()) : "") + ": " + e.what();
  } catch (const std::exception& e) {
    r.error = file.path + ": " + e.what();
  }
  return r;
}

// Words for "did you mean": unprefixed, unstemmed words of public items only.

// Removes a file's items and the spelling words they contributed, so no
// word of a changed (perhaps now closed) item lingers in "did you mean".
void remove_file_items(Xapian::WritableDatabase& db, const std::string& source) {
  const std::string src = DocumentBuilder::source_term(source);
  const std::string public_term = std::string(schema::kAccess) + "public";
  std::vector<Xapian::docid> ids(db.postlist_begin(src), db.postlist_end(src));
  for (Xapian::docid id : ids) {
    const Xapian::Document old = db.get_document(id);
    auto acc = old.termlist_begin();
    acc.skip_to(public_term);
    if (acc == old.termlist_end() || *acc != public_term) continue;
    for (auto t = old.termlist_begin(); t != old.termlist_end(); ++t) {
      const std::string term = *t;
      if (!is_spelling_word(term)) continue;
      try {
        db.remove_spelling(term, 1);
      } catch (const Xapian::Error&) {
      }
    }
  }
  db.delete_document(src);
}

class Progress {
 public:
  Progress(bool enabled, size_t total) : enabled_(enabled), total_(total), start_(clock::now()) {}
  void update(size_t done, size_t items, bool force = false) {
    if (!enabled_) return;
    const auto now = clock::now();
    if (!force && now - last_ < std::chrono::milliseconds(200)) return;
    last_ = now;
    const double secs = std::chrono::duration<double>(now - start_).count();
    const double rate = secs > 0 ? items / secs : 0;
    const double eta = done > 0 ? secs * (total_ - done) / done : 0;
    const int width = 30;
    const int filled = total_ ? static_cast<int>(width * done / total_) : width;
    std::fprintf(stderr, "\r[%s%s] %zu/%zu files  %zu items  %.0f items/s  ETA %.0fs ",
                 std::string(static_cast<size_t>(filled), '#').c_str(),
                 std::string(static_cast<size_t>(width - filled), '.').c_str(), done, total_, items, rate, eta);
  }
  void finish() {
    if (enabled_) std::fputs("\n", stderr);
  }

 private:
  using clock = std::chrono::steady_clock;
  bool enabled_;
  size_t total_;
  clock::time_point start_, last_{};
};

}  // namespace

std::string default_database_path() {
  const char* env = std::getenv("SAGSOEG_DB");
  return env && *env ? env : "var/db";
}

void compact_database(const std::string& db_path) {
  namespace fs = std::filesystem;
  const std::string tmp = db_path + ".compacting";
  const std::string old = db_path + ".old";
  fs::remove_all(tmp);
  fs::remove_all(old);
  Xapian::Database(db_path).compact(tmp);
  fs::rename(db_path, old);
  fs::rename(tmp, db_path);
  fs::remove_all(old);
}

void check_pipeline_version(const std::string& db_path) {
  check_pipeline_version(Xapian::Database(db_path), db_path);
}

void check_pipeline_version(const Xapian::Database& db, const std::string& db_path) {
  const std::string have = db.get_metadata(schema::kMetaPipeline);
  if (have.empty() && db.get_doccount() == 0) return;
  const std::string want = expected_version();
  if (have != want)
    throw std::runtime_error("database " + db_path + " was built by text pipeline '" + have + "', this program uses '" +
                             want + "'; rebuild it with `indexer --rebuild`");
}

IndexStats run_indexer(const std::vector<InputFile>& files, const IndexOptions& options, std::ostream& errors) {
  const auto started = std::chrono::steady_clock::now();
  IndexStats stats;
  stats.files = files.size();
  // Xapian creates the database folder but not its parents (var/db).
  const std::filesystem::path parent = std::filesystem::path(options.db_path).parent_path();
  if (!parent.empty()) std::filesystem::create_directories(parent);
  Xapian::WritableDatabase db(options.db_path,
                              options.rebuild ? Xapian::DB_CREATE_OR_OVERWRITE : Xapian::DB_CREATE_OR_OPEN);
  const std::string version = expected_version();
  const std::string have = db.get_metadata(schema::kMetaPipeline);
  if (!have.empty() && have != version)
    throw std::runtime_error("database " + options.db_path + " was built by text pipeline '" + have +
                             "'; this indexer uses '" + version + "': run again with --rebuild");

  std::map<std::string, std::string> known_hashes;
  for (auto k = db.metadata_keys_begin(schema::kMetaFilePrefix); k != db.metadata_keys_end(schema::kMetaFilePrefix);
       ++k)
    known_hashes[(*k).substr(std::string(schema::kMetaFilePrefix).size())] = db.get_metadata(*k);

  // Manifests, loaded once per folder before the workers start.
  std::map<std::string, Manifest> manifests;
  for (const InputFile& f : files) {
    if (manifests.count(f.dir)) continue;
    try {
      manifests[f.dir] = Manifest::load_from_dir(f.dir);
    } catch (const InputError& e) {
      errors << "indexer: " << f.dir << "/manifest.tsv:" << e.line() << ": " << e.what() << "\n";
      manifests[f.dir] = Manifest();
    }
  }

  // Workers fill result slots in any order; the writer consumes them in file
  // order. At most `window` results wait in memory.
  const size_t window = 64;
  std::vector<std::optional<FileResult>> results(files.size());
  std::mutex mu;
  std::condition_variable produced, consumed;
  std::atomic<size_t> next_file{0};
  size_t written = 0;
  std::atomic<bool> stop{false};
  unsigned n_threads = options.threads;
  if (n_threads == 0) n_threads = std::max(1u, std::thread::hardware_concurrency() - 1);
  const TextPipeline& pipeline = TextPipeline::standard();
  const TopicVocabulary& topics = TopicVocabulary::standard();
  auto worker = [&]() {
    DocumentBuilder builder(pipeline, topics);
    for (;;) {
      const size_t i = next_file++;
      if (i >= files.size() || stop) return;
      {
        std::unique_lock<std::mutex> lock(mu);
        consumed.wait(lock, [&] { return i < written + window || stop; });
        if (stop) return;
      }
      FileResult r =
          process_file(files[i], manifests[files[i].dir].find(files[i].source), known_hashes, options, builder);
      std::lock_guard<std::mutex> lock(mu);
      results[i] = std::move(r);
      produced.notify_all();
    }
  };
  std::vector<std::thread> threads;
  for (unsigned t = 0; t < n_threads; ++t) threads.emplace_back(worker);

  Progress progress(options.progress, files.size());
  std::set<std::string> seen;
  size_t in_batch = 0;
  bool in_transaction = false;
  try {
    for (size_t i = 0; i < files.size(); ++i) {
      FileResult r;
      {
        std::unique_lock<std::mutex> lock(mu);
        produced.wait(lock, [&] { return results[i].has_value(); });
        r = std::move(*results[i]);
        results[i].reset();
        written = i + 1;
        consumed.notify_all();
      }
      const InputFile& file = files[i];
      seen.insert(file.source);
      if (!r.error.empty()) {
        errors << "indexer: " << r.error << "\n";
        ++stats.failed;
        continue;
      }
      if (r.unchanged) {
        ++stats.unchanged;
        continue;
      }
      if (!in_transaction) {
        db.begin_transaction();
        in_transaction = true;
      }
      // A file the database has never seen has no items to replace: adding
      // is much cheaper than replacing by term inside a large transaction.
      const bool known_file =
          known_hashes.count(file.source) != 0 || db.term_exists(DocumentBuilder::source_term(file.source));
      if (known_file) remove_file_items(db, file.source);
      for (size_t d = 0; d < r.docs.size(); ++d) {
        const Xapian::Document& doc = r.docs[d];
        if (known_file) {
          db.replace_document(r.id_terms[d], doc);
        } else {
          db.add_document(doc);
        }
        if (r.public_doc[d]) {
          ++stats.items_public;
        } else {
          ++stats.items_confidential;
        }
      }
      for (const auto& [word, count] : r.spelling) db.add_spelling(word, count);
      db.set_metadata(schema::kMetaFilePrefix + file.source, r.hash);
      ++stats.indexed;
      stats.bytes += r.bytes;
      in_batch += r.docs.size();
      if (in_batch >= options.batch_items) {
        db.set_metadata(schema::kMetaPipeline, version);
        db.commit_transaction();
        in_transaction = false;
        in_batch = 0;
      }
      progress.update(i + 1, stats.items_public + stats.items_confidential);
    }
    if (options.prune) {
      if (!in_transaction) {
        db.begin_transaction();
        in_transaction = true;
      }
      for (const auto& [source, hash] : known_hashes) {
        if (seen.count(source)) continue;
        remove_file_items(db, source);
        db.set_metadata(schema::kMetaFilePrefix + source, "");
        ++stats.removed;
      }
    }
    if (!in_transaction) db.begin_transaction();
    db.set_metadata(schema::kMetaPipeline, version);
    db.set_metadata(schema::kMetaSchema, schema::kSchemaVersion);
    db.commit_transaction();
    db.commit();
  } catch (...) {
    {
      std::lock_guard<std::mutex> lock(mu);
      stop = true;
      consumed.notify_all();
    }
    for (auto& t : threads) t.join();
    throw;
  }
  for (auto& t : threads) t.join();
  progress.update(files.size(), stats.items_public + stats.items_confidential, true);
  progress.finish();
  stats.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  return stats;
}

}  // namespace sagsoeg
