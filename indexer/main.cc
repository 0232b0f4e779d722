// indexer: flags -> options -> run. All logic lives in core/.
#include <unistd.h>

#include <xapian.h>
#include <boost/program_options.hpp>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <sstream>

#include "format/pdf/pdf_sandbox.h"
#include "index/index_writer.h"
#include "indexer/dry_run.h"
#include "indexer/run_report.h"
#include "io/file_walker.h"
#include "store/build_info.h"
#include "store/database.h"

namespace po = boost::program_options;
using namespace sagsoeg;

namespace {

const char* const kUsage = R"(Usage: indexer [OPTIONS] PATH...

Indexes Danish committee documents (minutes, agendas, agreements, their
attachments) into a Xapian database, one document per agenda item. PATH may
be files or folders (read recursively). Formats are recognised by content:
PDF, HTML, the ESDH XML exports (eDoc, Acadre, SBSYS, eDoc/Fujitsu), plain
text and Markdown, and .gz of any of them.

Exit status: 0 indexed: something was written (empty files and
unsupported types are named, not failures); 1 some files failed (they are
named on stderr, everything else was indexed); 2 could not run: a usage
error, a damaged or incompatible database, a PATH that is missing or empty,
or a refused prune (nothing was changed); 3 nothing to do: every file was
unchanged and nothing was written; 4 locked: another indexer is writing
the database (nothing was changed; try again later).

Options)";

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

// This program's own path: it reads PDFs in a child process of itself.
std::string own_executable() {
  std::error_code ec;
  const std::filesystem::path self = std::filesystem::read_symlink("/proc/self/exe", ec);
  return ec ? std::string() : self.string();
}

}  // namespace

int main(int argc, char** argv) {
  // The sandboxed PDF reader (core/format/pdf/pdf_sandbox.h): a PDF on
  // stdin, its text on stdout, in a process the indexer can stop.
  if (argc == 2 && std::string(argv[1]) == "--read-pdf") return pdf::helper_main();
  if (const std::string self = own_executable(); !self.empty()) pdf::set_helper(self);
  po::options_description opts(kUsage);
  IndexOptions options;
  std::vector<std::string> paths;
  opts.add_options()("help,h", "show this help")("version", "show the version, text pipeline and Xapian version")(
      "db", po::value<std::string>(&options.db_path)->default_value(default_database_path()),
      "database folder (default: $SAGSOEG_DB or var/db)")("dry-run", "parse only, write no database; print the items")(
      "json", "with --dry-run: one JSON object per item (JSON Lines)")("rebuild", "start the database over")(
      "prune",
      "remove the items of files gone from the folders given, even more than half of them (pruning is on by "
      "default when every PATH is a folder, up to half of the indexed files)")("no-prune",
                                                                               "keep items of files that are gone")(
      "threads", po::value<unsigned>(&options.threads)->default_value(0), "parser threads (0 = cores - 1)")(
      "batch", po::value<size_t>(&options.batch_items)->default_value(1500), "items per committed transaction")(
      "max-mb", po::value<size_t>()->default_value(256), "largest file or expanded .gz accepted, in MB")(
      "file-timeout", po::value<unsigned>()->default_value(10),
      "seconds a PDF may take to read before it is stopped and named")(
      "file-memory-mb", po::value<size_t>()->default_value(1024),
      "memory a PDF may take to read before it is stopped and named, in MB")(
      "compact", "rewrite the database compactly afterwards (after a large build; purges freed blocks)")(
      "shard", po::value<std::string>(), "K/N: index only shard K of N (files split by a hash of their name)")(
      "root", po::value<std::string>(&options.root),
      "DIR: the documents moved to DIR; read them there from now on, under the same IDs (see README: Backup, "
      "restore and move)")(
      "summary-json", po::value<std::string>(),
      "FILE: also write the run's summary as JSON (status, exit, counts, named files) to FILE, or - for stderr")(
      "check", "check the database (every table, block by block) and exit: 0 sound, 2 damaged")(
      "progress", "show progress even when stderr is not a terminal (a line every 10 s)")(
      "changesets", po::value<unsigned>(),
      "keep the last N changesets, so read replicas (xapian-replicate) receive each run's changes "
      "instead of a full copy")("quiet,q", "no progress bar and no summary");
  po::options_description hidden;
  hidden.add_options()("path", po::value<std::vector<std::string>>(&paths));
  po::options_description all;
  all.add(opts).add(hidden);
  po::positional_options_description positional;
  positional.add("path", -1);
  po::variables_map vm;
  try {
    po::store(po::command_line_parser(argc, argv).options(all).positional(positional).run(), vm);
    po::notify(vm);
  } catch (const po::error& e) {
    std::cerr << "indexer: " << e.what() << "\n";
    return 2;
  }
  if (vm.count("help")) {
    std::cout << opts << "\n";
    return 0;
  }
  if (vm.count("version")) {
    std::cout << version_text("indexer");
    return 0;
  }
  if (vm.count("check")) return check_only(options.db_path);
  if (paths.empty()) {
    std::cerr << "indexer: no PATH given (try --help)\n";
    return 2;
  }
  if (vm.count("prune") && vm.count("no-prune")) {
    std::cerr << "indexer: --prune and --no-prune contradict each other\n";
    return 2;
  }
  options.limits.max_bytes = vm["max-mb"].as<size_t>() << 20;
  options.limits.seconds = std::max(1u, vm["file-timeout"].as<unsigned>());
  options.limits.memory_mb = std::max<size_t>(64, vm["file-memory-mb"].as<size_t>());
  options.rebuild = vm.count("rebuild") > 0;
  bool all_dirs = true;
  for (const auto& p : paths) all_dirs = all_dirs && std::filesystem::is_directory(p);
  options.explicit_prune = vm.count("prune") > 0;
  options.prune = options.explicit_prune || (all_dirs && !vm.count("no-prune"));
  const bool quiet = vm.count("quiet") > 0;
  options.progress = quiet                   ? ProgressMode::off
                     : isatty(STDERR_FILENO) ? ProgressMode::bar
                     : vm.count("progress")  ? ProgressMode::lines
                                             : ProgressMode::off;
  const std::string summary_target = vm.count("summary-json") ? vm["summary-json"].as<std::string>() : "";
  if (vm.count("shard")) {
    unsigned k = 0, n = 0;
    char slash = 0;
    std::istringstream in(vm["shard"].as<std::string>());
    if (!(in >> k >> slash >> n) || slash != '/' || n == 0 || k >= n || !in.eof()) {
      std::cerr << "indexer: --shard wants K/N with 0 <= K < N, e.g. 0/2\n";
      return 2;
    }
    options.shard = k;
    options.shards = n;
  }

  if (vm.count("changesets")) {
    // Xapian writes changesets for replication when this is set as the
    // database is opened for writing.
    setenv("XAPIAN_MAX_CHANGESETS", std::to_string(vm["changesets"].as<unsigned>()).c_str(), 1);
  }

  WalkResult walk = walk_inputs(paths);
  if (!walk.fatal.empty()) {
    for (const auto& e : walk.fatal) std::cerr << "indexer: " << e << "\n";
    std::cerr << "indexer: nothing was indexed or removed\n";
    return 2;
  }
  for (const auto& e : walk.errors) std::cerr << "indexer: " << e << "\n";
  if (vm.count("dry-run")) {
    name_sources(walk, options.db_path);
    if (options.shards) walk.files = select_shard(walk.files, options.shard, options.shards);
    const size_t failed = print_dry_run(walk.files, options.limits, vm.count("json") > 0, std::cout, std::cerr);
    return failed || !walk.errors.empty() ? 1 : 0;
  }
  auto could_not_run = [&](RunStatus status, const std::string& message) {
    std::cerr << "indexer: " << message << "\n";
    if (!summary_target.empty()) write_summary_json(failure_json(status, message, options.db_path), summary_target);
    return static_cast<int>(status);
  };
  try {
    const bool walk_failed = !walk.errors.empty();
    const IndexStats s = run_indexer(std::move(walk), options, std::cerr);
    if (!quiet) print_summary(s, options.db_path);
    if (vm.count("compact")) compact_database(options.db_path);
    const RunStatus status = status_of(s, walk_failed);
    if (!summary_target.empty()) write_summary_json(summary_json(s, status, options.db_path), summary_target);
    return static_cast<int>(status);
  } catch (const IndexRefused& e) {
    return could_not_run(RunStatus::could_not_run, e.what());
  } catch (const Xapian::DatabaseLockError& e) {
    return could_not_run(RunStatus::locked, options.db_path +
                                                " is locked: another indexer is writing it; nothing was changed, "
                                                "try again when it is done");
  } catch (const Xapian::Error& e) {
    return could_not_run(RunStatus::could_not_run, options.db_path + ": " + e.get_description());
  } catch (const std::exception& e) {
    return could_not_run(RunStatus::could_not_run, e.what());
  }
}
