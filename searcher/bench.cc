#include "searcher/bench.h"

#include <algorithm>
#include <chrono>
#include <fstream>
#include <stdexcept>

#include "util/utf8.h"

namespace sagsoeg {

BenchResult run_bench(Searcher& searcher, const std::string& query_file, size_t repeat, const SearchRequest& base) {
  std::ifstream in(query_file);
  if (!in) throw std::runtime_error("cannot read query file " + query_file);
  std::vector<std::string> queries;
  for (std::string line; std::getline(in, line);) {
    const std::string q(trim(line));
    if (!q.empty() && q[0] != '#') queries.push_back(q);
  }
  if (queries.empty()) throw std::runtime_error(query_file + ": no queries");
  auto run_one = [&searcher, &base](const std::string& q) {
    SearchRequest r = base;
    r.query = q;
    try {
      (void)searcher.search(r);
    } catch (const QueryError&) {
      // a malformed line costs its parse time, like a real request
    }
  };
  for (const auto& q : queries) run_one(q);  // warm-up: caches, page cache
  std::vector<double> us;
  us.reserve(queries.size() * repeat);
  for (size_t k = 0; k < repeat; ++k)
    for (const auto& q : queries) {
      const auto t0 = std::chrono::steady_clock::now();
      run_one(q);
      us.push_back(std::chrono::duration<double, std::micro>(std::chrono::steady_clock::now() - t0).count());
    }
  std::sort(us.begin(), us.end());
  auto pct = [&us](double p) { return us[std::min(us.size() - 1, static_cast<size_t>(p * (us.size() - 1) + 0.5))]; };
  BenchResult b;
  b.queries = queries.size();
  b.runs = us.size();
  b.p50_us = pct(0.50);
  b.p99_us = pct(0.99);
  b.max_us = us.back();
  double sum = 0;
  for (double v : us) sum += v;
  b.mean_us = sum / us.size();
  return b;
}

}  // namespace sagsoeg
