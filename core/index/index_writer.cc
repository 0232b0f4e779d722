#include "index/index_writer.h"

#include <xapian.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <memory>
#include <string_view>
#include <thread>
#include <unordered_set>

#include "index/batch_writer.h"
#include "index/document_builder.h"
#include "index/file_processor.h"
#include "index/folder_context.h"
#include "index/meeting_ledger.h"
#include "index/ordered_results.h"
#include "index/progress.h"
#include "schema/schema.h"
#include "schema/topics.h"
#include "store/database.h"
#include "store/pipeline_compat.h"
#include "text/text_pipeline.h"
#include "util/hash.h"

namespace sagsoeg {

namespace {

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

// What a run will do, decided before anything is read: the root its IDs
// are relative to, the files (this shard's share), what to prune, and each
// folder's context (manifest.tsv, sidecars).
struct RunPlan {
  std::string root, recorded_root;
  std::vector<std::string> prune;
  std::map<std::string, std::unique_ptr<FolderContext>> folders;
};

RunPlan plan_run(WalkResult& walk, const Xapian::WritableDatabase& db, const std::map<std::string, std::string>& known,
                 const IndexOptions& options, std::ostream& errors) {
  RunPlan plan;
  plan.recorded_root = database_root(db);
  plan.root = plan.recorded_root;
  if (!options.root.empty()) {
    plan.root = anchor_root(options.root, plan.recorded_root, known);
  } else if (plan.root.empty()) {
    plan.root = common_folder(walk.given);
  }
  check_shard_membership(db, options);
  // Per-file state is kept once (no copies of the file list, result slots
  // for the window only): at 20,000 files copies cost 15 MB of peak RSS.
  std::vector<InputFile>& files = walk.files;
  assign_sources(files, plan.root);
  if (options.root.empty()) refuse_moved_corpus(files, known, plan.root, options.db_path);
  if (options.shards) files = select_shard(files, options.shard, options.shards);

  std::unordered_set<std::string_view> seen;
  for (const InputFile& f : files) seen.insert(f.source);
  if (options.prune) plan.prune = files_to_prune(known, seen, walk, plan.root);
  if (options.shards) {
    // A shard holds only its share: files of other shards are not "gone".
    plan.prune.erase(std::remove_if(plan.prune.begin(), plan.prune.end(),
                                    [&](const std::string& s) { return fnv1a64(s) % options.shards != options.shard; }),
                     plan.prune.end());
  }
  if (!options.explicit_prune && plan.prune.size() * 2 > known.size() && !plan.prune.empty())
    throw IndexRefused("this run would remove " + std::to_string(plan.prune.size()) + " of the " +
                       std::to_string(known.size()) +
                       " indexed files (they are gone from the folders given); nothing was changed. Run again with "
                       "--prune to remove them, or --no-prune to index without removing");
  for (const InputFile& f : files) {
    auto& ctx = plan.folders[f.dir];
    if (ctx) continue;
    ctx = std::make_unique<FolderContext>(f.dir);
    if (!ctx->manifest_error().empty()) errors << "indexer: " << ctx->manifest_error() << "\n";
  }
  return plan;
}

// Planning, then an ordered work queue (ordered_results.h) feeding a batch
// writer (batch_writer.h) in file order.
IndexStats index_into(WalkResult walk, const IndexOptions& options, std::ostream& errors) {
  const auto started = std::chrono::steady_clock::now();
  IndexStats stats;
  Xapian::WritableDatabase db = open_writable(options, errors);
  const std::map<std::string, std::string> known = indexed_files(db);
  const RunPlan plan = plan_run(walk, db, known, options, errors);
  const std::vector<InputFile>& files = walk.files;
  stats.files = files.size();

  BatchWriter writer(db, options, stats, errors);
  if (plan.root != plan.recorded_root) writer.set_root(plan.root, plan.recorded_root);
  writer.set_shard(options.shards ? std::to_string(options.shard) + "/" + std::to_string(options.shards) : "all");
  unsigned threads = options.threads;
  if (threads == 0) threads = std::max(1u, std::thread::hardware_concurrency() - 1);
  Progress progress(options.progress, files.size());
  {
    // Destroyed before the database's last commit, or on an error: the
    // workers stop and are joined.
    OrderedResults results(
        files.size(), threads, [&](size_t i) { return is_large(files[i].path); },
        [&](size_t i, DocumentBuilder& builder) {
          const auto known_hash = known.find(files[i].source);
          return process_file(files[i], *plan.folders.at(files[i].dir),
                              known_hash == known.end() ? std::string() : known_hash->second, options.limits, builder);
        });
    for (size_t i = 0; i < files.size(); ++i) {
      FileResult r = results.take(i);
      writer.apply(files[i], r, known.count(files[i].source) != 0);
      r = FileResult{};
      results.written();
      progress.update(i + 1, stats.items_public + stats.items_confidential);
    }
  }
  writer.prune(plan.prune);
  writer.finish();
  progress.update(files.size(), stats.items_public + stats.items_confidential, true);
  progress.finish();
  stats.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  return stats;
}

}  // namespace sagsoeg
