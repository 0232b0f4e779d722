#include "indexer/arguments.h"

#include <unistd.h>

#include <boost/program_options.hpp>
#include <cstdlib>
#include <filesystem>
#include <sstream>

#include "store/database.h"

namespace po = boost::program_options;

namespace sagsoeg {

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

void add_flags(po::options_description& o, IndexOptions& options) {
  o.add_options()("help,h", "show this help")("version", "show the version, text pipeline and Xapian version")(
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
}

// "K/N" -> options.shard, options.shards.
void read_shard(const std::string& text, IndexOptions& options) {
  unsigned k = 0, n = 0;
  char slash = 0;
  std::istringstream in(text);
  if (!(in >> k >> slash >> n) || slash != '/' || n == 0 || k >= n || !in.eof())
    throw UsageError("--shard wants K/N with 0 <= K < N, e.g. 0/2");
  options.shard = k;
  options.shards = n;
}

void read_index_flags(const po::variables_map& vm, IndexerArgs& a) {
  IndexOptions& o = a.options;
  if (vm.count("prune") && vm.count("no-prune")) throw UsageError("--prune and --no-prune contradict each other");
  o.limits.max_bytes = vm["max-mb"].as<size_t>() << 20;
  o.limits.seconds = std::max(1u, vm["file-timeout"].as<unsigned>());
  o.limits.memory_mb = std::max<size_t>(64, vm["file-memory-mb"].as<size_t>());
  o.rebuild = vm.count("rebuild") > 0;
  bool all_dirs = true;
  for (const auto& p : a.paths) all_dirs = all_dirs && std::filesystem::is_directory(p);
  o.explicit_prune = vm.count("prune") > 0;
  o.prune = o.explicit_prune || (all_dirs && !vm.count("no-prune"));
  a.quiet = vm.count("quiet") > 0;
  o.progress = a.quiet                 ? ProgressMode::off
               : isatty(STDERR_FILENO) ? ProgressMode::bar
               : vm.count("progress")  ? ProgressMode::lines
                                       : ProgressMode::off;
  if (vm.count("summary-json")) a.summary_target = vm["summary-json"].as<std::string>();
  if (vm.count("shard")) read_shard(vm["shard"].as<std::string>(), o);
  a.compact = vm.count("compact") > 0;
  a.json = vm.count("json") > 0;
  // Xapian writes changesets for replication when this is set as the
  // database is opened for writing.
  if (vm.count("changesets"))
    setenv("XAPIAN_MAX_CHANGESETS", std::to_string(vm["changesets"].as<unsigned>()).c_str(), 1);
}

}  // namespace

IndexerArgs parse_indexer_arguments(int argc, char** argv) {
  IndexerArgs a;
  po::options_description opts(kUsage);
  add_flags(opts, a.options);
  po::options_description hidden;
  hidden.add_options()("path", po::value<std::vector<std::string>>(&a.paths));
  po::options_description all;
  all.add(opts).add(hidden);
  po::positional_options_description positional;
  positional.add("path", -1);
  po::variables_map vm;
  try {
    po::store(po::command_line_parser(argc, argv).options(all).positional(positional).run(), vm);
    po::notify(vm);
  } catch (const po::error& e) {
    throw UsageError(e.what());
  }
  std::ostringstream help;
  help << opts;
  a.help = help.str();
  if (vm.count("help"))
    a.mode = IndexerMode::help;
  else if (vm.count("version"))
    a.mode = IndexerMode::version;
  else if (vm.count("check"))
    a.mode = IndexerMode::check;
  else if (vm.count("dry-run"))
    a.mode = IndexerMode::dry_run;
  if (a.mode == IndexerMode::help || a.mode == IndexerMode::version || a.mode == IndexerMode::check) return a;
  if (a.paths.empty()) throw UsageError("no PATH given (try --help)");
  read_index_flags(vm, a);
  return a;
}

}  // namespace sagsoeg
