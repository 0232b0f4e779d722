#include "index/index_writer.h"
#include "util/clock.h"

#include <xapian.h>

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <string_view>
#include <thread>
#include <unordered_set>

#include "index/document_builder.h"
#include "index/file_processor.h"
#include "index/folder_context.h"
#include "index/meeting_ledger.h"
#include "index/progress.h"
#include "schema/schema.h"
#include "schema/topics.h"
#include "store/database.h"
#include "store/pipeline_compat.h"
#include "text/text_pipeline.h"
#include "util/hash.h"

// tcmalloc's C API, when the program is linked with it (the indexer is;
// the sanitizer builds are not): weak, so it is null otherwise.
extern "C" void MallocExtension_ReleaseFreeMemory(void) __attribute__((weak));

namespace sagsoeg {

namespace {

// Unsupported files are named one by one up to this many (a folder of
// spreadsheets must not flood the log); the summary counts them all.
constexpr size_t kNamedSkips = 50;

// Files this large (or compressed ones, which may inflate a hundredfold)
// are parsed one at a time, and the next waits until the writer has taken
// the last one's documents: peak memory is one large file's, not one per thread.
constexpr size_t kLargeFile = 8u << 20;
constexpr size_t kLargeCompressed = 512u << 10;

bool is_large(const std::string& path) {
  std::error_code ec;
  const uintmax_t size = std::filesystem::file_size(path, ec);
  if (ec) return false;
  const bool gz = path.size() > 3 && path.compare(path.size() - 3, 3, ".gz") == 0;
  return size >= kLargeFile || (gz && size >= kLargeCompressed);
}

// Taken in file order: the holder's file always comes before any waiter's,
// so the writer (which consumes in file order) reaches it and frees it.
class LargeFileToken {
 public:
  void acquire(size_t file) {
    std::unique_lock<std::mutex> lock(mu_);
    waiting_.insert(file);
    free_.wait(lock, [&] { return stop_ || (!taken_ && *waiting_.begin() == file); });
    waiting_.erase(file);
    taken_ = true;
  }
  void release() {
    std::lock_guard<std::mutex> lock(mu_);
    taken_ = false;
    free_.notify_all();
  }
  void stop() {
    std::lock_guard<std::mutex> lock(mu_);
    stop_ = true;
    free_.notify_all();
  }

 private:
  std::mutex mu_;
  std::condition_variable free_;
  std::set<size_t> waiting_;
  bool taken_ = false, stop_ = false;
};

// Removes a file's items and the spelling words they contributed, so no
// word of a changed (perhaps now closed) item lingers in "did you mean".
size_t remove_file_items(Xapian::WritableDatabase& db, const std::string& source) {
  const std::string src = schema::source_term(source);
  std::vector<Xapian::docid> ids(db.postlist_begin(src), db.postlist_end(src));
  for (Xapian::docid id : ids) {
    // The words its public text added, derived from the stored text the same
    // way the builder derived them (the index itself holds only stems).
    const AgendaItem old = decode_document_data(db.get_document(id).get_data(), nullptr, true);
    for (const std::string& word : spelling_words(old)) {
      try {
        db.remove_spelling(word, 1);
      } catch (const Xapian::Error&) {
      }
    }
  }
  if (!ids.empty()) db.delete_document(src);
  return ids.size();
}

Xapian::WritableDatabase open_writable(const IndexOptions& options, std::ostream& errors) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (fs::exists(options.db_path, ec) && !fs::is_directory(options.db_path, ec))
    throw IndexRefused("--db " + options.db_path +
                       " is a file, not a database folder; give a folder (new or existing)");
  // Xapian creates the database folder but not its parents (var/db).
  const fs::path parent = fs::path(options.db_path).parent_path();
  if (!parent.empty()) fs::create_directories(parent);
  // A damaged database is not written on (Xapian would recreate a lost
  // table empty and carry on): the run stops and says what to do.
  try {
    check_database_integrity(options.db_path);
  } catch (const std::runtime_error& e) {
    throw IndexRefused(e.what());
  }
  Xapian::WritableDatabase db(options.db_path, Xapian::DB_CREATE_OR_OPEN);
  const std::string have = db.get_metadata(schema::kMetaPipeline);
  if (have.empty()) return db;
  const PipelineComparison c = compare_pipelines(have, expected_pipeline_version());
  if (!c.compatible())
    throw IndexRefused("database " + options.db_path + " was built by another text pipeline: " + c.describe() +
                       ": run again with --rebuild");
  for (const std::string& note : c.notes)
    errors << "indexer: note: " << options.db_path << ": " << note
           << " changed; files indexed from now on use this build's, --rebuild applies it to all\n";
  return db;
}

void assign_sources(std::vector<InputFile>& files, const std::string& root) {
  for (InputFile& f : files) f.source = source_name(f.path, root);
}

// The files this run would prune: gone from a folder it was given, and not
// below a folder it could not read.
std::vector<std::string> files_to_prune(const std::map<std::string, std::string>& known,
                                        const std::unordered_set<std::string_view>& seen, const WalkResult& walk,
                                        const std::string& root) {
  std::vector<std::string> gone;
  for (const auto& [source, hash] : known) {
    if (seen.count(source)) continue;
    const std::string path = path_of_source(source, root);
    const bool in_scope =
        std::any_of(walk.folders.begin(), walk.folders.end(), [&](const std::string& f) { return is_below(path, f); });
    const bool unread = std::any_of(walk.unreadable.begin(), walk.unreadable.end(),
                                    [&](const std::string& f) { return is_below(path, f); });
    if (in_scope && !unread) gone.push_back(source);
  }
  return gone;
}

// Indexed files named relative to the root (absolute names are outside it).
size_t relative_sources(const std::map<std::string, std::string>& known) {
  return std::count_if(known.begin(), known.end(), [](const auto& k) { return !k.first.empty() && k.first[0] != '/'; });
}

size_t present_below(const std::map<std::string, std::string>& known, const std::string& root) {
  size_t present = 0;
  std::error_code ec;
  for (const auto& [source, hash] : known)
    if (!source.empty() && source[0] != '/' && std::filesystem::exists(path_of_source(source, root), ec)) ++present;
  return present;
}

// --root DIR: the folder the documents moved to. Most indexed files must be
// there under their names, or it is the wrong folder.
std::string anchor_root(const std::string& wanted, const std::string& recorded,
                        const std::map<std::string, std::string>& known) {
  std::error_code ec;
  const std::filesystem::path real = std::filesystem::canonical(wanted, ec);
  if (ec || !std::filesystem::is_directory(real, ec))
    throw IndexRefused("--root " + wanted + ": no such folder; nothing was changed");
  const std::string root = real.string();
  if (recorded.empty() || root == recorded) return root;
  const size_t relative = relative_sources(known), present = present_below(known, root);
  if (relative > 0 && present * 2 < relative)
    throw IndexRefused("--root " + wanted + ": only " + std::to_string(present) + " of the " +
                       std::to_string(relative) + " indexed files are there (the documents were indexed from " +
                       recorded + "); nothing was changed. Give the folder that holds them as they were named");
  return root;
}

// Documents moved without --root would come back under new IDs beside the
// old ones (every item twice): refused, with the way to move.
void refuse_moved_corpus(const std::vector<InputFile>& files, const std::map<std::string, std::string>& known,
                         const std::string& root, const std::string& db_path) {
  if (known.empty() || files.empty() || root == "/") return;
  const size_t outside = std::count_if(files.begin(), files.end(),
                                       [](const InputFile& f) { return !f.source.empty() && f.source[0] == '/'; });
  if (outside * 2 <= files.size()) return;
  const size_t relative = relative_sources(known), present = present_below(known, root);
  if (relative == 0 || present * 2 >= relative) return;
  throw IndexRefused("the documents of " + db_path + " were indexed from " + root + ", where " +
                     std::to_string(relative - present) + " of the " + std::to_string(relative) +
                     " files are gone, and these PATHs are outside it: indexing them would add every document again "
                     "under new IDs. If the documents moved, run again with --root NEW_FOLDER (IDs stay the same); "
                     "nothing was changed");
}

// A shard database holds one share of the corpus: a run for another share
// (or for all of it) would add thousands of files that belong elsewhere.
void check_shard_membership(const Xapian::WritableDatabase& db, const IndexOptions& options) {
  const std::string recorded = db.get_metadata(schema::kMetaShard);
  const std::string wanted =
      options.shards ? std::to_string(options.shard) + "/" + std::to_string(options.shards) : "all";
  if (recorded.empty() || recorded == wanted || options.rebuild) return;
  auto what = [](const std::string& s) { return s == "all" ? std::string("the whole corpus") : "shard " + s; };
  throw IndexRefused("database " + options.db_path + " holds " + what(recorded) + ", this run asks for " +
                     what(wanted) + "; nothing was changed (--rebuild starts it over as " + what(wanted) + ")");
}

}  // namespace

void name_sources(WalkResult& walk, const std::string& db_path) {
  std::string root;
  try {
    root = database_root(Xapian::Database(db_path));
  } catch (const Xapian::Error&) {
  }
  assign_sources(walk.files, root.empty() ? common_folder(walk.given) : root);
}

IndexStats index_into(WalkResult walk, const IndexOptions& options, std::ostream& errors);

IndexStats run_indexer(WalkResult walk, const IndexOptions& options, std::ostream& errors) {
  if (!options.rebuild) return index_into(std::move(walk), options, errors);
  // --rebuild builds a new database beside the live one, which is served
  // (and its write lock held, so no other indexer writes to it) until the
  // new one is complete and swapped in at once. A rebuild that is killed
  // leaves the live database as it was.
  namespace fs = std::filesystem;
  IndexOptions beside = options;
  beside.rebuild = false;
  beside.db_path = options.db_path + ".rebuild";
  std::error_code ec;
  if (fs::exists(options.db_path, ec) && !fs::is_directory(options.db_path, ec))
    throw IndexRefused("--db " + options.db_path +
                       " is a file, not a database folder; give a folder (new or existing)");
  const fs::path parent = fs::path(options.db_path).parent_path();
  if (!parent.empty()) fs::create_directories(parent);
  Xapian::WritableDatabase live;
  try {
    live = Xapian::WritableDatabase(options.db_path, Xapian::DB_CREATE_OR_OPEN);
  } catch (const Xapian::DatabaseLockError&) {
    throw;
  } catch (const Xapian::DatabaseError& e) {
    // A damaged database cannot be opened to hold its lock; no indexer can
    // write to it either, and rebuilding is how it is mended.
    errors << "indexer: note: " << options.db_path << " cannot be opened (" << e.get_msg()
           << "); rebuilding it anyway\n";
  }
  fs::remove_all(beside.db_path);
  IndexStats stats = index_into(std::move(walk), beside, errors);
  swap_directories(beside.db_path, options.db_path);
  live.close();
  fs::remove_all(beside.db_path);  // the old database
  return stats;
}

IndexStats index_into(WalkResult walk, const IndexOptions& options, std::ostream& errors) {
  const auto started = std::chrono::steady_clock::now();
  IndexStats stats;
  Xapian::WritableDatabase db = open_writable(options, errors);
  const std::string version = expected_pipeline_version();

  const std::map<std::string, std::string> known = indexed_files(db);
  const std::string recorded_root = database_root(db);
  std::string root = recorded_root;
  if (!options.root.empty()) {
    root = anchor_root(options.root, recorded_root, known);
  } else if (root.empty()) {
    root = common_folder(walk.given);
  }
  const bool new_root = root != recorded_root;
  check_shard_membership(db, options);
  // Per-file state is kept once (no copies of the file list, result slots
  // for the window only): at 20,000 files copies cost 15 MB of peak RSS.
  std::vector<InputFile>& files = walk.files;
  assign_sources(files, root);
  if (options.root.empty()) refuse_moved_corpus(files, known, root, options.db_path);
  if (options.shards) files = select_shard(files, options.shard, options.shards);
  stats.files = files.size();

  std::unordered_set<std::string_view> seen;
  for (const InputFile& f : files) seen.insert(f.source);
  std::vector<std::string> prune;
  if (options.prune) prune = files_to_prune(known, seen, walk, root);
  if (options.shards) {
    // A shard holds only its share: files of other shards are not "gone".
    prune.erase(std::remove_if(prune.begin(), prune.end(),
                               [&](const std::string& s) { return fnv1a64(s) % options.shards != options.shard; }),
                prune.end());
  }
  if (!options.explicit_prune && prune.size() * 2 > known.size() && !prune.empty())
    throw IndexRefused("this run would remove " + std::to_string(prune.size()) + " of the " +
                       std::to_string(known.size()) +
                       " indexed files (they are gone from the folders given); nothing was changed. Run again with "
                       "--prune to remove them, or --no-prune to index without removing");

  // Folder contexts (manifest.tsv, sidecars), made once before the workers start.
  std::map<std::string, std::unique_ptr<FolderContext>> folders;
  for (const InputFile& f : files) {
    auto& ctx = folders[f.dir];
    if (ctx) continue;
    ctx = std::make_unique<FolderContext>(f.dir);
    if (!ctx->manifest_error().empty()) errors << "indexer: " << ctx->manifest_error() << "\n";
  }

  // Workers fill result slots in any order; the writer consumes them in file
  // order. At most `window` results wait in memory.
  const size_t window = 64;
  // Slot i % window holds file i's result: file i waits until file
  // i - window, the slot's last occupant, has been written.
  std::vector<std::optional<FileResult>> results(window);
  std::vector<bool> holds_token(window, false);
  std::mutex mu;
  std::condition_variable produced, consumed;
  std::atomic<size_t> next_file{0};
  size_t written = 0;
  std::atomic<bool> stop{false};
  LargeFileToken large_file;
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
      const bool large = is_large(files[i].path);
      if (large) large_file.acquire(i);
      const auto known_hash = known.find(files[i].source);
      FileResult r =
          process_file(files[i], *folders[files[i].dir], known_hash == known.end() ? std::string() : known_hash->second,
                       options.limits, builder);
      std::lock_guard<std::mutex> lock(mu);
      holds_token[i % window] = large;
      results[i % window] = std::move(r);
      produced.notify_all();
    }
  };
  std::vector<std::thread> threads;
  for (unsigned t = 0; t < n_threads; ++t) threads.emplace_back(worker);

  Progress progress(options.progress, files.size());
  size_t in_batch = 0;
  bool in_transaction = false;
  bool wrote = false;  // an idle run commits nothing: a replica stays in range
  auto begin = [&] {
    if (!in_transaction) db.begin_transaction();
    in_transaction = true;
    wrote = true;
  };
  MeetingLedger ledger(db);
  // Publications no longer kept from being served (the newer one went):
  // their files are read again on the next run.
  auto restore_publications = [&](const std::vector<std::string>& sources) {
    for (const std::string& source : sources) {
      forget_indexed_file(db, source);
      stats.reread_next.push_back(source);
    }
  };
  try {
    if (new_root) {
      begin();
      set_database_root(db, root);
      if (!recorded_root.empty())
        errors << "indexer: " << options.db_path << ": documents are now read from " << root << " (were in "
               << recorded_root << "); IDs are unchanged\n";
    }
    const std::string shard_label =
        options.shards ? std::to_string(options.shard) + "/" + std::to_string(options.shards) : "all";
    if (db.get_metadata(schema::kMetaShard) != shard_label) {
      begin();
      db.set_metadata(schema::kMetaShard, shard_label);
    }
    for (size_t i = 0; i < files.size(); ++i) {
      FileResult r;
      bool token = false;
      {
        std::unique_lock<std::mutex> lock(mu);
        produced.wait(lock, [&] { return results[i % window].has_value(); });
        r = std::move(*results[i % window]);
        results[i % window].reset();
        token = holds_token[i % window];
        written = i + 1;
        consumed.notify_all();
      }
      const InputFile& file = files[i];
      const bool known_file = known.count(file.source) != 0;
      switch (r.outcome) {
        case FileOutcome::unchanged:
          ++stats.unchanged;
          break;
        case FileOutcome::failed: {
          ++stats.failed;
          stats.failed_files.push_back(file.display);
          std::string note;
          if (known_file) {
            // Fail closed: the file may now mark closed what its old items
            // show, so they go until it reads again.
            begin();
            const size_t n = remove_file_items(db, file.source);
            forget_indexed_file(db, file.source);
            restore_publications(ledger.remove(file.source));
            ++stats.withdrawn;
            note = " (its " + std::to_string(n) + " earlier items are withdrawn until it reads again)";
          }
          errors << "indexer: " << r.message << note << "\n";
          break;
        }
        case FileOutcome::empty:
        case FileOutcome::unsupported:
        case FileOutcome::metadata:
          if (r.outcome == FileOutcome::empty) {
            ++stats.empty;
            errors << "indexer: warning: " << r.message << " (nothing to index)\n";
          }
          if (r.outcome == FileOutcome::unsupported) {
            stats.unsupported.push_back(file.display);
            if (stats.unsupported.size() <= kNamedSkips) errors << "indexer: warning: " << r.message << " (skipped)\n";
          }
          if (r.outcome == FileOutcome::metadata) ++stats.manifests;
          if (known_file || r.outcome != FileOutcome::unsupported) {
            begin();
            if (known_file) remove_file_items(db, file.source);
            if (known_file) restore_publications(ledger.remove(file.source));
            if (r.outcome == FileOutcome::unsupported) {
              forget_indexed_file(db, file.source);
            } else {
              record_indexed_file(db, file.source, r.hash);
            }
          }
          break;
        case FileOutcome::indexed: {
          begin();
          // A file the database has never seen has no items to replace: adding
          // is much cheaper than replacing by term inside a large transaction.
          const bool replace = known_file || db.term_exists(schema::source_term(file.source));
          if (replace) remove_file_items(db, file.source);
          // One meeting, one set of items: the newest publication is served.
          const MeetingLedger::Decision meeting = ledger.publish(r.meeting, r.publication);
          for (const std::string& older : meeting.replace) {
            remove_file_items(db, older);
            stats.superseded.push_back(older);
          }
          restore_publications(meeting.restore);
          if (!meeting.serve) {
            record_indexed_file(db, file.source, r.hash);
            stats.superseded.push_back(file.source);
            ++stats.indexed;
            break;
          }
          for (size_t d = 0; d < r.docs.size(); ++d) {
            if (replace) {
              db.replace_document(r.id_terms[d], r.docs[d]);
            } else {
              db.add_document(r.docs[d]);
            }
            ++(r.public_doc[d] ? stats.items_public : stats.items_confidential);
          }
          for (const auto& [word, count] : r.spelling) db.add_spelling(word, count);
          record_indexed_file(db, file.source, r.hash);
          ++stats.indexed;
          stats.unstructured += r.unstructured;
          for (const std::string& w : r.warnings) errors << "indexer: warning: " << file.display << ": " << w << "\n";
          if (r.docs.empty()) {
            stats.without_items.push_back(file.display);
            errors << "indexer: warning: " << file.display << ": a " << r.format
                   << " document without a single agenda item (nothing indexed)\n";
          } else if (r.coverage.percent() < kLowCoveragePercent) {
            stats.low_coverage.emplace_back(file.display, r.coverage.percent());
          }
          stats.bytes += r.bytes;
          in_batch += r.docs.size();
          break;
        }
      }
      r = FileResult{};
      if (token) large_file.release();
      if (in_transaction && in_batch >= options.batch_items) {
        db.set_metadata(schema::kMetaPipeline, version);
        db.commit_transaction();
        in_transaction = false;
        in_batch = 0;
        // The batch's buffers are freed now; hand their pages back, or the
        // allocator keeps every batch's high-water mark and peak RSS creeps
        // up with the corpus.
        if (MallocExtension_ReleaseFreeMemory) MallocExtension_ReleaseFreeMemory();
      }
      progress.update(i + 1, stats.items_public + stats.items_confidential);
    }
    if (!prune.empty()) {
      begin();
      for (const std::string& source : prune) {
        remove_file_items(db, source);
        forget_indexed_file(db, source);
        restore_publications(ledger.remove(source));
        ++stats.removed;
      }
    }
    if (wrote || db.get_metadata(schema::kMetaPipeline) != version ||
        db.get_metadata(schema::kMetaSchema) != schema::kSchemaVersion) {
      begin();
      db.set_metadata(schema::kMetaPipeline, version);
      db.set_metadata(schema::kMetaSchema, schema::kSchemaVersion);
      db.set_metadata(schema::kMetaIndexedAt, utc_timestamp());
      db.commit_transaction();
      db.commit();
      stats.changed = true;
    }
  } catch (...) {
    {
      std::lock_guard<std::mutex> lock(mu);
      stop = true;
      consumed.notify_all();
    }
    large_file.stop();
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
