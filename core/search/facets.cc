#include "search/facets.h"

#include <algorithm>
#include <unordered_map>

#include "index/schema.h"
#include "index/topics.h"

namespace sagsoeg {

namespace {

constexpr size_t kTopValues = 20;

using Counts = std::unordered_map<std::string, size_t>;

std::vector<FacetValue> top(const Counts& counts) {
  std::vector<FacetValue> out;
  for (const auto& [value, count] : counts)
    if (!value.empty()) out.push_back({value, count, ""});
  // Most frequent first; equal counts by value, so the order is the same everywhere.
  std::sort(out.begin(), out.end(), [](const FacetValue& a, const FacetValue& b) {
    return a.count != b.count ? a.count > b.count : a.value < b.value;
  });
  if (out.size() > kTopValues) out.resize(kTopValues);
  return out;
}

}  // namespace

size_t count_facets(const Xapian::Database& db, const Xapian::Query& query,
                    std::map<std::string, std::vector<FacetValue>>& facets, double time_budget) {
  Xapian::Enquire enquire(db);
  if (time_budget > 0) enquire.set_time_limit(time_budget);
  enquire.set_query(query);
  enquire.set_weighting_scheme(Xapian::BoolWeight());
  Xapian::ValueCountMatchSpy keys(schema::kSlotFacetKey), cases(schema::kSlotCase);
  enquire.add_matchspy(&keys);
  enquire.add_matchspy(&cases);
  const Xapian::MSet mset = enquire.get_mset(0, 0, db.get_doccount());

  static const char* const names[schema::kFacetFields] = {"committee",    "year",    "type", "kind",
                                                          "organisation", "outcome", "topic"};
  Counts counts[schema::kFacetFields];
  for (auto v = keys.values_begin(); v != keys.values_end(); ++v) {
    const std::string key = *v;
    const size_t n = v.get_termfreq();
    size_t from = 0;
    for (size_t f = 0; f < schema::kFacetFields; ++f) {
      const size_t to = f + 1 < schema::kFacetFields ? std::min(key.find('\x1f', from), key.size()) : key.size();
      const std::string field = from <= key.size() ? key.substr(from, to - from) : std::string();
      if (f == schema::kFacetTopics) {
        size_t a = 0;
        while (a < field.size()) {
          const size_t b = std::min(field.find(',', a), field.size());
          counts[f][field.substr(a, b - a)] += n;
          a = b + 1;
        }
      } else {
        counts[f][field] += n;
      }
      from = to + 1;
    }
  }
  for (size_t f = 0; f < schema::kFacetFields; ++f) facets[names[f]] = top(counts[f]);
  const TopicVocabulary& topics = TopicVocabulary::standard();
  for (FacetValue& t : facets["topic"]) {
    const int i = topics.find(t.value);
    if (i >= 0) t.label = topics.topics()[static_cast<size_t>(i)].label;
  }
  Counts case_counts;
  for (auto v = cases.values_begin(); v != cases.values_end(); ++v) case_counts[*v] = v.get_termfreq();
  facets["case_id"] = top(case_counts);
  return mset.get_matches_estimated();
}

}  // namespace sagsoeg
