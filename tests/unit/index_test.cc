// The database: one document per item, a query per field and filter finds
// the right seed items, confidential text is nowhere, versions are checked.
#include <gtest/gtest.h>
#include <xapian.h>

#include <cmath>
#include <sstream>

#include "index/document_builder.h"
#include "index/index_writer.h"
#include "io/file_walker.h"
#include "io/gzip.h"
#include "schema/bm25.h"
#include "schema/schema.h"
#include "store/database.h"
#include "store/pipeline_compat.h"
#include "text/embedded_data.h"
#include "unit/test_support.h"

namespace sagsoeg {
namespace {

std::vector<std::string> ids_for(const Xapian::Query& q) {
  Xapian::Database db(test::corpus_db());
  Xapian::Enquire e(db);
  e.set_query(q);
  std::vector<std::string> ids;
  const Xapian::MSet m = e.get_mset(0, 100);
  for (auto it = m.begin(); it != m.end(); ++it)
    ids.push_back(decode_document_data(it.get_document().get_data(), nullptr, false).id());
  std::sort(ids.begin(), ids.end());
  return ids;
}

Xapian::Query parse(const std::string& text, const char* prefix = "") {
  std::unique_ptr<Xapian::Stopper> stopper;
  Xapian::QueryParser qp;
  TextPipeline::standard().configure(qp, stopper);
  // A field's stems carry "Z" before the field's prefix, as the indexer writes them.
  return qp.parse_query(text, Xapian::QueryParser::FLAG_DEFAULT, *prefix ? std::string("Z") + prefix : "");
}

TEST(Index, OneDocumentPerItem) {
  Xapian::Database db(test::corpus_db());
  EXPECT_EQ(db.get_doccount(), 47u);
  EXPECT_EQ(db.get_termfreq("Q000_95b85b1cae4d3646.txt:3"), 1u);
  EXPECT_EQ(db.get_termfreq(std::string(schema::kAccess) + "confidential"), 18u);
}

TEST(Index, AQueryPerFieldAndFilter) {
  struct Row {
    const char* what;
    Xapian::Query query;
    std::vector<std::string> ids;
  };
  const std::vector<Row> rows = {
      {"title", parse("palliationsområdet", schema::kTitle), {"000_95b85b1cae4d3646.txt:8"}},
      {"decision", parse("bakkede", schema::kDecision), {"001_4087263cda476328.txt:1"}},
      {"resume", parse("Gigtforeningen", schema::kResume), {"000_95b85b1cae4d3646.txt:7"}},
      {"case", Xapian::Query("XCASEEMN-2024-01240"), {"000_95b85b1cae4d3646.txt:3"}},
      {"case ref", Xapian::Query("XREFEMN-2022-01420"), {"003_d8c3f28a1a9dde23.txt:4"}},
      {"journal", Xapian::Query("XJ24077460"), {"004_9c22b7f145ec25f7.txt:2"}},
      {"day",
       Xapian::Query(Xapian::Query::OP_VALUE_RANGE, schema::kSlotDate, "20240419", "20240419"),
       {"001_4087263cda476328.txt:1", "001_4087263cda476328.txt:2", "001_4087263cda476328.txt:3",
        "001_4087263cda476328.txt:4", "001_4087263cda476328.txt:5"}},
      {"type+year",
       Xapian::Query(Xapian::Query::OP_AND, Xapian::Query("XTYPEdrøftelse"),
                     Xapian::Query(Xapian::Query::OP_VALUE_RANGE, schema::kSlotDate, "20250101", "20251231")),
       {"000_95b85b1cae4d3646.txt:7", "000_95b85b1cae4d3646.txt:8", "004_9c22b7f145ec25f7.txt:11"}},
      {"kind",
       Xapian::Query("Kaftale"),
       {"002_232f1646488d47e5.txt:1", "002_232f1646488d47e5.txt:2", "002_232f1646488d47e5.txt:3",
        "002_232f1646488d47e5.txt:4", "002_232f1646488d47e5.txt:5", "002_232f1646488d47e5.txt:6"}},
      {"organisation",
       Xapian::Query(Xapian::Query::OP_AND, Xapian::Query("XORGregion hovedstaden"), Xapian::Query("XACCpublic")),
       {"004_9c22b7f145ec25f7.txt:1", "004_9c22b7f145ec25f7.txt:10", "004_9c22b7f145ec25f7.txt:11",
        "004_9c22b7f145ec25f7.txt:12", "004_9c22b7f145ec25f7.txt:13", "004_9c22b7f145ec25f7.txt:14",
        "004_9c22b7f145ec25f7.txt:15", "004_9c22b7f145ec25f7.txt:16", "004_9c22b7f145ec25f7.txt:17",
        "004_9c22b7f145ec25f7.txt:2", "004_9c22b7f145ec25f7.txt:9"}},
      {"topic",
       Xapian::Query(Xapian::Query::OP_AND, Xapian::Query("XTOPICpsykiatri"),
                     Xapian::Query(Xapian::Query::OP_VALUE_RANGE, schema::kSlotDate, "20250101", "20251231")),
       {"004_9c22b7f145ec25f7.txt:9"}},
  };
  for (const Row& r : rows) {
    SCOPED_TRACE(r.what);
    auto want = r.ids;
    std::sort(want.begin(), want.end());
    EXPECT_EQ(ids_for(r.query), want);
  }
}

TEST(Index, DateValueIsSortable) {
  Xapian::Database db(test::corpus_db());
  Xapian::Enquire e(db);
  e.set_query(Xapian::Query(Xapian::Query::OP_VALUE_RANGE, schema::kSlotDate, "20250101", "20251231"));
  EXPECT_EQ(e.get_mset(0, 100).size(), 9u + 17u);  // 000 (31-01-2025) and 004 (20-05-2025)
}

class ConfidentialCorpus : public ::testing::Test {
 protected:
  void SetUp() override {
    IndexOptions options;
    options.db_path = dir_.file("db");
    std::ostringstream errors;
    run_indexer(walk_inputs({test::source_dir() + "/tests/data/confidential"}), options, errors);
    ASSERT_EQ(errors.str(), "");
    db_ = Xapian::Database(options.db_path);
  }
  test::TempDir dir_;
  Xapian::Database db_;
};

const char* const kSecretWords[] = {"zebrafink", "kvæghandel", "xylofon", "narhval", "hemmelig"};

TEST_F(ConfidentialCorpus, SecretWordsAreNotInTermsDataOrSpelling) {
  EXPECT_EQ(db_.get_doccount(), 4u);
  for (auto t = db_.allterms_begin(); t != db_.allterms_end(); ++t)
    for (const char* w : kSecretWords) EXPECT_EQ((*t).find(w), std::string::npos) << *t;
  for (auto s = db_.spellings_begin(); s != db_.spellings_end(); ++s)
    for (const char* w : kSecretWords) EXPECT_EQ((*s).find(w), std::string::npos) << *s;
  for (Xapian::docid id = 1; id <= db_.get_lastdocid(); ++id) {
    const std::string raw = db_.get_document(id).get_data();
    const AgendaItem item = decode_document_data(raw);
    std::string lower = item.full_text() + item.title + item.contact;
    for (const Attachment& a : item.attachments) lower += a.name + a.url;
    for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    for (const char* w : kSecretWords) EXPECT_EQ(lower.find(w), std::string::npos) << id;
  }
  // Confidential items carry no free-text term at all: the query builder
  // relies on it to skip the access filter for text queries.
  for (Xapian::docid id = 1; id <= db_.get_lastdocid(); ++id) {
    const Xapian::Document doc = db_.get_document(id);
    if (doc.get_value(schema::kSlotAccess) == "public") continue;
    for (auto t = doc.termlist_begin(); t != doc.termlist_end(); ++t)
      EXPECT_FALSE(schema::is_public_text_term(*t)) << *t;
  }
  // The published metadata of the closed items is there.
  EXPECT_EQ(db_.get_termfreq("XCASEEMN-2024-09002"), 1u);
  // Nothing below a closed item's heading but its own case line is read: a
  // journal number further down its text is not.
  EXPECT_EQ(db_.get_termfreq("XJ24099002"), 0u);
  // The spelling table has the public words.
  bool has_public_word = false;
  for (auto s = db_.spellings_begin(); s != db_.spellings_end(); ++s) has_public_word |= *s == "cykelstier";
  EXPECT_TRUE(has_public_word);
}

TEST(Index, PublicTextTermsAreTheFreeTextFields) {
  for (const char* t : {"palliation", "Zpalliation", "2026", "Stitel", "ZSorienter", "XDgodkendt", "ZXDgodkend",
                        "XRresume", "XIindstil", "XPgigt", "ævle", "Zæbl"})
    EXPECT_TRUE(schema::is_public_text_term(t)) << t;
  for (const char* t :
       {"XACCpublic", "XCOMudvalget", "XCASEEMN-2024-01240", "XREFEMN-2024-01240", "XJ24077452", "D20240115", "M202401",
        "Y2024", "XTYPEbeslutning", "Kreferat", "Q000.md:1", "XSRC000.md", "XORGregion", "XTOPICpsykiatri", "ZXCOMfoo"})
    EXPECT_FALSE(schema::is_public_text_term(t)) << t;
}

// Classic BM25's term factor with our parameters, against what the searcher
// computes from the stored wdf with b = 0: the same up to a constant factor.
TEST(Ranking, LengthNormalisationInTheWdfIsBm25) {
  const double k1 = bm25::kK1, big_k1 = bm25::kScale * bm25::kK1;
  auto length_norm = [](double length) {
    return (1 - bm25::kB) + bm25::kB * std::max(length / bm25::kPivotLength, bm25::kMinNormLength);
  };
  auto classic = [k1, length_norm](double tf, double length) {
    return (k1 + 1) * tf / (k1 * length_norm(length) + tf);
  };
  auto ours = [big_k1](double wdf) { return (big_k1 + 1) * wdf / (big_k1 + wdf); };
  const double factor = (big_k1 + 1) / (k1 + 1);
  for (Xapian::termcount tf : {1u, 2u, 3u, 6u, 12u, 40u})
    for (Xapian::termcount length : {10u, 200u, 700u, 1500u, 5000u}) {
      const double expected = classic(tf, length) * factor;
      // The algebra is exact; storing whole numbers costs at most a few percent
      // (one occurrence in a long item: 2.13 stored as 2).
      EXPECT_NEAR(ours(bm25::kScale * tf / length_norm(length)) / expected, 1.0, 1e-9) << tf << " in " << length;
      EXPECT_NEAR(ours(bm25::normalised_wdf(tf, length)) / expected, 1.0, 0.06) << tf << " in " << length;
    }
  // A word once in a huge item still matches (wdf 0 would weigh nothing).
  EXPECT_EQ(bm25::normalised_wdf(1, 50'000'000), 1u);
}

// Through the real document builder and Xapian: a word once in a short item
// outranks the same word once in a long one, and more occurrences in items
// of equal length rank higher.
TEST(Ranking, ShortItemsAndMoreOccurrencesRankFirst) {
  DocumentBuilder builder(TextPipeline::standard(), TopicVocabulary::standard());
  auto item = [](int number, const std::string& text) {
    AgendaItem it;
    it.meta.source = "ranking.txt";
    it.number = number;
    it.title = "Punkt";
    it.sections.push_back({"sagsfremstilling", "Sagsfremstilling", text, "", ""});
    return it;
  };
  std::string filler;
  for (int i = 0; i < 400; ++i) filler += "regionen behandler sagen om budgettet for kommunerne ";
  Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
  db.add_document(builder.build(item(1, filler + " hjertesvigt")));
  db.add_document(builder.build(item(2, "Kort sag om hjertesvigt.")));
  db.add_document(builder.build(item(3, filler + " hjertesvigt hjertesvigt hjertesvigt")));
  db.add_document(builder.build(item(4, "Ingen match her.")));
  Xapian::Enquire enquire(db);
  enquire.set_weighting_scheme(bm25::weight());
  enquire.set_query(parse("hjertesvigt"));
  std::vector<int> order;
  const Xapian::MSet m = enquire.get_mset(0, 10);
  for (auto it = m.begin(); it != m.end(); ++it)
    order.push_back(decode_document_data(it.get_document().get_data(), nullptr, false).number);
  EXPECT_EQ(order, (std::vector<int>{2, 3, 1}));
}

TEST(Index, PipelineVersionIsCheckedOnOpen) {
  test::TempDir dir;
  {
    Xapian::WritableDatabase w(dir.file("db"), Xapian::DB_CREATE);
    Xapian::Document d;
    d.add_term("x");
    w.add_document(d);
    w.set_metadata(schema::kMetaPipeline, "sagsoeg-text-0;stemmer=porter");
    w.commit();
  }
  try {
    check_pipeline_version(dir.file("db"));
    FAIL() << "expected an error";
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string(e.what()).find("rebuild it with `indexer --rebuild`"), std::string::npos);
  }
  EXPECT_NO_THROW(check_pipeline_version(test::corpus_db()));
}

}  // namespace
}  // namespace sagsoeg

namespace sagsoeg {
namespace {

TEST(PipelineCompat, ResultChangingPartsRefuseAndAreNamed) {
  const std::string built =
      "sagsoeg-text-2;xapian-1.4.22;stemmer=snowball-danish;stop=aaaa;overrides=bbbb;topics=cccc;"
      "compounds=dddd.eeee;schema=7";
  // A Xapian patch release and a new system dictionary need no rebuild.
  const PipelineComparison patch = compare_pipelines(
      built,
      "sagsoeg-text-2;xapian-1.4;stemmer=snowball-danish;stop=aaaa;overrides=bbbb;topics=cccc;compounds=ffff.eeee;"
      "schema=7");
  EXPECT_TRUE(patch.compatible()) << patch.describe();
  ASSERT_EQ(patch.notes.size(), 1u);
  EXPECT_NE(patch.notes[0].find("Danish dictionary"), std::string::npos);
  // Our stop words and compound parts do, each named with both values.
  const PipelineComparison ours = compare_pipelines(
      built,
      "sagsoeg-text-2;xapian-1.4;stemmer=snowball-danish;stop=9999;overrides=bbbb;topics=cccc;compounds=dddd.8888;"
      "schema=7");
  EXPECT_FALSE(ours.compatible());
  EXPECT_NE(ours.describe().find("stop words (stopwords/) (aaaa in the database, 9999 in this build)"),
            std::string::npos)
      << ours.describe();
  EXPECT_NE(ours.describe().find("compound parts"), std::string::npos);
  // A new Xapian series and a new schema do too; the searcher ignores compounds.
  EXPECT_FALSE(compare_pipelines(built,
                                 "sagsoeg-text-2;xapian-1.5;stemmer=snowball-danish;stop=aaaa;"
                                 "overrides=bbbb;topics=cccc;compounds=dddd.eeee;schema=7")
                   .compatible());
  EXPECT_FALSE(compare_pipelines(built,
                                 "sagsoeg-text-2;xapian-1.4;stemmer=snowball-danish;stop=aaaa;"
                                 "overrides=bbbb;topics=cccc;compounds=dddd.eeee;schema=8")
                   .compatible());
  EXPECT_TRUE(compare_pipelines(built,
                                "sagsoeg-text-2;xapian-1.4;stemmer=snowball-danish;stop=aaaa;overrides=bbbb;"
                                "topics=cccc;schema=7",
                                false)
                  .compatible());
}

}  // namespace
}  // namespace sagsoeg
