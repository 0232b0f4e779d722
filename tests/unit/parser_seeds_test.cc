// For each of the five seed layouts: the exact items, with number, access,
// case ID, title, type, and the document's date, committee and kind.
#include <gtest/gtest.h>

#include "unit/test_support.h"
#include "util/utf8.h"

namespace sagsoeg {
namespace {

struct ExpectedItem {
  int number;
  const char* access;  // "public" / "confidential"
  const char* case_id;
  const char* title;  // exact title ("" for confidential items)
  const char* type;
};

struct ExpectedDoc {
  const char* file;
  const char* date;
  const char* committee;
  const char* kind;
  std::vector<ExpectedItem> items;
};

const std::vector<ExpectedDoc>& expected_docs() {
  static const std::vector<ExpectedDoc> docs = {
      {"000_95b85b1cae4d3646.txt",
       "2025-01-31",
       "Udvalget for det nære sundhedsvæsen",
       "referat",
       {{1, "confidential", "MOD-2025-00107", "", ""},
        {2, "confidential", "EMN-2024-01215", "", ""},
        {3, "public", "EMN-2024-01240", "Aftale om initiativer til styrkelse af lægedækningen i yderområder",
         "orientering"},
        {4, "confidential", "EMN-2023-00716", "", ""},
        {5, "confidential", "EMN-2024-01215", "", ""},
        {6, "confidential", "EMN-2022-01519", "", ""},
        {7, "public", "EMN-2019-01215", "Drøftelse af kronikerpakker med besøg af Gigtforeningen", "drøftelse"},
        {8, "public", "EMN-2020-00308", "Temadrøftelse af palliationsområdet", "drøftelse"},
        {9, "confidential", "MOD-2025-00107", "", ""}}},
      {"001_4087263cda476328.txt",
       "2024-04-19",
       "Udvalget for det nære sundhedsvæsen",
       "referat",
       {{1, "public", "EMN-2020-00045", "Ny model for dosisdispensering i pleje- og omsorgssektoren", "drøftelse"},
        {2, "public", "EMN-2018-01795", "Inddragelse af apotekerne i klyngerne", "orientering"},
        {3, "public", "EMN-2017-04443", "Orientering om tre anbefalinger fra Behandlingsrådet", "orientering"},
        {4, "public", "EMN-2024-00406", "Orientering vedr. Sundhedsaftaler 2024-2027", "orientering"},
        {5, "public", "MDR-2024-00044", "Eventuelt", ""}}},
      {"002_232f1646488d47e5.txt",
       "2022-06-13",
       "",
       "aftale",
       {{1, "public", "", "Omstilling til det nære sundhedsvæsen", ""},
        {2, "public", "", "Flere læger til almen praksis og bedre lægedækning", ""},
        {3, "public", "", "Data og digitalisering skal understøtte kvalitet og et fleksibelt og nært sundhedsvæsen",
         ""},
        {4, "public", "", "Hurtig og målrettet indsats i hele landet", ""},
        {5, "public", "",
         "Medarbejderen i centrum – tid til kerneopgaven gennem god ledelse, bedre organisering og smartere "
         "opgaveløsning",
         ""},
        {6, "public", "", "Mere lighed i sundhed", ""}}},
      {"003_d8c3f28a1a9dde23.txt",
       "",
       "Udvalget for det nære og sammenhængende sundhedsvæsen",
       "referat",
       {{1, "confidential", "MDR-2024-00048", "", ""},
        {2, "confidential", "EMN-2024-01215", "", ""},
        {3, "confidential", "EMN-2019-01215", "", ""},
        {4, "public", "EMN-2019-01215", "Patientrettet forebyggelse", "orientering"},
        {5, "confidential", "EMN-2022-01084", "", ""},
        {6, "confidential", "EMN-2022-01519", "", ""},
        {7, "public", "EMN-2019-01215", "Status på dosispakket medicin", "orientering"},
        {8, "public", "EMN-2020-00308", "Orientering om ny analyse om dødsfald blandt ældre", "orientering"},
        {9, "public", "MDR-2024-00048", "Eventuelt - åbent punkt", ""},
        {10, "confidential", "MDR-2024-00048", "", ""}}},
      {"004_9c22b7f145ec25f7.txt",
       "2025-05-20",
       "Udvalget for det nære og sammenhængende sundhedsvæsen",
       "dagsorden",
       {{1, "public", "24077452", "Godkendelse af dagsorden", "beslutning"},
        {2, "public", "24077460", "Anmodning om foretræde", "beslutning"},
        {3, "confidential", "", "", ""},
        {4, "confidential", "", "", ""},
        {5, "confidential", "", "", ""},
        {6, "confidential", "", "", ""},
        {7, "confidential", "", "", ""},
        {8, "confidential", "", "", ""},
        {9, "public", "25009309", "Etablering af arbejdsgruppe for nedbringelse af ventetider på psykologhjælp",
         "beslutning"},
        {10, "public", "25027853",
         "Første drøftelse af budgetinitiativer 2026-2029 inden for udvalget for det nære og sammenhængende "
         "sundhedsvæsen ressortområde",
         "beslutning"},
        {11, "public", "25027853", "Overlevering til kommende valgperiode – Første drøftelse", "drøftelse"},
        {12, "public", "24070872", "Afdækning af mulighederne for at udbrede Sociolancen og Flex Almen Praksis",
         "orientering"},
        {13, "public", "25027853",
         "Status for Lægedækning, rekruttering og tilknytning til Almen Praksis i Region Hovedstaden", "orientering"},
        {14, "public", "24031930", "Status på implementering af indsatser under praksisplanerne", "orientering"},
        {15, "public", "24077452", "Aktuel orientering", ""},
        {16, "public", "", "Eventuelt", ""},
        {17, "public", "", "Underskriftsark", ""}}},
  };
  return docs;
}

TEST(ParserSeeds, EveryItemOfEverySeed) {
  for (const ExpectedDoc& want : expected_docs()) {
    SCOPED_TRACE(want.file);
    const ParsedDocument doc = test::parse_seed(want.file);
    EXPECT_EQ(doc.meta.date, want.date);
    EXPECT_EQ(doc.meta.committee, want.committee);
    EXPECT_EQ(doc.meta.kind, want.kind);
    ASSERT_EQ(doc.items.size(), want.items.size());
    for (size_t i = 0; i < want.items.size(); ++i) {
      const ExpectedItem& w = want.items[i];
      const AgendaItem& got = doc.items[i];
      SCOPED_TRACE("item " + std::to_string(w.number));
      EXPECT_EQ(got.number, w.number);
      EXPECT_STREQ(access_name(got.access), w.access);
      EXPECT_EQ(got.case_id, w.case_id);
      EXPECT_EQ(got.title, w.title);
      EXPECT_EQ(got.type, w.type);
      EXPECT_EQ(got.meta.source, want.file);
      EXPECT_EQ(got.meta.date, want.date);
    }
  }
}

TEST(ParserSeeds, ConfidentialItemsCarryNoText) {
  for (const ExpectedDoc& want : expected_docs()) {
    for (const AgendaItem& item : test::parse_seed(want.file).items) {
      if (!item.is_confidential()) continue;
      SCOPED_TRACE(item.id());
      EXPECT_TRUE(item.sections.empty());
      EXPECT_TRUE(item.full_text().empty());
      EXPECT_TRUE(item.title.empty());
      EXPECT_TRUE(item.contact.empty());
      EXPECT_TRUE(item.case_refs.empty());
    }
  }
}

TEST(ParserSeeds, DecisionsAndSections) {
  struct Row {
    const char* file;
    int item;
    const char* decision_start;
    std::vector<const char*> sections;
  };
  const Row rows[] = {
      {"000_95b85b1cae4d3646.txt",
       3,
       "Orienteringen blev taget til efterretning. Se i øvrigt beslutning til punkt 1.",
       {"resume", "indstilling", "sagsfremstilling", "okonomi", "bemaerkninger", "kommunikation", "decision", "bilag"}},
      {"001_4087263cda476328.txt", 1, "Udvalget bakkede op om den foreslåede model", {}},
      {"003_d8c3f28a1a9dde23.txt",
       4,
       "Udvalget tog oplægget fra Sundhedsstyrelsens til efterretning og drøftede med afsæt",
       {}},
      {"004_9c22b7f145ec25f7.txt",
       9,
       "Godkendt.",
       {"indstilling", "decision", "baggrund", "sagsfremstilling", "konsekvenser", "beslutningsproces", "kontakt",
        "journalnummer", "bilag"}},
      {"004_9c22b7f145ec25f7.txt", 12, "Sagen blev udsat.", {}},
  };
  for (const Row& row : rows) {
    SCOPED_TRACE(std::string(row.file) + ":" + std::to_string(row.item));
    const ParsedDocument doc = test::parse_seed(row.file);
    const AgendaItem* item = nullptr;
    for (const auto& it : doc.items)
      if (it.number == row.item) item = &it;
    ASSERT_NE(item, nullptr);
    EXPECT_TRUE(starts_with(item->decision(), row.decision_start)) << item->decision();
    if (!row.sections.empty()) {
      std::vector<std::string> names;
      for (const auto& s : item->sections) names.push_back(s.name);
      EXPECT_EQ(names, std::vector<std::string>(row.sections.begin(), row.sections.end()));
    }
  }
}

TEST(ParserSeeds, ContactsAndAttachments) {
  const ParsedDocument d0 = test::parse_seed("000_95b85b1cae4d3646.txt");
  EXPECT_EQ(d0.items[2].contact, "jho@regioner.dk");
  ASSERT_EQ(d0.items[2].attachments.size(), 2u);
  EXPECT_EQ(d0.items[2].attachments[0].name,
            "Aftale om initiativer til styrkelse af lægedækningen i yderområder (1750838 - EMN-2023-00716)");
  const ParsedDocument d3 = test::parse_seed("003_d8c3f28a1a9dde23.txt");
  EXPECT_EQ(d3.items[3].contact, "Louise Borgstrøm");
  const ParsedDocument d4 = test::parse_seed("004_9c22b7f145ec25f7.txt");
  EXPECT_EQ(d4.items[8].contact, "Charlotte Hosbond/Mette Skak Mølholm");
  EXPECT_EQ(d4.items[8].attachments.size(), 2u);
  EXPECT_EQ(d4.items[0].meta.organisation, "Region Hovedstaden");  // from the manifest
}

}  // namespace
}  // namespace sagsoeg
