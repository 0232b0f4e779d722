#include "searcher/modes.h"

#include <xapian.h>

#include <iostream>

#include "model/item_json.h"
#include "schema/schema.h"
#include "schema/topics.h"
#include "search/result_json.h"
#include "search/searcher.h"
#include "searcher/bench.h"
#include "searcher/csv_output.h"
#include "searcher/error_text.h"
#include "store/build_info.h"
#include "text/text_pipeline.h"
#include "util/utf8.h"

namespace sagsoeg {

namespace {

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

int run_analyze(const SearcherArgs& a) {
  const auto tokens = TextPipeline::standard().analyze(a.request.query);
  std::vector<std::string> terms;
  try {
    Searcher searcher(a.dbs);
    terms = describe_terms(searcher.query_terms(a.request));
  } catch (const std::exception&) {
    // No database: the pipeline alone.
  }
  if (a.json) {
    nlohmann::json arr = nlohmann::json::array();
    for (const auto& t : tokens) arr.push_back({{"token", t.token}, {"stem", t.stem}, {"stopword", t.stopword}});
    if (!arr.empty() && !terms.empty()) arr[0]["search_terms"] = terms;
    std::cout << dump_json(arr, 2) << "\n";
  } else {
    print_analysis(tokens, terms, std::cout);
  }
  return tokens.empty() ? 1 : 0;
}

int run_topics() {
  for (const Topic& t : TopicVocabulary::standard().topics()) std::cout << t.slug << "\t" << t.label << "\n";
  return 0;
}

int run_benchmark(const SearcherArgs& a, Searcher& searcher) {
  const BenchResult b = run_bench(searcher, a.bench_file, a.repeat, a.request);
  if (a.json) {
    std::cout << dump_json({{"queries", b.queries},
                            {"runs", b.runs},
                            {"p50_us", b.p50_us},
                            {"p99_us", b.p99_us},
                            {"mean_us", b.mean_us},
                            {"max_us", b.max_us}})
              << "\n";
  } else {
    std::cout << b.queries << " queries, " << b.runs << " runs: p50 " << b.p50_us << " µs, p99 " << b.p99_us
              << " µs, mean " << b.mean_us << " µs\n";
  }
  return 0;
}

int run_show(const SearcherArgs& a, Searcher& searcher) {
  const auto item = searcher.item(a.item_id);
  if (!item) return report_failure(a.json, "no item with ID '" + a.item_id + "'", 1);
  if (item->is_confidential() && !a.request.include_confidential)
    return report_failure(a.json, "item '" + a.item_id + "' is confidential; its text is not available", 1);
  if (a.json) {
    std::cout << dump_json(item_detail_to_json(*item), 2) << "\n";
  } else {
    print_item(*item, a.style, std::cout);
  }
  return 0;
}

int run_similar(const SearcherArgs& a, Searcher& searcher) {
  SimilarRequest s;
  s.id = a.item_id;
  s.limit = a.request.limit;
  s.other_committee = a.other_committee;
  s.other_year = a.other_year;
  const auto hits = searcher.similar(s);
  if (!hits) return report_failure(a.json, "no public item with ID '" + s.id + "'", 1);
  if (a.json) {
    std::cout << dump_json(similar_to_json(s.id, *hits), 2) << "\n";
  } else {
    print_similar(s.id, *hits, a.style, std::cout);
  }
  return hits->empty() ? 1 : 0;
}

int run_case_history(const SearcherArgs& a, Searcher& searcher) {
  const SearchRequest& r = a.request;
  validate_request(r);
  const auto hits = searcher.case_history(r.case_id, r.include_confidential);
  const size_t confidential = searcher.confidential_count(r.case_id);
  if (a.json) {
    std::cout << dump_json(case_history_to_json(r.case_id, hits, confidential), 2) << "\n";
  } else {
    print_case_history(r.case_id, hits, confidential, a.style, std::cout);
  }
  return hits.empty() ? 1 : 0;
}

int run_search(const SearcherArgs& a, Searcher& searcher) {
  const SearchResponse r = searcher.search(a.request);
  if (!r.failed_shards.empty()) {
    std::string which;
    for (const std::string& f : r.failed_shards) which += " " + escape_controls(f);
    std::cerr << "searcher: partial results: " << r.failed_shards.size() << " of " << r.shards_total
              << " databases did not answer:" << which << "\n";
  }
  if (a.csv) {
    std::cout << results_csv(r);
  } else if (a.json) {
    std::cout << dump_json(response_to_json(r), 2) << "\n";
  } else {
    print_results(r, a.style, std::cout);
  }
  return r.hits.empty() && r.total == 0 ? 1 : 0;
}

int run_mode(const SearcherArgs& a) {
  switch (a.mode) {
    case Mode::help:
      std::cout << a.help << "\n";
      return 0;
    case Mode::version:
      std::cout << version_text("searcher");
      return 0;
    case Mode::analyze:
      return run_analyze(a);
    case Mode::topics:
      return run_topics();
    case Mode::serve:
      return run_server(a.dbs, a.server);
    default:
      break;
  }
  Searcher searcher(a.dbs, a.server.searcher);
  switch (a.mode) {
    case Mode::bench:
      return run_benchmark(a, searcher);
    case Mode::show:
      return run_show(a, searcher);
    case Mode::similar:
      return run_similar(a, searcher);
    case Mode::case_history:
      return run_case_history(a, searcher);
    default:
      return run_search(a, searcher);
  }
}

}  // namespace

int report_failure(bool json, const std::string& message, int status) {
  const std::string danish = danish_error(400, message);
  std::cerr << "searcher: " << danish << " (" << escape_controls(message) << ")\n";
  if (json) std::cout << dump_json({{"error", message}, {"message_da", danish}, {"status", status}}) << "\n";
  return status;
}

int run(const SearcherArgs& args) {
  try {
    return run_mode(args);
  } catch (const QueryError& e) {
    return report_failure(args.json, e.what());
  } catch (const Xapian::Error& e) {
    return report_failure(args.json, e.get_description());
  } catch (const std::exception& e) {
    return report_failure(args.json, e.what());
  }
}

}  // namespace sagsoeg
