#include "searcher/arguments.h"

#include <unistd.h>

#include <boost/program_options.hpp>
#include <cstdlib>
#include <sstream>

#include "searcher/command_line.h"
#include "store/database.h"

namespace po = boost::program_options;

namespace sagsoeg {

namespace {

const char* const kUsage = R"(Usage: searcher [OPTIONS] [--] QUERY...
       searcher --case ID | --show ID | --similar ID | --analyze TEXT | --serve | --bench FILE

Searches Danish committee documents indexed by `indexer`, one result per
agenda item. Exit status: 0 results found, 1 no results, 2 error.

Query syntax (Danish and English field names):
  lægedækning almen praksis   all words rank first, then some of them
  "dosispakket medicin"       phrase
  palliation AND NOT hospice  AND, OR, NOT, parentheses
  +palliation -hospice        must / must not
  lægedæk*                    trailing wildcard (2+ letters, at most 8 in a query)
  titel:  title:              in the item title
  beslutning: decision:       in the decision (Beslutninger / POLITISK BEHANDLING)
  resume: indstilling:        in the resumé / the recommendation
  udvalg: committee:          committee (part of its name: udvalg:nære)
  org: organisation:          organisation (part of its name: org:hovedstaden)
  sag: case:                  the item's own case ID or journal number
  emne: topic:                topic (see --topics)
  type:                       orientering, beslutning or drøftelse
  art: kind:                  referat, dagsorden, aftale or bilag
  udfald: outcome:            what was decided: godkendt, anbefalet, efterretning,
                              oversendt, udsat, forkastet, drøftet, ukendt
  dato:2025-01-31  date:      a day, a month (dato:2025-01), a year, or a range:
  dato:2024..2025             dato:2025-01..2025-03, dato:31-01-2025, dato:20250131
  år:2024  year:2024..2025    meeting year or years
  EMN-2024-01240, 24077452    a case ID or journal number as plain text finds its items
Names (Anders, Hansen) match themselves, not their stems. An empty query
with filters lists matching items, newest first. A filter given twice
matches either value (--committee A --committee B).

Options)";

// A server setting's default from the environment (systemd's
// EnvironmentFile, a container's -e), else the built-in one.
std::string env_or(const char* name, const char* fallback) {
  const char* v = std::getenv(name);
  return v && *v ? v : fallback;
}

// The flags' raw values, before they become the arguments struct.
struct RawFlags {
  std::string sort = "relevance", limit = "10", offset = "0", show, similar;
  std::vector<std::string> words;
  std::vector<std::string> committee, organisation, kind, outcome, case_id, topic, type;
  double time_limit = 0;
};

void add_search_flags(po::options_description& o, SearcherArgs& a, RawFlags& f) {
  using strings = std::vector<std::string>;
  o.add_options()("limit,n", po::value<std::string>(&f.limit), "results per page (0-1000, default 10)")(
      "offset", po::value<std::string>(&f.offset), "skip this many results (0-100000)")(
      "sort", po::value<std::string>(&f.sort)->default_value("relevance"), "relevance | date (newest first)")(
      "from", po::value<std::string>(&a.request.from),
      "items on or after this day, month or year (2025-01-31, 2025-01, 2025)")(
      "to", po::value<std::string>(&a.request.to), "items on or before this day, month or year")(
      "committee", po::value<strings>(&f.committee)->composing(), "committee (part of its name)")(
      "organisation", po::value<strings>(&f.organisation)->composing(), "organisation (part of its name)")(
      "kind", po::value<strings>(&f.kind)->composing(), "referat | dagsorden | aftale | bilag")(
      "outcome", po::value<strings>(&f.outcome)->composing(),
      "decision outcome: godkendt, anbefalet, efterretning, oversendt, udsat, forkastet, drøftet, ukendt")(
      "case", po::value<strings>(&f.case_id)->composing(),
      "with a query: filter by case; alone: the case history, oldest first, with decisions")(
      "topic", po::value<strings>(&f.topic)->composing(), "topic slug or name")(
      "type", po::value<strings>(&f.type)->composing(), "orientering | beslutning | drøftelse")(
      "include-confidential", "list confidential items too (item number, case ID and meeting only)")(
      "no-spelling", "no \"did you mean\"")("no-compounds",
                                            "do not match parts of compound words (gigt -> Gigtforeningen)")(
      "no-variants", "do not match other Danish spellings (laegedaekning -> lægedækning)")(
      "no-synonyms", "do not expand abbreviations and synonyms (KOL, ØA, AP, ...)")(
      "time-limit", po::value<double>(&f.time_limit), "stop a search after this many seconds (default: no limit)");
}

void add_output_and_mode_flags(po::options_description& o, SearcherArgs& a, RawFlags& f) {
  o.add_options()("help,h", "show this help")("version", "show the version, text pipeline and Xapian version")(
      "db", po::value<std::vector<std::string>>(&a.dbs)->composing(),
      "database folder or Xapian stub file (remote shard); repeat to search several as one "
      "(default: $SAGSOEG_DB or var/db)")("json", "JSON output (errors too)")(
      "csv",
      "results as CSV (id, date, committee, case, title, outcome, url, organisation, kind, decision, page) for a "
      "spreadsheet")("facets", "counts by committee, year, topic, type, case ID, organisation and kind")(
      "show", po::value<std::string>(&f.show),
      "print one public item in full (ID as in results: FILE:N or 'FILE punkt N')")(
      "similar", po::value<std::string>(&f.similar),
      "items most like this public item, from other meetings (\"Lignende sager\")")(
      "other-committee", "with --similar: only items of other committees")("other-year",
                                                                           "with --similar: only items of other years")(
      "analyze", "print what the text pipeline makes of the query text, and the terms a search uses")(
      "topics", "list the topic vocabulary")("no-color", "no colours (NO_COLOR is respected too)")(
      "bench", po::value<std::string>(&a.bench_file),
      "run the queries in FILE (one per line) and time them, with the other search options")(
      "repeat", po::value<size_t>(&a.repeat)->default_value(5), "with --bench: runs per query");
}

void add_server_flags(po::options_description& o, SearcherArgs& a) {
  ServerOptions& s = a.server;
  o.add_options()("allow-partial",
                  "over several databases: when some do not answer, search the others (the answer names the ones "
                  "left out) instead of failing (also $SAGSOEG_ALLOW_PARTIAL=1)")(
      "shard-timeout",
      po::value<int>(&s.searcher.shard_timeout_ms)
          ->default_value(std::atoi(env_or("SAGSOEG_SHARD_TIMEOUT_MS", "800").c_str())),
      "longest wait for one answer from a remote shard, in ms (default: $SAGSOEG_SHARD_TIMEOUT_MS or 800)")(
      "spelling-db", po::value<std::string>(&s.searcher.spelling_db),
      "a local database for \"did you mean\" when the searched ones are remote shards (which have no spelling "
      "table): a copy of one shard, or a database of the whole corpus")("serve", "serve the HTTP API and web page")(
      "bind", po::value<std::string>(&s.bind)->default_value(env_or("SAGSOEG_BIND", "127.0.0.1")),
      "with --serve: address (default: $SAGSOEG_BIND or 127.0.0.1)")(
      "port", po::value<int>(&s.port)->default_value(std::atoi(env_or("SAGSOEG_PORT", "8080").c_str())),
      "with --serve: port (default: $SAGSOEG_PORT or 8080)")(
      "threads", po::value<int>(&s.threads)->default_value(std::atoi(env_or("SAGSOEG_THREADS", "16").c_str())),
      "with --serve: searches at once (default: $SAGSOEG_THREADS or 16; twice as many HTTP workers read requests)");
}

std::string join(const std::vector<std::string>& values, const char* between) {
  std::string s;
  for (const auto& v : values) s += (s.empty() ? "" : between) + v;
  return s;
}

// "FILE punkt 8" as results print it, or FILE:8.
std::string item_id(std::string text, const std::vector<std::string>& words) {
  if (words.size() == 2 && words[0] == "punkt") text += " punkt " + words[1];
  return item_id_from_text(text);
}

Mode mode_of(const po::variables_map& vm, const SearcherArgs& a, const RawFlags& f) {
  const SearchRequest& r = a.request;
  if (vm.count("help")) return Mode::help;
  if (vm.count("version")) return Mode::version;
  if (vm.count("analyze")) return Mode::analyze;
  if (vm.count("topics")) return Mode::topics;
  if (vm.count("serve")) return Mode::serve;
  if (!a.bench_file.empty()) return Mode::bench;
  if (!f.show.empty()) return Mode::show;
  if (!f.similar.empty()) return Mode::similar;
  // A case alone is its history.
  if (f.case_id.size() == 1 && r.query.empty() && r.committee.empty() && r.topic.empty() && r.type.empty() &&
      r.from.empty() && r.to.empty() && r.organisation.empty() && r.kind.empty() && r.outcome.empty())
    return Mode::case_history;
  return Mode::search;
}

// The query, filters and switches; the output and --similar switches.
void read_request_flags(const po::variables_map& vm, const RawFlags& f, SearcherArgs& a) {
  SearchRequest& r = a.request;
  r.query = join(f.words, " ");
  // Several values of one filter are ORed, as in the HTTP API.
  const char separator[] = {kFilterValueSeparator, '\0'};
  r.committee = join(f.committee, separator);
  r.organisation = join(f.organisation, separator);
  r.kind = join(f.kind, separator);
  r.outcome = join(f.outcome, separator);
  r.case_id = join(f.case_id, separator);
  r.topic = join(f.topic, separator);
  r.type = join(f.type, separator);
  r.facets = vm.count("facets") > 0;
  r.include_confidential = vm.count("include-confidential") > 0;
  r.spelling = !vm.count("no-spelling");
  r.compounds = !vm.count("no-compounds");
  r.variants = !vm.count("no-variants");
  r.synonyms = !vm.count("no-synonyms");
  r.time_budget = f.time_limit;
  a.csv = vm.count("csv") > 0;
  a.style.color = isatty(STDOUT_FILENO) && !std::getenv("NO_COLOR") && !vm.count("no-color");
  a.other_committee = vm.count("other-committee") > 0;
  a.other_year = vm.count("other-year") > 0;
}

}  // namespace

void parse_arguments(int argc, char** argv, SearcherArgs& a) {
  for (int i = 1; i < argc; ++i) a.json = a.json || std::string(argv[i]) == "--json";
  RawFlags f;
  po::options_description opts(kUsage);
  add_output_and_mode_flags(opts, a, f);
  add_search_flags(opts, a, f);
  add_server_flags(opts, a);
  po::options_description hidden;
  hidden.add_options()("word", po::value<std::vector<std::string>>(&f.words));
  po::options_description all;
  all.add(opts).add(hidden);
  po::positional_options_description positional;
  positional.add("word", -1);
  // "-hospice" is a query word; only registered options are options.
  const std::vector<std::string> args = query_friendly_args(argc, argv, opts);
  std::vector<const char*> cargs;
  for (const std::string& arg : args) cargs.push_back(arg.c_str());
  po::variables_map vm;
  po::store(
      po::command_line_parser(static_cast<int>(cargs.size()), cargs.data()).options(all).positional(positional).run(),
      vm);
  po::notify(vm);

  std::ostringstream help;
  help << opts;
  a.help = help.str();
  read_request_flags(vm, f, a);
  a.mode = mode_of(vm, a, f);
  if (a.mode == Mode::help || a.mode == Mode::version) return;
  SearchRequest& r = a.request;
  // The same rules as the HTTP API's limit and offset.
  r.limit = parse_count(f.limit, "--limit", kMaxLimit);
  r.offset = parse_count(f.offset, "--offset", kMaxOffset);
  if (f.sort == "date") {
    r.sort = SortOrder::date;
  } else if (f.sort != "relevance") {
    throw QueryError("--sort must be relevance or date");
  }
  if (a.dbs.empty()) a.dbs.push_back(default_database_path());
  if (a.mode == Mode::show) a.item_id = item_id(f.show, f.words);
  if (a.mode == Mode::similar) a.item_id = item_id(f.similar, f.words);
  a.server.searcher.allow_partial = vm.count("allow-partial") > 0 || env_or("SAGSOEG_ALLOW_PARTIAL", "0") == "1";
  a.server.searcher.shard_timeout_ms = std::max(50, a.server.searcher.shard_timeout_ms);
}

}  // namespace sagsoeg
