// The query language, filters, facets, snippets, case history, confidential
// handling and JSON shape, against the bundled corpus.
#include <gtest/gtest.h>

#include <map>
#include <sstream>
#include <thread>

#include "search/committee_names.h"
#include "search/procedural_titles.h"
#include "search/query_builder.h"
#include "search/result_json.h"
#include "search/searcher.h"
#include "unit/test_support.h"

namespace sagsoeg {
namespace {

Searcher& searcher() {
  static Searcher s({test::corpus_db()});
  return s;
}

SearchResponse search(const std::string& q, SearchRequest r = {}) {
  r.query = q;
  return searcher().search(r);
}

std::vector<std::string> ids(const SearchResponse& r) {
  std::vector<std::string> out;
  for (const auto& h : r.hits) out.push_back(h.item.id());
  return out;
}

TEST(QueryBuilder, BareCaseIdsAndJournalNumbersStayWhole) {
  EXPECT_EQ(QueryBuilder::protect_case_ids("EMN-2024-01240"), "caseref:EMN-2024-01240");
  EXPECT_EQ(QueryBuilder::protect_case_ids("-EMN-2024-01240 palliation"), "-caseref:EMN-2024-01240 palliation");
  EXPECT_EQ(QueryBuilder::protect_case_ids("(24077452 OR x)"), "(caseref:24077452 OR x)");
  EXPECT_EQ(QueryBuilder::protect_case_ids("sag:EMN-2024-01240"), "sag:EMN-2024-01240");
  EXPECT_EQ(QueryBuilder::protect_case_ids("\"EMN-2024-01240 x\""), "\"EMN-2024-01240 x\"");
  EXPECT_EQ(QueryBuilder::protect_case_ids("2024-2027"), "2024-2027");
}

// Server threads build queries at once. Xapian::Query::MatchAll is one static
// object with a reference count that is not atomic: a built query that holds
// it lets concurrent copies corrupt the count (the server crashed under wrk
// load). Built queries must not share it.
TEST(QueryBuilder, BuiltQueriesNeverShareTheStaticMatchAll) {
  Xapian::Database db(test::corpus_db());
  QueryBuilder builder(db, TextPipeline::standard());
  const unsigned before = Xapian::Query::MatchAll.internal->_refs;
  std::vector<BuiltQuery> held;
  for (const char* q : {"", "palliation", "-palliation", "lægedækning hospice", "sund*", "dato:2025 udvalg:x"}) {
    SearchRequest r;
    r.query = q;
    try {
      held.push_back(builder.build(r));
    } catch (const QueryError&) {
    }
    SearchRequest filtered = r;
    filtered.from = "2020-01-01";
    held.push_back(builder.build(filtered));
  }
  ASSERT_GE(held.size(), 11u);
  EXPECT_EQ(Xapian::Query::MatchAll.internal->_refs, before);
  // Nor copy it on the way: threads building at once would lose updates of
  // its count, which then differs from `before`.
  std::vector<std::thread> threads;
  for (int t = 0; t < 2; ++t)
    threads.emplace_back([] {
      Xapian::Database own(test::corpus_db());
      QueryBuilder b(own, TextPipeline::standard());
      SearchRequest r;
      for (int i = 0; i < 20000; ++i) {
        r.query = i % 2 ? "palliation" : "";
        b.build(r);
      }
    });
  // And the whole search path, as the server's threads run it.
  for (int t = 0; t < 2; ++t)
    threads.emplace_back([] {
      Searcher own({test::corpus_db()});
      const char* queries[] = {"", "palliation", "-palliation", "hospice*"};
      for (int i = 0; i < 2000; ++i) {
        SearchRequest r;
        r.query = queries[i % 4];
        r.facets = i % 8 == 0;
        own.search(r);
      }
    });
  for (auto& t : threads) t.join();
  EXPECT_EQ(Xapian::Query::MatchAll.internal->_refs, before);
}

TEST(QueryBuilder, FoldCaseKeepsOperators) {
  EXPECT_EQ(QueryBuilder::fold_case("Lægedækning AND NOT Bornholm"), "lægedækning AND NOT bornholm");
  EXPECT_EQ(QueryBuilder::fold_case("(ÆLDRE OR Ældre) NEAR/3 x"), "(ældre OR ældre) NEAR/3 x");
}

TEST(Query, CaseIdAsPlainTextFindsItsItems) {
  const auto r = search("EMN-2024-01240");
  ASSERT_FALSE(r.hits.empty());
  EXPECT_EQ(r.hits[0].item.id(), "000_95b85b1cae4d3646.txt:3");
  // a referenced case finds the item whose attachment names it
  EXPECT_EQ(ids(search("EMN-2022-01420")), std::vector<std::string>{"003_d8c3f28a1a9dde23.txt:4"});
  EXPECT_EQ(ids(search("24077460")), std::vector<std::string>{"004_9c22b7f145ec25f7.txt:2"});
}

TEST(Query, PhrasesBooleansAndLoveHate) {
  const auto phrase = search("\"dosispakket medicin\"");
  ASSERT_FALSE(phrase.hits.empty());
  for (const auto& h : phrase.hits)
    EXPECT_NE(h.snippet.find("<mark>dosispakket</mark> <mark>medicin</mark>"), std::string::npos) << h.item.id();
  const auto both = ids(search("palliation AND hospice"));
  const auto not_hospice = ids(search("palliation AND NOT hospice"));
  EXPECT_FALSE(both.empty());
  for (const auto& id : both) EXPECT_EQ(std::count(not_hospice.begin(), not_hospice.end(), id), 0);
  EXPECT_EQ(ids(search("+palliation -hospice")), not_hospice);
  EXPECT_FALSE(search("lægedæk*").hits.empty());
}

TEST(Query, FieldPrefixesInDanishAndEnglish) {
  EXPECT_EQ(ids(search("titel:palliationsområdet")), ids(search("title:palliationsområdet")));
  EXPECT_EQ(ids(search("titel:palliationsområdet")), std::vector<std::string>{"000_95b85b1cae4d3646.txt:8"});
  EXPECT_EQ(ids(search("beslutning:udsat")), ids(search("decision:udsat")));
  EXPECT_EQ(search("beslutning:udsat").hits.size(), 3u);
  EXPECT_EQ(ids(search("sag:EMN-2019-01215 udvalg:nære")).size(), 3u);
  // The committee renamed itself ("… nære sundhedsvæsen" became "… nære og
  // sammenhængende sundhedsvæsen"): either name finds the case's three items.
  EXPECT_EQ(ids(search("case:EMN-2019-01215 committee:sammenhængende")).size(), 3u);
  EXPECT_EQ(ids(search("emne:psykiatri psykologhjælp"))[0], "004_9c22b7f145ec25f7.txt:9");
  EXPECT_EQ(search("type:drøftelse år:2025").hits.size(), 3u);
  EXPECT_EQ(search("dato:2024-01-01..2024-12-31").total, 5u);
  EXPECT_EQ(search("date:2024-04-19..2024-04-19 orientering").total, 3u);
}

TEST(Query, FlagsFilterLikePrefixes) {
  SearchRequest r;
  r.committee = "nære sundhedsvæsen";
  r.from = "2025-01-01";
  // 000's public items, and 004's under the committee's new name.
  EXPECT_EQ(search("", r).total, 14u);
  r.committee = "Udvalget for det nære og sammenhængende sundhedsvæsen";
  EXPECT_EQ(search("", r).total, 14u);
  SearchRequest t;
  t.type = "beslutning";
  t.from = "2025-05-20";
  t.to = "2025-05-20";
  EXPECT_EQ(search("", t).total, 4u);
  SearchRequest bad;
  bad.from = "20. maj";
  EXPECT_THROW(search("x", bad), QueryError);
}

TEST(Query, EmptyQueryWithFiltersBrowsesNewestFirst) {
  SearchRequest r;
  r.type = "orientering";
  r.limit = 100;
  const auto res = search("", r);
  ASSERT_GT(res.hits.size(), 3u);
  for (size_t i = 1; i < res.hits.size(); ++i) {
    const auto& a = res.hits[i - 1].item.meta.date;
    const auto& b = res.hits[i].item.meta.date;
    if (!b.empty()) {
      EXPECT_GE(a, b);
    }
  }
}

// Xapian's MatchNothing is an empty query, like "no filter": a filter or a
// query that matches nothing must find nothing, not list every item.
TEST(Query, FiltersAndFieldsThatMatchNothingFindNothing) {
  SearchRequest r;
  r.committee = "ingen sådan komité";
  EXPECT_EQ(search("", r).total, 0u);
  EXPECT_EQ(search("palliation", r).total, 0u);
  r.include_confidential = true;
  EXPECT_EQ(search("", r).total, 0u);
  EXPECT_EQ(search("udvalg:ukendt").total, 0u);
  EXPECT_EQ(search("#").total, 0u);
  EXPECT_GT(search("udvalg:nære").total, 0u);
}

TEST(Query, StopWordsAreNotIndexedAndPhrasesSkipThem) {
  // The index has no stop words (a fifth of its size was their positions):
  // a query of stop words alone finds nothing, and a phrase is its other
  // words in order.
  EXPECT_EQ(search("og").total, 0u);
  const auto phrase = search("\"taget til efterretning\"");
  const auto without = search("\"taget efterretning\"");
  EXPECT_GT(phrase.total, 0u);
  EXPECT_EQ(phrase.total, without.total);
  EXPECT_LT(phrase.total, search("taget efterretning").total);  // still a phrase, not the two words anywhere
}

// Items with every word come first, then the rest, each by relevance; pages
// of any size put together give the same list and the same total.
TEST(Query, AllWordsFirstAndPagesAddUp) {
  const std::string q = "almen praksis lægedækning";
  SearchRequest all;
  all.limit = 200;
  const auto whole = search(q, all);
  ASSERT_GT(whole.hits.size(), 6u);
  SearchRequest every_word;
  every_word.limit = 200;
  const auto strict = search("almen AND praksis AND lægedækning", every_word);
  ASSERT_GT(strict.total, 0u);
  ASSERT_LT(strict.total, whole.total);
  for (size_t i = 0; i < whole.hits.size(); ++i) {
    const bool has_all = i < strict.total;
    bool in_strict = false;
    for (const auto& h : strict.hits) in_strict |= h.item.id() == whole.hits[i].item.id();
    EXPECT_EQ(in_strict, has_all) << i << " " << whole.hits[i].item.id();
  }
  for (size_t page_size : {1, 2, 3, 7}) {
    SCOPED_TRACE(page_size);
    std::vector<std::string> paged;
    for (size_t offset = 0; offset < whole.hits.size(); offset += page_size) {
      SearchRequest r;
      r.offset = offset;
      r.limit = page_size;
      const auto page = search(q, r);
      EXPECT_EQ(page.total, whole.total);
      for (const auto& h : page.hits) paged.push_back(h.item.id());
    }
    EXPECT_EQ(paged, ids(whole));
  }
}

TEST(Query, MalformedQueriesAreUserErrors) {
  // An unclosed quote is read leniently (as Xapian does); these are errors.
  EXPECT_NO_THROW(search("\"unclosed AND ("));
  for (const char* q : {"a AND (", "AND", "palliation OR"}) {
    SCOPED_TRACE(q);
    try {
      search(q);
      ADD_FAILURE() << "expected QueryError";
    } catch (const QueryError& e) {
      EXPECT_EQ(std::string(e.what()).find("cannot parse query"), 0u) << e.what();
    }
  }
  EXPECT_THROW(search("type:møde"), QueryError);
  EXPECT_THROW(search("emne:fodbold"), QueryError);
}

TEST(Query, FacetsCountTheWholeMatchSet) {
  SearchRequest r;
  r.facets = true;
  r.limit = 1;
  const auto res = search("sundhedsreformen", r);
  ASSERT_EQ(res.hits.size(), 1u);
  size_t years = 0;
  for (const auto& v : res.facets.at("year")) years += v.count;
  size_t undated = 0;
  SearchRequest all = r;
  all.limit = 100;
  for (const auto& h : search("sundhedsreformen", all).hits) undated += h.item.meta.date.empty();
  EXPECT_EQ(years + undated, res.total);
  for (const char* f : {"committee", "year", "topic", "type", "case_id"}) EXPECT_TRUE(res.facets.count(f)) << f;
}

// Every facet counts exactly the items that carry the value, over the whole
// match set: committee and type from the facet key, topics from their own
// slot, the case from its slot.
TEST(Query, FacetCountsEqualTheItemsThatCarryEachValue) {
  SearchRequest r;
  r.facets = true;
  r.limit = 1000;
  const auto res = search("", r);
  ASSERT_EQ(res.hits.size(), res.total);
  std::map<std::string, std::map<std::string, size_t>> expected;
  for (const auto& h : res.hits) {
    ++expected["committee"][current_committee_name(h.item.meta.committee)];  // renamings are one row
    ++expected["type"][h.item.type];
    ++expected["case_id"][h.item.case_id];
    for (const std::string& t : h.topics) ++expected["topic"][t];
  }
  size_t checked = 0;
  for (const char* f : {"committee", "type", "case_id", "topic"}) {
    ASSERT_FALSE(res.facets.at(f).empty()) << f;
    for (const auto& v : res.facets.at(f)) {
      EXPECT_EQ(v.count, expected[f][v.value]) << f << " " << v.value;
      ++checked;
    }
  }
  EXPECT_GE(checked, 10u);
  EXPECT_GE(res.facets.at("topic").size(), 3u);
}

// A browse by filters alone is counted to the end, as its facets are: the
// number an analyst compares with the committee facet is never an estimate.
TEST(Query, AFilterAloneIsCountedExactly) {
  test::TempDir dir;
  // Closed items make the filters' bounds loose: Xapian alone would only
  // estimate the public items of the committee.
  auto meeting = [&](const std::string& file, const std::string& committee, int items, int closed) {
    std::string text = "Referat\nUdvalg: " + committee + "\nMødedato: 4. marts 2025\n\n";
    for (int i = 1; i <= items; ++i) {
      const std::string n = std::to_string(i);
      text += n + (i > items - closed ? ". Lukket punkt: Personalesag " : ". Punkt nummer ") + n + "\n\nTekst om sag " +
              n + ".\n\n";
    }
    test::write_file(dir.file(file), text);
  };
  meeting("a.txt", "Byrådet", 300, 20);  // past the exact count of a text query (250)
  meeting("b.txt", "Økonomiudvalget", 40, 30);
  const std::string db = test::index_paths({dir.file("a.txt"), dir.file("b.txt")}, dir.file("db"));
  Searcher s({db});
  SearchRequest r;
  r.committee = "Byrådet";
  r.limit = 1;
  r.facets = true;
  const SearchResponse res = s.search(r);
  EXPECT_TRUE(res.total_exact);
  EXPECT_EQ(res.total, 280u);
  ASSERT_FALSE(res.facets.at("committee").empty());
  EXPECT_EQ(res.facets.at("committee")[0].count, res.total);
  r.offset = 279;
  EXPECT_EQ(s.search(r).total, 280u);  // the same on every page
}

TEST(Similar, ProceduralTitlesAreKnown) {
  EXPECT_TRUE(is_procedural_title("Godkendelse af dagsorden"));
  EXPECT_TRUE(is_procedural_title("3. Eventuelt."));
  EXPECT_TRUE(is_procedural_title("Eventuelt - åbent punkt"));
  EXPECT_TRUE(is_procedural_title("Meddelelser fra formanden"));
  EXPECT_FALSE(is_procedural_title("Eventualforpligtelser i regnskab 2024"));
  EXPECT_FALSE(
      is_procedural_title("Meddelelser om ændret praksis for tildeling af hjemmehjælp til borgere over 80 år"));
  EXPECT_FALSE(is_procedural_title("Budget 2026"));
}

// "Eventuelt" shares its words with whatever the meeting discussed; it is
// never offered as like a substantive item (but may be like another one).
TEST(Similar, ProceduralItemsAreNeverLikeASubstantiveItem) {
  test::TempDir dir;
  auto meeting = [&](const std::string& file, const std::string& date, const std::string& title,
                     const std::string& text) {
    test::write_file(dir.file(file), "Referat\nUdvalg: Økonomiudvalget\nMødedato: " + date + "\n\n1. " + title +
                                         "\n\n" + text + "\n\n2. Trafikplan\n\nCykelstier og busser.\n");
  };
  const std::string words = "Budget drift anlæg takster skoler ældrepleje budgetforlig.";
  meeting("a.txt", "4. marts 2025", "Budget 2026", words);
  meeting("b.txt", "5. marts 2025", "Eventuelt", words + " " + words);
  meeting("c.txt", "6. marts 2025", "Budgetopfølgning", "Budget drift anlæg takster.");
  const std::string db = test::index_paths({dir.path()}, dir.file("db"));
  Searcher s({db});
  SimilarRequest r;
  r.id = "a.txt:1";
  const auto like_budget = s.similar(r);
  ASSERT_TRUE(like_budget);
  ASSERT_FALSE(like_budget->empty());
  for (const auto& h : *like_budget) EXPECT_NE(h.item.title, "Eventuelt");
  EXPECT_EQ(like_budget->front().item.title, "Budgetopfølgning");
  r.id = "b.txt:1";
  const auto like_eventuelt = s.similar(r);
  ASSERT_TRUE(like_eventuelt);
  EXPECT_FALSE(like_eventuelt->empty());
}

// An analyst compares: choosing a value (here a type; the corpus has one
// committee) keeps the others in its facet with their counts, and several
// values of one filter are ORed.
TEST(Query, AChosenFilterKeepsTheOtherValuesOfItsFacet) {
  SearchRequest all;
  all.facets = true;
  all.limit = 0;
  const auto everything = search("", all);
  const auto& types = everything.facets.at("type");
  ASSERT_GE(types.size(), 2u);
  SearchRequest one = all;
  one.type = types[0].value;
  const auto chosen = search("", one);
  EXPECT_EQ(chosen.total, types[0].count);
  ASSERT_EQ(chosen.facets.at("type").size(), types.size());
  for (size_t i = 0; i < types.size(); ++i) {
    EXPECT_EQ(chosen.facets.at("type")[i].value, types[i].value);
    EXPECT_EQ(chosen.facets.at("type")[i].count, types[i].count);
  }
  SearchRequest two = all;
  two.type = types[0].value + "\n" + types[1].value;
  EXPECT_EQ(search("", two).total, types[0].count + types[1].count);
}

// data/committee_renamings.tsv: one body under its old and new name is one
// facet row, and either name finds both.
TEST(Query, ARenamedCommitteeIsOneRow) {
  const std::string old_name = "Udvalget for det nære sundhedsvæsen";
  const std::string new_name = "Udvalget for det nære og sammenhængende sundhedsvæsen";
  SearchRequest r;
  r.facets = true;
  r.limit = 0;
  size_t new_count = 0;
  const SearchResponse browse = search("", r);
  for (const auto& v : browse.facets.at("committee")) {
    EXPECT_NE(v.value, old_name);
    if (v.value == new_name) new_count = v.count;
  }
  SearchRequest by_old = r, by_new = r;
  by_old.committee = old_name;
  by_new.committee = new_name;
  const size_t old_total = search("", by_old).total;
  EXPECT_GT(new_count, 0u);
  EXPECT_EQ(old_total, new_count);
  EXPECT_EQ(search("", by_new).total, new_count);
  // Both names are in the corpus: the row adds up items printed under each.
  SearchRequest items = r;
  items.limit = 1000;
  items.committee = new_name;
  size_t printed_old = 0;
  for (const auto& h : search("", items).hits) printed_old += h.item.meta.committee == old_name;
  EXPECT_GT(printed_old, 0u);
  EXPECT_LT(printed_old, new_count);
}

// The browse page's facets are counted once per revision and counted
// again when the database changes.
TEST(Query, BrowseFacetsFollowTheRevision) {
  test::TempDir dir;
  auto meeting = [&](const std::string& file, const std::string& committee) {
    test::write_file(dir.file(file), "Referat\nUdvalg: " + committee +
                                         "\nMødedato: 4. marts 2025\n\n1. Budget\n\nTekst.\n\n2. Trafik\n\nTekst.\n");
  };
  meeting("a.txt", "Byrådet");
  const std::string db = test::index_paths({dir.file("a.txt")}, dir.file("db"));
  Searcher s({db});
  SearchRequest browse;
  browse.facets = true;
  browse.limit = 0;
  EXPECT_EQ(s.search(browse).total, 2u);
  EXPECT_EQ(s.search(browse).facets.at("committee").size(), 1u);  // the second answer from the count kept
  meeting("b.txt", "Økonomiudvalget");
  test::index_paths({dir.file("a.txt"), dir.file("b.txt")}, db);
  s.reopen();
  const SearchResponse after = s.search(browse);
  EXPECT_EQ(after.total, 4u);
  EXPECT_EQ(after.facets.at("committee").size(), 2u);
}

TEST(Query, SnippetsHighlightQueryTerms) {
  const auto res = search("kronikerpakker");
  ASSERT_FALSE(res.hits.empty());
  EXPECT_NE(res.hits[0].snippet.find("<mark>kronikerpakker</mark>"), std::string::npos) << res.hits[0].snippet;
}

TEST(Query, DidYouMeanOnlyWhenItFindsMore) {
  EXPECT_EQ(search("palliasion").suggestion, "palliation");
  EXPECT_EQ(search("palliation").suggestion, "");
  EXPECT_EQ(search("qqqzzzxx").suggestion, "");
}

TEST(Query, ConfidentialItemsOnlyOnRequestAndOnlyMetadata) {
  SearchRequest r;
  r.limit = 100;
  for (const auto& h : search("", r).hits) EXPECT_FALSE(h.item.is_confidential());
  r.include_confidential = true;
  r.case_id = "MOD-2025-00107";
  const auto res = search("", r);
  ASSERT_EQ(res.hits.size(), 2u);
  for (const auto& h : res.hits) {
    EXPECT_TRUE(h.item.is_confidential());
    const auto j = hit_to_json(h);
    EXPECT_EQ(j["title"], "");
    EXPECT_EQ(j["snippet"], "");
    EXPECT_EQ(j["case_id"], "MOD-2025-00107");
    EXPECT_TRUE(j["topics"].empty());
  }
}

TEST(Query, CaseHistoryOldestFirstWithDecisions) {
  const auto hits = searcher().case_history("EMN-2020-00308", false);
  ASSERT_EQ(hits.size(), 2u);
  EXPECT_EQ(hits[0].item.id(), "000_95b85b1cae4d3646.txt:8");  // dated 2025-01-31
  EXPECT_EQ(hits[1].item.id(), "003_d8c3f28a1a9dde23.txt:8");  // undated: last
  EXPECT_FALSE(hits[0].item.decision().empty());
  const auto j = case_history_to_json("EMN-2020-00308", hits);
  EXPECT_EQ(j["results"][0]["decision"].get<std::string>().substr(0, 10), "Konsulent ");
}

TEST(Query, ShowItemHasSectionsInOrder) {
  const auto item = searcher().item("001_4087263cda476328.txt:2");
  ASSERT_TRUE(item.has_value());
  EXPECT_EQ(item->sections.front().name, "resume");
  EXPECT_EQ(item->sections.back().name, "bilag");
  const auto closed = searcher().item("000_95b85b1cae4d3646.txt:1");
  ASSERT_TRUE(closed.has_value());
  EXPECT_TRUE(closed->sections.empty());
  EXPECT_FALSE(searcher().item("nope:1").has_value());
}

TEST(Query, JsonShape) {
  SearchRequest r;
  r.facets = true;
  const auto j = response_to_json(search("lægedækning", r));
  for (const char* k : {"query", "total", "offset", "limit", "results", "facets", "suggestion"})
    EXPECT_TRUE(j.contains(k)) << k;
  ASSERT_FALSE(j["results"].empty());
  for (const char* k : {"rank", "score", "id", "source", "item", "title", "date", "committee", "case_id", "type",
                        "topics", "access", "snippet"})
    EXPECT_TRUE(j["results"][0].contains(k)) << k;
  EXPECT_TRUE(j["results"][0]["item"].is_number_integer());
}

}  // namespace
}  // namespace sagsoeg
