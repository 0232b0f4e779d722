// harvester: a municipality's published meetings from its FirstAgenda portal
// into a folder the indexer reads. Flags -> options -> harvest -> summary.
#include <unistd.h>

#include <boost/program_options.hpp>
#include <cstdio>
#include <iostream>
#include <regex>

#include "harvester/harvest.h"
#include "store/build_info.h"

namespace po = boost::program_options;
using namespace sagsoeg;
using namespace sagsoeg::harvest;

namespace {

const char* const kUsage = R"(Usage: harvester --out DIR [--since YYYY-MM-DD] [--committee NAME]... [--attachments]
                 [--rate REQUESTS_PER_SECOND] URL...

Brings the published meetings of FirstAgenda portals (https://dagsordener.<kommune>.dk)
into DIR: every committee's agendas and minutes as the portal serves them
(DIR/<portal>/<committee>/<date>_<meeting id>.json), with a manifest.tsv in
each folder giving each meeting's public page; then `indexer DIR` indexes
them, every item linking to its meeting page. A second run fetches only
what is new or changed. Polite: at most --rate requests per second per
portal, robots.txt obeyed, retries with backoff on 429 and 5xx.

Exit status: 0 new or changed meetings stored; 1 some meetings or
attachments failed (each named on stderr; the rest was stored, nothing
stored earlier was lost); 2 could not run (a usage error, or no portal could
be listed); 3 nothing new.

Options)";

// One line: what was listed, fetched and stored.
void print_summary(const HarvestStats& s, const HarvestOptions& options) {
  std::fprintf(stderr, "harvester: %zu meetings listed (%zu new, %zu changed, %zu unchanged, %zu failed", s.listed,
               s.fresh, s.changed, s.unchanged, s.failed);
  if (s.moved) std::fprintf(stderr, ", %zu moved to a new date", s.moved);
  if (options.attachments) std::fprintf(stderr, "; %zu attachments, %zu failed", s.attachments, s.attachments_failed);
  std::fprintf(stderr, ") from %zu of %zu portals in %.1f s, %zu requests -> %s\n", s.portals - s.portals_failed,
               s.portals, s.seconds, s.requests, options.out.c_str());
}

// 0 something new stored, 1 some failed, 2 no portal answered, 3 nothing new.
int exit_status(const HarvestStats& s) {
  if (s.portals_failed == s.portals) return 2;
  if (s.failed || s.attachments_failed || s.portals_failed) return 1;
  return s.fresh || s.changed || s.attachments || s.moved ? 0 : 3;
}

}  // namespace

int main(int argc, char** argv) {
  po::options_description opts(kUsage);
  HarvestOptions options;
  FetchPolicy policy;
  std::vector<std::string> urls;
  size_t max_mb = 64;
  opts.add_options()("help,h", "show this help")("version", "show the version")(
      "out", po::value<std::string>(&options.out), "folder to store the harvest in (created if needed)")(
      "since", po::value<std::string>(&options.since), "only meetings on or after this day (YYYY-MM-DD)")(
      "committee", po::value<std::vector<std::string>>(&options.committees)->composing(),
      "only committees whose name contains NAME (any case); repeat for several")(
      "attachments", "also fetch the public items' attachments as PDFs (indexed as the items' bilag)")(
      "rate", po::value<double>(&policy.requests_per_second)->default_value(2.0),
      "at most this many requests per second to one portal")("max-mb", po::value<size_t>(&max_mb)->default_value(64),
                                                             "largest response accepted, in MB")(
      "timeout", po::value<long>(&options.timeout_s)->default_value(120),
      "seconds one request may take (an answer slower than 512 bytes/s for half of it is cut off sooner)")(
      "quiet,q", "no progress bar and no summary");
  po::options_description hidden;
  hidden.add_options()("url", po::value<std::vector<std::string>>(&urls));
  po::options_description all;
  all.add(opts).add(hidden);
  po::positional_options_description positional;
  positional.add("url", -1);
  po::variables_map vm;
  try {
    po::store(po::command_line_parser(argc, argv).options(all).positional(positional).run(), vm);
    po::notify(vm);
  } catch (const po::error& e) {
    std::cerr << "harvester: " << e.what() << "\n";
    return 2;
  }
  if (vm.count("help")) {
    std::cout << opts << "\n";
    return 0;
  }
  if (vm.count("version")) {
    std::cout << version_text("harvester");
    return 0;
  }
  if (options.out.empty() || urls.empty()) {
    std::cerr << "harvester: give --out DIR and at least one portal URL (try --help)\n";
    return 2;
  }
  if (!options.since.empty() && !std::regex_match(options.since, std::regex(R"(\d{4}-\d\d-\d\d)"))) {
    std::cerr << "harvester: --since wants a day as YYYY-MM-DD, not '" << options.since << "'\n";
    return 2;
  }
  if (!(policy.requests_per_second > 0) || policy.requests_per_second > 100) {
    std::cerr << "harvester: --rate wants a number of requests per second above 0 (at most 100)\n";
    return 2;
  }
  options.attachments = vm.count("attachments") > 0;
  options.max_bytes = std::max<size_t>(1, max_mb) << 20;
  const bool quiet = vm.count("quiet") > 0;
  options.progress = !quiet && isatty(STDERR_FILENO);
  PoliteFetcher fetcher(policy);
  const HarvestStats s = harvest::harvest(urls, options, fetcher, std::cerr);
  if (!quiet) print_summary(s, options);
  return exit_status(s);
}
