// Ranking on realistic queries: each query in tests/relevance/queries.tsv
// names the item that must reach a given rank. Prints MRR and recall@5.
#include <gtest/gtest.h>

#include <fstream>

#include "search/searcher.h"
#include "unit/test_support.h"
#include "util/utf8.h"

namespace sagsoeg {
namespace {

struct Judgement {
  std::string query, id;
  size_t max_rank;
};

std::vector<Judgement> load_judgements() {
  std::vector<Judgement> out;
  std::ifstream in(test::source_dir() + "/tests/relevance/queries.tsv");
  for (std::string line; std::getline(in, line);) {
    if (line.empty() || line[0] == '#') continue;
    const size_t t1 = line.find('\t'), t2 = line.find('\t', t1 + 1), t3 = line.find('\t', t2 + 1);
    out.push_back({line.substr(0, t1), line.substr(t1 + 1, t2 - t1 - 1), std::stoul(line.substr(t2 + 1, t3 - t2 - 1))});
  }
  return out;
}

TEST(Relevance, ExpectedItemsRankWhereTheyShould) {
  Searcher searcher({test::corpus_db()});
  const auto judgements = load_judgements();
  ASSERT_GE(judgements.size(), 40u);
  double reciprocal_sum = 0;
  size_t in_top5 = 0;
  for (const Judgement& j : judgements) {
    SCOPED_TRACE(j.query);
    SearchRequest r;
    r.query = j.query;
    r.limit = 10;
    r.snippets = false;
    SearchResponse res = searcher.search(r);
    if (res.hits.empty() && !res.suggestion.empty()) {  // the user follows "did you mean"
      r.query = res.suggestion;
      res = searcher.search(r);
    }
    size_t rank = 0;
    for (const auto& h : res.hits)
      if (h.item.id() == j.id) rank = h.rank;
    if (rank) reciprocal_sum += 1.0 / static_cast<double>(rank);
    if (rank && rank <= 5) ++in_top5;
    EXPECT_TRUE(rank >= 1 && rank <= j.max_rank) << "'" << j.query << "': " << j.id << " at rank " << rank
                                                 << ", first is " << (res.hits.empty() ? "-" : res.hits[0].item.id());
  }
  const double mrr = reciprocal_sum / static_cast<double>(judgements.size());
  const double recall5 = static_cast<double>(in_top5) / static_cast<double>(judgements.size());
  std::printf("relevance: %zu queries, MRR %.3f, recall@5 %.3f\n", judgements.size(), mrr, recall5);
  EXPECT_GE(mrr, 0.95);
}

}  // namespace
}  // namespace sagsoeg
