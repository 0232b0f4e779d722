#include "indexer/modes.h"

#include <xapian.h>

#include <filesystem>
#include <iostream>

#include "indexer/dry_run.h"
#include "indexer/run_report.h"
#include "io/file_walker.h"
#include "store/build_info.h"
#include "store/database.h"

namespace sagsoeg {

namespace {

// --check: the database's tables block by block.
int check_only(const std::string& db_path) {
  try {
    if (!std::filesystem::exists(db_path + "/iamglass")) {
      std::cerr << "indexer: " << db_path << ": no database here\n";
      return 2;
    }
    check_database_integrity(db_path);
    std::cout << db_path << ": no errors (" << Xapian::Database(db_path).get_doccount() << " items)\n";
    return 0;
  } catch (const std::exception& e) {
    std::cerr << "indexer: " << e.what() << "\n";
  } catch (const Xapian::Error& e) {
    std::cerr << "indexer: " << db_path << ": " << e.get_description() << "\n";
  }
  return 2;
}

int dry_run(const IndexerArgs& a, WalkResult& walk) {
  name_sources(walk, a.options.db_path);
  if (a.options.shards) walk.files = select_shard(walk.files, a.options.shard, a.options.shards);
  const size_t failed = print_dry_run(walk.files, a.options.limits, a.json, std::cout, std::cerr);
  return failed || !walk.errors.empty() ? 1 : 0;
}

int could_not_run(const IndexerArgs& a, RunStatus status, const std::string& message) {
  std::cerr << "indexer: " << message << "\n";
  if (!a.summary_target.empty()) write_summary_json(failure_json(status, message, a.options.db_path), a.summary_target);
  return static_cast<int>(status);
}

int index(const IndexerArgs& a, WalkResult walk) {
  const std::string& db = a.options.db_path;
  try {
    const bool walk_failed = !walk.errors.empty();
    const IndexStats s = run_indexer(std::move(walk), a.options, std::cerr);
    if (!a.quiet) print_summary(s, db);
    if (a.compact) compact_database(db);
    const RunStatus status = status_of(s, walk_failed);
    if (!a.summary_target.empty()) write_summary_json(summary_json(s, status, db), a.summary_target);
    return static_cast<int>(status);
  } catch (const IndexRefused& e) {
    return could_not_run(a, RunStatus::could_not_run, e.what());
  } catch (const Xapian::DatabaseLockError&) {
    return could_not_run(
        a, RunStatus::locked,
        db + " is locked: another indexer is writing it; nothing was changed, try again when it is done");
  } catch (const Xapian::Error& e) {
    return could_not_run(a, RunStatus::could_not_run, db + ": " + e.get_description());
  } catch (const std::exception& e) {
    return could_not_run(a, RunStatus::could_not_run, e.what());
  }
}

}  // namespace

int run(IndexerArgs args) {
  switch (args.mode) {
    case IndexerMode::help:
      std::cout << args.help << "\n";
      return 0;
    case IndexerMode::version:
      std::cout << version_text("indexer");
      return 0;
    case IndexerMode::check:
      return check_only(args.options.db_path);
    default:
      break;
  }
  WalkResult walk = walk_inputs(args.paths);
  if (!walk.fatal.empty()) {
    for (const auto& e : walk.fatal) std::cerr << "indexer: " << e << "\n";
    std::cerr << "indexer: nothing was indexed or removed\n";
    return 2;
  }
  for (const auto& e : walk.errors) std::cerr << "indexer: " << e << "\n";
  if (args.mode == IndexerMode::dry_run) return dry_run(args, walk);
  return index(args, std::move(walk));
}

}  // namespace sagsoeg
