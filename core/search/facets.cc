#include "search/facets.h"

#include <algorithm>
#include <unordered_map>

#include "schema/facet_key.h"
#include "schema/schema.h"
#include "schema/topics.h"
#include "search/committee_names.h"
#include "util/hash.h"

namespace sagsoeg {

namespace {

constexpr size_t kTopValues = 20;

using Counts = std::unordered_map<std::string, size_t>;
/// A slot's values and their counts, in no order.
using Tally = std::vector<std::pair<std::string, size_t>>;

template <typename Pairs>
std::vector<FacetValue> top(const Pairs& counts) {
  std::vector<std::pair<const std::string*, size_t>> all;
  all.reserve(counts.size());
  for (const auto& [value, count] : counts)
    if (!value.empty()) all.emplace_back(&value, count);
  // Most frequent first; equal counts by value, so the order is the same
  // everywhere. Only the first kTopValues are ordered: the case slot has as
  // many values as there are cases.
  auto before = [](const auto& a, const auto& b) {
    return a.second != b.second ? a.second > b.second : *a.first < *b.first;
  };
  const size_t n = std::min(kTopValues, all.size());
  std::partial_sort(all.begin(), all.begin() + static_cast<std::ptrdiff_t>(n), all.end(), before);
  std::vector<FacetValue> out;
  for (size_t i = 0; i < n; ++i) out.push_back({*all[i].first, all[i].second, ""});
  return out;
}

// Counts the values of one slot in an open-addressing table keyed by the
// value's hash (the value kept beside it, so counts are exact): Xapian's
// ValueCountMatchSpy keeps a sorted map, a string comparison per level for
// every match, and the case slot has nearly as many values as items. Local
// databases only: a remote shard needs a spy it can rebuild by name
// (Xapian's own, used there).
class SlotTally : public Xapian::MatchSpy {
 public:
  explicit SlotTally(Xapian::valueno slot) : slot_(slot), table_(1024) {}
  void operator()(const Xapian::Document& doc, double) override {
    std::string value = doc.get_value(slot_);
    const uint64_t h = fnv1a64(value);
    const size_t mask = table_.size() - 1;
    size_t i = h & mask;
    // Probing reads 16-byte cells, four to a cache line; the value itself
    // only when the hash matches.
    while (table_[i].count && (table_[i].hash != h || values_[table_[i].value] != value)) i = (i + 1) & mask;
    if (table_[i].count) {
      ++table_[i].count;
      return;
    }
    table_[i] = {h, 1, static_cast<uint32_t>(values_.size())};
    values_.push_back(std::move(value));
    if (values_.size() * 2 > table_.size()) grow();
  }
  /// The counts, moved out: the tally is empty afterwards.
  Tally take() {
    Tally out;
    out.reserve(values_.size());
    for (const Cell& c : table_)
      if (c.count) out.emplace_back(std::move(values_[c.value]), c.count);
    table_.assign(table_.size(), Cell{});
    values_.clear();
    return out;
  }

 private:
  struct Cell {
    uint64_t hash = 0;
    uint32_t count = 0;  ///< 0: empty
    uint32_t value = 0;  ///< index in values_
  };
  void grow() {
    std::vector<Cell> old(table_.size() * 2);
    old.swap(table_);
    const size_t mask = table_.size() - 1;
    for (const Cell& c : old) {
      if (!c.count) continue;
      size_t i = c.hash & mask;
      while (table_[i].count) i = (i + 1) & mask;
      table_[i] = c;
    }
  }
  Xapian::valueno slot_;
  std::vector<Cell> table_;  ///< size a power of two, at most half full
  std::vector<std::string> values_;
};

// The value counts of a slot over the match set, from whichever spy ran.
struct SlotSpy {
  explicit SlotSpy(Xapian::valueno slot, bool local) : fast(slot), xapian(slot), local_(local) {}
  Xapian::MatchSpy* spy() { return local_ ? static_cast<Xapian::MatchSpy*>(&fast) : &xapian; }
  Tally take() {
    if (local_) return fast.take();
    Tally out;
    for (auto v = xapian.values_begin(); v != xapian.values_end(); ++v) out.emplace_back(*v, v.get_termfreq());
    return out;
  }
  SlotTally fast;
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
  SlotSpy keys(schema::kSlotFacetKey, !remote), topic_sets(schema::kSlotTopics, !remote),
      cases(schema::kSlotCase, !remote);
  enquire.add_matchspy(keys.spy());
  enquire.add_matchspy(topic_sets.spy());
  enquire.add_matchspy(cases.spy());
  const Xapian::MSet mset = enquire.get_mset(0, 0, db.get_doccount());

  static const char* const names[schema::kFacetFields] = {"committee",    "year",    "type", "kind",
                                                          "organisation", "outcome", "topic"};
  Counts counts[schema::kFacetFields];
  for (const auto& [key, n] : keys.take()) {
    const FacetKeyValues v = decode_facet_key(key);
    // One body under an old and a new name is one row (committee_names.h).
    const std::string committee = current_committee_name(v.committee);
    const std::string* fields[] = {&committee, &v.year, &v.type, &v.kind, &v.organisation, &v.outcome};
    for (size_t f = 0; f < 6; ++f) counts[f][*fields[f]] += n;
  }
  for (const auto& [codes, n] : topic_sets.take())
    for (const std::string& t : decode_topic_codes(codes)) counts[schema::kFacetTopics][t] += n;
  for (size_t f = 0; f < schema::kFacetFields; ++f) facets[names[f]] = top(counts[f]);
  const TopicVocabulary& topics = TopicVocabulary::standard();
  for (FacetValue& t : facets["topic"]) {
    const int i = topics.find(t.value);
    if (i >= 0) t.label = topics.topics()[static_cast<size_t>(i)].label;
  }
  facets["case_id"] = top(cases.take());
  return mset.get_matches_estimated();
}

}  // namespace sagsoeg
