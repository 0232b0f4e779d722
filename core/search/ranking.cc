#include "search/ranking.h"

#include <algorithm>

#include "schema/bm25.h"
#include "schema/schema.h"

namespace sagsoeg {

namespace {

// Newest first; items of one meeting in agenda order, so the order does not
// depend on document IDs (which differ between one database and shards).
void sort_newest_first(Xapian::Enquire& enquire, bool weighted) {
  if (weighted) {
    enquire.set_sort_by_value_then_relevance(schema::kSlotNewestFirst, false);
  } else {
    enquire.set_sort_by_value(schema::kSlotNewestFirst, false);
  }
}

void append(const Xapian::MSet& mset, std::vector<RankedMatch>& out) {
  for (auto m = mset.begin(); m != mset.end(); ++m) out.push_back({m.get_document(), m.get_weight()});
}

MatchCount from_mset(const Xapian::MSet& m) {
  MatchCount c;
  c.min = m.get_matches_lower_bound();
  c.max = m.get_matches_upper_bound();
  c.exact = c.min == c.max;
  c.total = c.exact ? c.min : m.get_matches_estimated();
  return c;
}

// A page's own match counted everything: exact, and -- below the limit --
// what the count pass would say, so every page agrees.
bool usable_exact(const MatchCount& c) {
  return c.exact && c.total <= kCountExactlyUpTo;
}

struct PageBounds {
  Xapian::doccount first;
  Xapian::doccount size;
  /// One more than the page needs, so a short page means "no more".
  Xapian::doccount check() const { return first + size + 1; }
};

PageBounds bounds(const SearchRequest& r) {
  return {static_cast<Xapian::doccount>(r.offset), static_cast<Xapian::doccount>(r.limit)};
}

RankedPage single_pass(const Xapian::Database& db, const BuiltQuery& built, const SearchRequest& r, bool by_date,
                       const std::vector<Xapian::Database>& parts) {
  const PageBounds b = bounds(r);
  Xapian::Enquire enquire = make_enquire(db, built.query, r.time_budget);
  RankedPage page;
  page.weighted = built.has_text;
  if (by_date) sort_newest_first(enquire, page.weighted);
  Xapian::MSet mset = enquire.get_mset(b.first, b.size, b.check());
  if (page.weighted && mset.get_max_possible() == 0) {
    // Text of filters only (udvalg:nære år:2024) weighs nothing: browse it
    // newest first. Rare, so a second pass rather than a probe every time.
    page.weighted = false;
    sort_newest_first(enquire, false);
    mset = enquire.get_mset(b.first, b.size, b.check());
  }
  page.count = from_mset(mset);
  // A browse (filters only: udvalg, år, sag) is counted to the end: its
  // terms are boolean lists, cheap to walk, and an analyst compares its
  // number with the facet counts, which are exact.
  if (!built.has_text) {
    if (!page.count.exact) page.count = count_matches(db, built.query, r.time_budget, parts, db.get_doccount());
  } else if (!usable_exact(page.count)) {
    page.count = count_matches(db, built.query, r.time_budget, parts);
  }
  // Here the query is the all-words query (one word, or explicit operators).
  if (built.has_text && !built.all_words_first) page.some_item_has_all_words = mset.get_matches_lower_bound() > 0;
  append(mset, page.matches);
  return page;
}

RankedPage all_words_first(const Xapian::Database& db, const BuiltQuery& built, const SearchRequest& r,
                           const std::vector<Xapian::Database>& parts) {
  const PageBounds b = bounds(r);
  RankedPage page;
  page.weighted = true;
  const Xapian::MSet head = make_enquire(db, built.all_words, r.time_budget).get_mset(b.first, b.size, b.check());
  append(head, page.matches);
  bool counted = false;
  if (head.size() == b.size) {
    page.some_item_has_all_words = head.get_matches_lower_bound() > 0;  // also right for --limit 0
  } else {
    // Exact: the matcher ran out of items before filling the page.
    const Xapian::doccount with_all = head.get_matches_estimated();
    const PageBounds rest{b.first > with_all ? b.first - with_all : 0,
                          b.size - static_cast<Xapian::doccount>(head.size())};
    const Xapian::Query some_words(Xapian::Query::OP_AND_NOT, built.query, built.all_words);
    const Xapian::MSet tail = make_enquire(db, some_words, r.time_budget).get_mset(rest.first, rest.size, rest.check());
    append(tail, page.matches);
    page.some_item_has_all_words = with_all > 0;
    const MatchCount rest_count = from_mset(tail);
    if (rest_count.exact) {
      page.count = {with_all + rest_count.total, true, with_all + rest_count.total, with_all + rest_count.total};
      counted = usable_exact(page.count);
    }
  }
  // The total is that of the whole query (the phases' AND and AND_NOT
  // estimates are far less accurate), the same on every page.
  if (!counted) page.count = count_matches(db, built.query, r.time_budget, parts);
  // Words that weigh nothing (boolean filters typed as text): browse order.
  if (!page.matches.empty() && page.matches.front().weight == 0) return single_pass(db, built, r, true, parts);
  return page;
}

}  // namespace

MatchCount count_matches(const Xapian::Database& db, const Xapian::Query& query, double time_budget,
                         const std::vector<Xapian::Database>& parts, Xapian::doccount exact_up_to) {
  if (parts.size() > 1) {
    MatchCount sum;
    sum.exact = true;
    for (const Xapian::Database& part : parts) {
      const MatchCount c = count_matches(part, query, time_budget, {}, exact_up_to);
      sum.min += c.min;
      sum.max += c.max;
      sum.total += c.total;
      sum.exact = sum.exact && c.exact;
    }
    return sum;
  }
  Xapian::Enquire enquire(db);
  enquire.set_query(query);
  enquire.set_weighting_scheme(Xapian::BoolWeight());
  if (time_budget > 0) enquire.set_time_limit(time_budget);
  return from_mset(enquire.get_mset(0, 0, exact_up_to + 1));
}

Xapian::Enquire make_enquire(const Xapian::Database& db, const Xapian::Query& query, double time_budget) {
  Xapian::Enquire enquire(db);
  if (time_budget > 0) enquire.set_time_limit(time_budget);
  enquire.set_query(query);
  enquire.set_weighting_scheme(bm25::weight());
  // Equal scores (whole-number wdfs make them common) go newest first, not
  // by document ID, which differs between one database and shards.
  enquire.set_sort_by_relevance_then_value(schema::kSlotNewestFirst, false);
  return enquire;
}

RankedPage rank_page(const Xapian::Database& db, const BuiltQuery& built, const SearchRequest& r,
                     const std::vector<Xapian::Database>& parts) {
  const bool by_date = r.sort == SortOrder::date || !built.has_text;
  if (by_date || !built.all_words_first) return single_pass(db, built, r, by_date, parts);
  return all_words_first(db, built, r, parts);
}

}  // namespace sagsoeg
