#include "search/facets.h"

#include <algorithm>
#include <unordered_map>

#include "index/facet_key.h"
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

// Counts the values of one slot in a hash table: Xapian's
// ValueCountMatchSpy keeps a sorted map, which costs a string comparison
// per level for every match -- and the case slot has as many values as
// there are cases. Local databases only: a remote shard needs a spy it can
// rebuild by name (Xapian's own, used there).
class SlotCounter : public Xapian::MatchSpy {
 public:
  explicit SlotCounter(Xapian::valueno slot) : slot_(slot) {}
  void operator()(const Xapian::Document& doc, double) override { ++counts_[doc.get_value(slot_)]; }
  const Counts& counts() const { return counts_; }

 private:
  Xapian::valueno slot_;
  Counts counts_;
};

// The value counts of a slot over the match set, from whichever spy ran.
struct SlotSpy {
  explicit SlotSpy(Xapian::valueno slot, bool local) : fast(slot), xapian(slot), local_(local) {}
  Xapian::MatchSpy* spy() { return local_ ? static_cast<Xapian::MatchSpy*>(&fast) : &xapian; }
  Counts counts() const {
    if (local_) return fast.counts();
    Counts out;
    for (auto v = xapian.values_begin(); v != xapian.values_end(); ++v) out[*v] = v.get_termfreq();
    return out;
  }
  SlotCounter fast;
  Xapian::ValueCountMatchSpy xapian;
  bool local_;
};

}  // namespace

size_t count_facets(const Xapian::Database& db, const Xapian::Query& query,
                    std::map<std::string, std::vector<FacetValue>>& facets, double time_budget, bool remote) {
  Xapian::Enquire enquire(db);
  if (time_budget > 0) enquire.set_time_limit(time_budget);
  enquire.set_query(query);
  enquire.set_weighting_scheme(Xapian::BoolWeight());
  SlotSpy keys(schema::kSlotFacetKey, !remote), cases(schema::kSlotCase, !remote);
  enquire.add_matchspy(keys.spy());
  enquire.add_matchspy(cases.spy());
  const Xapian::MSet mset = enquire.get_mset(0, 0, db.get_doccount());

  static const char* const names[schema::kFacetFields] = {"committee",    "year",    "type", "kind",
                                                          "organisation", "outcome", "topic"};
  Counts counts[schema::kFacetFields];
  for (const auto& [key, n] : keys.counts()) {
    const FacetKeyValues v = decode_facet_key(key);
    const std::string* fields[] = {&v.committee, &v.year, &v.type, &v.kind, &v.organisation, &v.outcome};
    for (size_t f = 0; f < 6; ++f) counts[f][*fields[f]] += n;
    for (const std::string& t : v.topics) counts[schema::kFacetTopics][t] += n;
  }
  for (size_t f = 0; f < schema::kFacetFields; ++f) facets[names[f]] = top(counts[f]);
  const TopicVocabulary& topics = TopicVocabulary::standard();
  for (FacetValue& t : facets["topic"]) {
    const int i = topics.find(t.value);
    if (i >= 0) t.label = topics.topics()[static_cast<size_t>(i)].label;
  }
  facets["case_id"] = top(cases.counts());
  return mset.get_matches_estimated();
}

}  // namespace sagsoeg
