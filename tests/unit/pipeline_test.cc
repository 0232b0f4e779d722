// The Danish text pipeline: tokens, case folding, hyphens, numbers, stems,
// overrides, stop words -- and that indexer and query parser agree.
#include <gtest/gtest.h>

#include "search/query_builder.h"
#include "text/text_pipeline.h"

namespace sagsoeg {
namespace {

std::vector<std::string> tokens(const std::string& text) {
  std::vector<std::string> out;
  for (const auto& t : TextPipeline::standard().analyze(text)) out.push_back(t.token);
  return out;
}

TEST(Pipeline, AnalyzeTokensStemsAndStopwords) {
  const auto t = TextPipeline::standard().analyze("Lægedækningen i yderområderne");
  ASSERT_EQ(t.size(), 3u);
  EXPECT_EQ(t[0].token, "lægedækningen");
  EXPECT_EQ(t[0].stem, "lægedækning");
  EXPECT_FALSE(t[0].stopword);
  EXPECT_EQ(t[1].token, "i");
  EXPECT_TRUE(t[1].stopword);
  EXPECT_EQ(t[2].stem, "yderområd");
}

TEST(Pipeline, CaseFoldingOfDanishLetters) {
  EXPECT_EQ(tokens("ÆLDRE Økonomi ÅRHUS Café"), (std::vector<std::string>{"ældre", "økonomi", "århus", "café"}));
}

TEST(Pipeline, HyphenatedWordsKeepTheirPartsAdjacent) {
  EXPECT_EQ(tokens("lænderyg-området hjemme-NIV non-operativ"),
            (std::vector<std::string>{"lænderyg", "området", "hjemme", "niv", "non", "operativ"}));
}

TEST(Pipeline, NumbersAndRanges) {
  EXPECT_EQ(tokens("6.500 speciallæger i 2024-2027"),
            (std::vector<std::string>{"6.500", "speciallæger", "i", "2024", "2027"}));
}

TEST(Pipeline, StemOverridesAndSnowball) {
  Xapian::Stem stem = TextPipeline::standard().make_stemmer();
  EXPECT_EQ(stem("haven"), "have");  // Snowball alone: "hav" (the sea)
  EXPECT_EQ(stem("talen"), "tale");  // Snowball alone: "tal" (number)
  EXPECT_EQ(stem("regionerne"), "region");
  EXPECT_EQ(stem("sundhedsreformen"), "sundhedsreform");
  EXPECT_NE(stem.get_description().find("snowball-danish"), std::string::npos);
}

TEST(Pipeline, SingularAndPluralMeetOnOneStem) {
  // Snowball alone: plads -> plad but pladser -> plads, so the singular
  // never found the plural. Compounds inflect on their last part.
  Xapian::Stem stem = TextPipeline::standard().make_stemmer();
  const std::vector<std::vector<std::string>> paradigms = {
      {"plads", "pladsen", "pladser", "pladserne"},
      {"hospiceplads", "hospicepladsen", "hospicepladser", "hospicepladserne"},
      {"indsats", "indsatsen", "indsatser", "indsatserne"},
      {"proces", "processen", "processer", "processerne"},
      {"kapacitet", "kapaciteten", "kapaciteter", "kapaciteterne"},
      {"mulighed", "muligheden", "muligheder", "mulighederne"},
      {"dagsorden", "dagsordenen", "dagsordener"},
  };
  for (const auto& forms : paradigms) {
    SCOPED_TRACE(forms.front());
    for (const auto& form : forms) EXPECT_EQ(stem(form), stem(forms.front())) << form;
  }
  // The suffix rules only rewrite whole endings: other words keep Snowball's stems.
  EXPECT_EQ(stem("pladsmangel"), "pladsmangel");
  EXPECT_NE(stem("plads"), stem("plade"));
}

TEST(Pipeline, QueryParserStemsLikeTheIndexer) {
  const TextPipeline& p = TextPipeline::standard();
  std::unique_ptr<Xapian::Stopper> stopper;
  Xapian::QueryParser qp;
  p.configure(qp, stopper);
  for (const char* word : {"lægedækningen", "haven", "palliative", "Kronikerpakkerne", "PSYKOLOGHJÆLP"}) {
    SCOPED_TRACE(word);
    const auto analyzed = p.analyze(word);
    ASSERT_EQ(analyzed.size(), 1u);
    const std::string desc = qp.parse_query(QueryBuilder::fold_case(word)).get_description();
    EXPECT_NE(desc.find("Z" + analyzed[0].stem + "@"), std::string::npos) << desc;
  }
}

TEST(Pipeline, StopwordsAreRankingOnly) {
  const TextPipeline& p = TextPipeline::standard();
  EXPECT_TRUE(p.is_stopword("og"));
  EXPECT_TRUE(p.is_stopword("samt"));
  EXPECT_FALSE(p.is_stopword("ikke"));
  EXPECT_FALSE(p.is_stopword("udvalget"));
  // A phrase keeps its stop words.
  std::unique_ptr<Xapian::Stopper> stopper;
  Xapian::QueryParser qp;
  p.configure(qp, stopper);
  EXPECT_NE(qp.parse_query("\"til efterretning\"").get_description().find("til@1"), std::string::npos);
  EXPECT_EQ(qp.parse_query("og efterretning").get_description().find("og@"), std::string::npos);
}

TEST(Pipeline, VersionNamesItsParts) {
  const std::string v = TextPipeline::standard().version();
  EXPECT_NE(v.find("stemmer=snowball-danish"), std::string::npos);
  EXPECT_NE(v.find("stop="), std::string::npos);
  EXPECT_NE(v.find("overrides="), std::string::npos);
  const TextPipeline other("og\n", "");
  EXPECT_NE(other.version(), v);
}

}  // namespace
}  // namespace sagsoeg
