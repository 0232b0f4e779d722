// searcher: flags -> request -> output. All logic lives in core/ and in the
// small renderers beside this file.
#include <unistd.h>

#include <xapian.h>
#include <boost/program_options.hpp>
#include <cstdlib>
#include <iostream>

#include "model/item_json.h"
#include "schema/schema.h"
#include "schema/topics.h"
#include "search/result_json.h"
#include "search/searcher.h"
#include "searcher/bench.h"
#include "searcher/command_line.h"
#include "searcher/csv_output.h"
#include "searcher/error_text.h"
#include "searcher/server.h"
#include "searcher/text_output.h"
#include "store/build_info.h"
#include "store/database.h"
#include "text/text_pipeline.h"
#include "util/utf8.h"

namespace po = boost::program_options;
using namespace sagsoeg;

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
An empty query with filters lists matching items, newest first.

Options)";

// A server setting's default from the environment (systemd's
// EnvironmentFile, a container's -e), else the built-in one.
std::string env_or(const char* name, const char* fallback) {
  const char* v = std::getenv(name);
  return v && *v ? v : fallback;
}

std::string join(const std::vector<std::string>& words) {
  std::string s;
  for (const auto& w : words) s += (s.empty() ? "" : " ") + w;
  return s;
}

// One line on stderr, and with --json the same as a JSON object on stdout:
// scripts read one format.
int fail(bool json, const std::string& message, int status = 2) {
  // Danish first, as the rest of the output; the English detail after it.
  const std::string danish = danish_error(400, message);
  std::cerr << "searcher: " << danish << " (" << escape_controls(message) << ")\n";
  if (json) std::cout << dump_json({{"error", message}, {"message_da", danish}, {"status", status}}) << "\n";
  return status;
}

// The terms a search for `text` uses, in words (for --analyze).
std::vector<std::string> describe_terms(const std::vector<std::string>& terms) {
  std::vector<std::string> out;
  for (const std::string& t : terms) {
    const schema::SplitTerm split = schema::split_term(t);
    const std::string prefix(split.prefix), word(split.word);
    std::string what = split.stemmed ? "stamme" : "navn, som skrevet (ikke stammet)";
    if (prefix == "XP") what = "del af sammensat ord (halv vægt)";
    if (prefix == "XPS" || prefix == "XPD" || prefix == "XPR" || prefix == "XPI")
      what = "del af sammensat ord i feltet";
    if (prefix == "S") what += " i titlen";
    if (prefix == "XD") what += " i beslutningen";
    if (prefix == "XR") what += " i resuméet";
    if (prefix == "XI") what += " i indstillingen";
    if (prefix == "XCASE" || prefix == "XREF" || prefix == "XJ") what = "sagsnummer";
    out.push_back(word + "\t" + what);
  }
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  po::options_description opts(kUsage);
  std::vector<std::string> dbs;
  SearchRequest req;
  std::string sort = "relevance", show_id, similar_id, bench_file, limit = "10", offset = "0";
  size_t repeat = 5;
  double time_limit = 0;
  ServerOptions server;
  std::vector<std::string> words;
  opts.add_options()("help,h", "show this help")("version", "show the version, text pipeline and Xapian version")(
      "db", po::value<std::vector<std::string>>(&dbs)->composing(),
      "database folder or Xapian stub file (remote shard); repeat to search several as one "
      "(default: $SAGSOEG_DB or var/db)")("json", "JSON output (errors too)")("limit,n", po::value<std::string>(&limit),
                                                                              "results per page (0-1000, default 10)")(
      "offset", po::value<std::string>(&offset), "skip this many results (0-100000)")(
      "sort", po::value<std::string>(&sort)->default_value("relevance"), "relevance | date (newest first)")(
      "csv", "results as CSV (id, date, committee, case, title, outcome, url) for a spreadsheet")(
      "facets", "counts by committee, year, topic, type, case ID, organisation and kind")(
      "from", po::value<std::string>(&req.from),
      "items on or after this day, month or year (2025-01-31, 2025-01, 2025)")(
      "to", po::value<std::string>(&req.to), "items on or before this day, month or year")(
      "committee", po::value<std::string>(&req.committee), "committee (part of its name)")(
      "organisation", po::value<std::string>(&req.organisation), "organisation (part of its name)")(
      "kind", po::value<std::string>(&req.kind), "referat | dagsorden | aftale | bilag")(
      "outcome", po::value<std::string>(&req.outcome),
      "decision outcome: godkendt, anbefalet, efterretning, oversendt, udsat, forkastet, drøftet, ukendt")(
      "case", po::value<std::string>(&req.case_id),
      "with a query: filter by case; alone: the case history, oldest first, with decisions")(
      "topic", po::value<std::string>(&req.topic), "topic slug or name")("type", po::value<std::string>(&req.type),
                                                                         "orientering | beslutning | drøftelse")(
      "include-confidential", "list confidential items too (item number, case ID and meeting only)")(
      "show", po::value<std::string>(&show_id),
      "print one public item in full (ID as in results: FILE:N or 'FILE punkt N')")(
      "similar", po::value<std::string>(&similar_id),
      "items most like this public item, from other meetings (\"Lignende sager\")")(
      "other-committee", "with --similar: only items of other committees")("other-year",
                                                                           "with --similar: only items of other years")(
      "analyze", "print what the text pipeline makes of the query text, and the terms a search uses")(
      "topics", "list the topic vocabulary")("no-color", "no colours (NO_COLOR is respected too)")(
      "no-spelling", "no \"did you mean\"")("no-compounds",
                                            "do not match parts of compound words (gigt -> Gigtforeningen)")(
      "no-variants", "do not match other Danish spellings (laegedaekning -> lægedækning)")(
      "no-synonyms", "do not expand abbreviations and synonyms (KOL, ØA, AP, ...)")(
      "time-limit", po::value<double>(&time_limit), "stop a search after this many seconds (default: no limit)")(
      "bench", po::value<std::string>(&bench_file),
      "run the queries in FILE (one per line) and time them, with the other search options")(
      "repeat", po::value<size_t>(&repeat)->default_value(5), "with --bench: runs per query")(
      "allow-partial",
      "over several databases: when some do not answer, search the others (the answer names the ones left out) "
      "instead of failing (also $SAGSOEG_ALLOW_PARTIAL=1)")(
      "shard-timeout",
      po::value<int>(&server.searcher.shard_timeout_ms)
          ->default_value(std::atoi(env_or("SAGSOEG_SHARD_TIMEOUT_MS", "800").c_str())),
      "longest wait for one answer from a remote shard, in ms (default: $SAGSOEG_SHARD_TIMEOUT_MS or 800)")(
      "spelling-db", po::value<std::string>(&server.searcher.spelling_db),
      "a local database for \"did you mean\" when the searched ones are remote shards (which have no spelling "
      "table): a copy of one shard, or a database of the whole corpus")("serve", "serve the HTTP API and web page")(
      "bind", po::value<std::string>(&server.bind)->default_value(env_or("SAGSOEG_BIND", "127.0.0.1")),
      "with --serve: address (default: $SAGSOEG_BIND or 127.0.0.1)")(
      "port", po::value<int>(&server.port)->default_value(std::atoi(env_or("SAGSOEG_PORT", "8080").c_str())),
      "with --serve: port (default: $SAGSOEG_PORT or 8080)")(
      "threads", po::value<int>(&server.threads)->default_value(std::atoi(env_or("SAGSOEG_THREADS", "16").c_str())),
      "with --serve: searches at once (default: $SAGSOEG_THREADS or 16; twice as many HTTP workers read requests)");
  po::options_description hidden;
  hidden.add_options()("word", po::value<std::vector<std::string>>(&words));
  po::options_description all;
  all.add(opts).add(hidden);
  po::positional_options_description positional;
  positional.add("word", -1);
  po::variables_map vm;
  // "-hospice" is a query word; only registered options are options.
  bool json = false;
  for (int i = 1; i < argc; ++i) json = json || std::string(argv[i]) == "--json";
  try {
    const std::vector<std::string> args = query_friendly_args(argc, argv, opts);
    std::vector<const char*> cargs;
    for (const std::string& a : args) cargs.push_back(a.c_str());
    po::store(
        po::command_line_parser(static_cast<int>(cargs.size()), cargs.data()).options(all).positional(positional).run(),
        vm);
    po::notify(vm);
  } catch (const po::error& e) {
    return fail(json, e.what());
  } catch (const UnknownOption& e) {
    return fail(json, e.what());
  }
  if (vm.count("help")) {
    std::cout << opts << "\n";
    return 0;
  }
  if (vm.count("version")) {
    std::cout << version_text("searcher");
    return 0;
  }
  req.query = join(words);
  req.facets = vm.count("facets") > 0;
  req.include_confidential = vm.count("include-confidential") > 0;
  req.spelling = !vm.count("no-spelling");
  req.compounds = !vm.count("no-compounds");
  req.variants = !vm.count("no-variants");
  req.synonyms = !vm.count("no-synonyms");
  req.time_budget = time_limit;
  TextStyle style;
  style.color = isatty(STDOUT_FILENO) && !std::getenv("NO_COLOR") && !vm.count("no-color");
  try {
    // The same rules as the HTTP API's limit and offset.
    req.limit = parse_count(limit, "--limit", kMaxLimit);
    req.offset = parse_count(offset, "--offset", kMaxOffset);
    if (sort == "date") {
      req.sort = SortOrder::date;
    } else if (sort != "relevance") {
      return fail(json, "--sort must be relevance or date");
    }
    if (dbs.empty()) dbs.push_back(default_database_path());
    if (vm.count("analyze")) {
      const auto tokens = TextPipeline::standard().analyze(req.query);
      std::vector<std::string> terms;
      try {
        Searcher searcher(dbs);
        terms = describe_terms(searcher.query_terms(req));
      } catch (const std::exception&) {
        // No database: the pipeline alone.
      }
      if (json) {
        nlohmann::json arr = nlohmann::json::array();
        for (const auto& t : tokens) arr.push_back({{"token", t.token}, {"stem", t.stem}, {"stopword", t.stopword}});
        if (!arr.empty() && !terms.empty()) arr[0]["search_terms"] = terms;
        std::cout << dump_json(arr, 2) << "\n";
      } else {
        print_analysis(tokens, terms, std::cout);
      }
      return tokens.empty() ? 1 : 0;
    }
    if (vm.count("topics")) {
      for (const Topic& t : TopicVocabulary::standard().topics()) std::cout << t.slug << "\t" << t.label << "\n";
      return 0;
    }
    server.searcher.allow_partial = vm.count("allow-partial") > 0 || env_or("SAGSOEG_ALLOW_PARTIAL", "0") == "1";
    server.searcher.shard_timeout_ms = std::max(50, server.searcher.shard_timeout_ms);
    if (vm.count("serve")) return run_server(dbs, server);
    Searcher searcher(dbs, server.searcher);
    if (!bench_file.empty()) {
      const BenchResult b = run_bench(searcher, bench_file, repeat, req);
      nlohmann::json j{{"queries", b.queries}, {"runs", b.runs},       {"p50_us", b.p50_us},
                       {"p99_us", b.p99_us},   {"mean_us", b.mean_us}, {"max_us", b.max_us}};
      if (json) {
        std::cout << dump_json(j) << "\n";
      } else {
        std::cout << b.queries << " queries, " << b.runs << " runs: p50 " << b.p50_us << " µs, p99 " << b.p99_us
                  << " µs, mean " << b.mean_us << " µs\n";
      }
      return 0;
    }
    if (!show_id.empty()) {
      // Results print "FILE punkt 8": accept that as well as FILE:8.
      if (words.size() == 2 && words[0] == "punkt") show_id += " punkt " + words[1];
      show_id = item_id_from_text(show_id);
      const auto item = searcher.item(show_id);
      if (!item) return fail(json, "no item with ID '" + show_id + "'", 1);
      if (item->is_confidential() && !req.include_confidential)
        return fail(json, "item '" + show_id + "' is confidential; its text is not available", 1);
      if (json) {
        std::cout << dump_json(item_detail_to_json(*item), 2) << "\n";
      } else {
        print_item(*item, style, std::cout);
      }
      return 0;
    }
    if (!similar_id.empty()) {
      if (words.size() == 2 && words[0] == "punkt") similar_id += " punkt " + words[1];
      SimilarRequest s;
      s.id = item_id_from_text(similar_id);
      s.limit = req.limit;
      s.other_committee = vm.count("other-committee") > 0;
      s.other_year = vm.count("other-year") > 0;
      const auto hits = searcher.similar(s);
      if (!hits) return fail(json, "no public item with ID '" + s.id + "'", 1);
      if (json) {
        std::cout << dump_json(similar_to_json(s.id, *hits), 2) << "\n";
      } else {
        print_similar(s.id, *hits, style, std::cout);
      }
      return hits->empty() ? 1 : 0;
    }
    if (!req.case_id.empty() && req.query.empty() && req.committee.empty() && req.topic.empty() && req.type.empty() &&
        req.from.empty() && req.to.empty() && req.organisation.empty() && req.kind.empty() && req.outcome.empty()) {
      validate_request(req);
      const auto hits = searcher.case_history(req.case_id, req.include_confidential);
      const size_t confidential = searcher.confidential_count(req.case_id);
      if (json) {
        std::cout << dump_json(case_history_to_json(req.case_id, hits, confidential), 2) << "\n";
      } else {
        print_case_history(req.case_id, hits, confidential, style, std::cout);
      }
      return hits.empty() ? 1 : 0;
    }
    const SearchResponse r = searcher.search(req);
    if (!r.failed_shards.empty()) {
      std::string which;
      for (const std::string& f : r.failed_shards) which += " " + escape_controls(f);
      std::cerr << "searcher: partial results: " << r.failed_shards.size() << " of " << r.shards_total
                << " databases did not answer:" << which << "\n";
    }
    if (vm.count("csv")) {
      std::cout << results_csv(r);
    } else if (json) {
      std::cout << dump_json(response_to_json(r), 2) << "\n";
    } else {
      print_results(r, style, std::cout);
    }
    return r.hits.empty() && r.total == 0 ? 1 : 0;
  } catch (const QueryError& e) {
    return fail(json, e.what());
  } catch (const Xapian::Error& e) {
    return fail(json, e.get_description());
  } catch (const std::exception& e) {
    return fail(json, e.what());
  }
}
