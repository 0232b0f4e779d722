// searcher --bench: query latency in-process with the normal result
// pipeline (ranking, snippets, top 10).
#pragma once

#include <string>
#include <vector>

#include "search/searcher.h"

namespace sagsoeg {

struct BenchResult {
  size_t queries = 0;
  size_t runs = 0;
  double p50_us = 0, p99_us = 0, mean_us = 0, max_us = 0;
};

/// Runs each query `repeat` times (after one warm-up pass) with the options
/// of `base` (filters, --no-compounds, ...; its query text is replaced), so
/// the cost of each feature can be measured. Throws std::runtime_error if the
/// file cannot be read.
BenchResult run_bench(Searcher& searcher, const std::string& query_file, size_t repeat, const SearchRequest& base);

}  // namespace sagsoeg
