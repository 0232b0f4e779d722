// Fail closed: every sign that an item is closed makes it confidential, and
// its text reaches no public item -- for each marker the issues name, in
// each position (heading, line of its own, group, table of contents).
#include <gtest/gtest.h>

#include "fuzz/closed_marker_documents.h"
#include "parse/access_markers.h"
#include "parse/agenda_parser.h"
#include "unit/test_support.h"
#include "util/utf8.h"

namespace sagsoeg {
namespace {

constexpr const char* kPublicBefore =
    "Referat fra møde i Økonomiudvalget den 3. marts 2025\n\n"
    "1 (Offentlig) Budgetopfølgning\n\nSagsfremstilling\nOffentlig tekst om budgettet.\n\n";
constexpr const char* kSecret = "Zebrafinkeavl og narhvalsbudget den 3. marts 2033.";
constexpr const char* kPublicAfter = "\n\n3 (Offentlig) Trafikplan\n\nSagsfremstilling\nCykelstier.\n";

// The secret text must be in no public item and in no field of any item.
void expect_closed(const std::string& middle, const std::string& after_secret = "") {
  SCOPED_TRACE(middle);
  const ParsedDocument d =
      parse_agenda(std::string(kPublicBefore) + middle + "\n\n" + kSecret + after_secret + kPublicAfter, "x.txt");
  bool some_confidential = false;
  for (const AgendaItem& item : d.items) {
    SCOPED_TRACE(item.id());
    const std::string all = to_lower_latin(item.title + item.full_text() + item.contact);
    EXPECT_EQ(all.find("zebrafink"), std::string::npos);
    EXPECT_EQ(all.find("(fortrolig"), std::string::npos);
    EXPECT_NE(item.meta.date, "2033-03-03");
    some_confidential = some_confidential || item.is_confidential();
  }
  EXPECT_TRUE(some_confidential);
  // The public items around it are still there, with their text.
  ASSERT_GE(d.items.size(), 2u);
  EXPECT_FALSE(d.items.front().is_confidential());
  EXPECT_NE(d.items.front().full_text().find("Offentlig tekst"), std::string::npos);
  EXPECT_FALSE(d.items.back().is_confidential());
  EXPECT_EQ(d.items.back().title, "Trafikplan");
  EXPECT_EQ(d.meta.date, "2025-03-03");
}

TEST(Access, ClosedHeadingsInEveryForm) {
  for (const char* heading : {"2 (Fortrolig)",
                              "2 (Fortrolig) Grundkøb",
                              "2. (Fortrolig) Grundkøb",
                              "## 2 Lukket punkt",
                              "Punkt 2 - Lukket punkt",
                              "Punkt 2 – Lukket punkt",
                              "2 ( Fortrolig )",
                              "2a (Fortrolig)",
                              "2. Lukket punkt.",
                              "Punkt 2: Lukket: Salg af grund",
                              "2. Salg af grund (Lukket punkt)",
                              "2. Budget 2026 (Lukket)",
                              "Punkt 2: Salg af grund (Lukket punkt)",
                              "2 (Lukket)",
                              "2.1 (Fortrolig)",
                              "Pkt. 2 Lukket punkt",
                              "2) Lukket: Personalesag",
                              "2. FORTROLIGT: Personalesag",
                              "2 [Lukket] Grundsalg",
                              "2 (Ikke offentlig)",
                              "### **2 (Fortrolig)**",
                              "2. Grundsalg - Lukket punkt"})
    expect_closed(heading);
}

TEST(Access, ClosedHeadingsWhoseNumberRepeatsRestartsOrJumps) {
  expect_closed("1 (Fortrolig)");     // repeats
  expect_closed("1. Lukket punkt.");  // restarts
  expect_closed("77 (Fortrolig)");    // jumps
  expect_closed("2 (Offentlig) Noget\n\nTekst.\n\n1 (Fortrolig)");
}

TEST(Access, MarkerLinesUnderTheHeading) {
  for (const char* marker : {"Lukket punkt", "Fortrolig", "Fortroligt", "(Lukket)", "Lukket", "Lukket: Salg af grund",
                             "LUKKET PUNKT", "**Fortroligt**", "Ikke offentligt"})
    expect_closed(std::string("2. Salg af grund\n") + marker);
  expect_closed("## 2. Salg af grund\n\nLukket punkt");
}

TEST(Access, ClosedLinesThatNoHeadingFormAccepts) {
  // Each once closed the public item above it (its text withheld) or leaked
  // into it: a closed line always starts a confidential item of its own.
  for (const char* middle :
       {"Sag nr. 2 Lukket", "Dagsordenspunkt 2: Lukket", "2. Grundkøb – fortroligt", "2. Grundkøb - Lukket sag",
        "2. Grundkøb\nSagen behandles for lukkede døre.", "2. Grundkøb\nFortrolig sag", "2. Grundkøb\n(Lukket punkt)",
        "2. Grundkøb\n\n**Lukket punkt**"})
    expect_closed(middle);
}

TEST(Access, ClosedGroups) {
  for (const char* group : {"Lukkede sager", "Lukket dagsorden", "## Lukkede punkter", "LUKKET MØDE"})
    expect_closed(std::string(group) + "\n\n2. Salg af grund", "\n\nÅbne sager");
  // An open group ends it: item 3 after "Åbne sager" is public again.
  const ParsedDocument d = parse_agenda(
      "Lukkede sager\n\n## 1. Salg af grund\n\nHemmelig.\n\nÅbne sager\n\n## 2. Trafikplan\n\nCykelstier.\n", "g.md");
  ASSERT_EQ(d.items.size(), 2u);
  EXPECT_TRUE(d.items[0].is_confidential());
  EXPECT_FALSE(d.items[1].is_confidential());
}

TEST(Access, TableOfContentsMarkingAnItemClosed) {
  const ParsedDocument d = parse_agenda(
      "Indholdsfortegnelse\n\n1 (Offentlig) Budgetopfølgning ..... 2\n2 (Fortrolig) Grundkøb ved havnen ..... 3\n"
      "3 (Offentlig) Trafikplan ..... 4\n\n1. Budgetopfølgning\n\nTekst.\n\n2. Grundkøb ved havnen\n\n" +
          std::string(kSecret) + "\n\n3. Trafikplan\n\nCykelstier.\n",
      "toc.txt");
  ASSERT_EQ(d.items.size(), 3u);
  EXPECT_TRUE(d.items[1].is_confidential());
  EXPECT_EQ(d.items[1].full_text(), "");
  EXPECT_FALSE(d.items[2].is_confidential());
}

TEST(Access, MarkersAreWholeWords) {
  // "Fortrolighed" and "lukketid" are ordinary words.
  const ParsedDocument d = parse_agenda(
      "## 1. Fortrolighed og datasikkerhed\n\nTekst.\n\n## 2. Lukketider i svømmehallen\n\nTekst.\n", "w.md");
  ASSERT_EQ(d.items.size(), 2u);
  for (const AgendaItem& item : d.items) EXPECT_FALSE(item.is_confidential()) << item.id();
  EXPECT_FALSE(is_closed_heading_line("2024-rapport om lukket punkt"));
  EXPECT_FALSE(is_standalone_closed_marker("Sagen blev behandlet som lukket punkt på mødet."));
}

TEST(Access, ClosedBodiesFeedNoField) {
  // A date in a closed body is not the meeting date, not even without a header.
  const ParsedDocument d = parse_agenda(
      "1. Lukket punkt.\n\nSagen forelægges udvalget den 3. marts 2033.\n\n"
      "2. Beslutning: Trafikplan\n\nSagen forelægges udvalget den 4. april 2025.\n",
      "d.txt");
  EXPECT_EQ(d.meta.date, "2025-04-04");
  // The manifest's date wins over dates named in public items.
  DocumentMeta manifest;
  manifest.date = "2025-01-31";
  EXPECT_EQ(
      parse_agenda("1. Beslutning: Trafikplan\n\nSagen forelægges udvalget den 4. april 2025.\n", "m.txt", &manifest)
          .meta.date,
      "2025-01-31");
}

// The property over thousands of composed documents (what the parser fuzzer
// checks with random seeds and noise, here with fixed seeds in every build).
TEST(Access, ClosedSectionsNeverReachPublicItems) {
  for (uint64_t seed = 1; seed <= 3000; ++seed) {
    const std::string doc = fuzz::closed_marker_document(seed, seed % 3 ? "" : "1. Noise line 12,5 mio. kr.");
    const ParsedDocument parsed = parse_agenda(doc, "seed.txt");
    ASSERT_TRUE(fuzz::closed_sections_stay_closed(parsed.items)) << "seed " << seed << "\n" << doc;
  }
}

// Plain text whose public headings are numbered lines standing alone, with
// a closed item among them: the closed heading must not be the only heading
// taken (items 1 and 2 were lost), and a numbered list inside the closed
// item must never open a public item (fail closed: what follows such a list
// stays in the closed item).
struct PlainItem {
  std::string number;
  bool closed;
  std::string title;
};

std::vector<PlainItem> plain_items(const std::string& body) {
  const ParsedDocument d = parse_agenda("Referat\nUdvalg: Byrådet\nMødedato: 4. marts 2025\n\n" + body, "x.txt");
  std::vector<PlainItem> out;
  for (const AgendaItem& item : d.items) {
    const std::string all = to_lower_latin(item.is_confidential() ? "" : item.title + item.full_text());
    EXPECT_EQ(all.find("zebrafink"), std::string::npos) << item.id();
    EXPECT_EQ(all.find("narhval"), std::string::npos) << item.id();
    out.push_back({item.number_text, item.is_confidential(), item.is_confidential() ? "" : item.title});
  }
  return out;
}

bool operator==(const PlainItem& a, const PlainItem& b) {
  return a.number == b.number && a.closed == b.closed && a.title == b.title;
}

TEST(ClosedItems, PlainTextPublicItemsAroundALabelledClosedOne) {
  EXPECT_EQ(plain_items("1. Godkendelse af dagsorden\n\nGodkendt.\n\n2. Budget\n\nTekst.\n\n"
                        "3. Lukket punkt: Personalesag\n\nZebrafinkeavl.\n\n4. Trafik\n\nCykler.\n\n"
                        "5. Eventuelt\n\nIntet.\n"),
            (std::vector<PlainItem>{{"1", false, "Godkendelse af dagsorden"},
                                    {"2", false, "Budget"},
                                    {"3", true, ""},
                                    {"4", false, "Trafik"},
                                    {"5", false, "Eventuelt"}}));
}

TEST(ClosedItems, AListInsideAClosedItemOpensNoPublicItem) {
  // Labelled closed heading, then its own numbered sections.
  EXPECT_EQ(plain_items("1. Godkendelse af dagsorden\n\nGodkendt.\n\n"
                        "2. Lukket punkt: Personalesag\n\n1. Baggrund\n\nZebrafinkeavl.\n\n"
                        "2. Indstilling\n\nNarhvalsbudget.\n\n3. Eventuelt\n\nIntet.\n"),
            (std::vector<PlainItem>{{"1", false, "Godkendelse af dagsorden"}, {"2", true, ""}}));
  // A "Lukket punkt" line under the first heading: its list after it was
  // taken as public item 2 (the narhval text was public).
  EXPECT_EQ(plain_items("1. Godkendelse af dagsorden\n\nGodkendt.\n\nLukket punkt\n\n1. Baggrund\n\n"
                        "Zebrafinke.\n\n2. Indstilling\n\nNarhval hemmelig.\n"),
            (std::vector<PlainItem>{{"1", true, ""}}));
  // Without a list inside it, the next item opens as printed.
  EXPECT_EQ(
      plain_items("1. Godkendelse af dagsorden\n\nGodkendt.\n\n2. Køb af grund\n\nLukket punkt\n\n"
                  "Zebrafinke pris.\n\n3. Eventuelt\n\nIntet.\n"),
      (std::vector<PlainItem>{{"1", false, "Godkendelse af dagsorden"}, {"2", true, ""}, {"3", false, "Eventuelt"}}));
}

}  // namespace
}  // namespace sagsoeg
