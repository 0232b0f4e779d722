// The traps the issue names, each on the seed that has it and on a small
// synthetic document of the same family.
#include <gtest/gtest.h>

#include "io/input_error.h"
#include "parse/agenda_parser.h"
#include "unit/test_support.h"

namespace sagsoeg {
namespace {

AgendaItem item_of(const ParsedDocument& d, int number) {
  for (const auto& it : d.items)
    if (it.number == number) return it;
  throw std::runtime_error("no item " + std::to_string(number));
}

std::vector<int> numbers(const ParsedDocument& d) {
  std::vector<int> n;
  for (const auto& it : d.items) n.push_back(it.number);
  return n;
}

TEST(ParserTraps, TableOfContentsLinesAreNotItems) {
  // 000 lists all nine items with dot leaders before the body; each number once.
  EXPECT_EQ(numbers(test::parse_seed("000_95b85b1cae4d3646.txt")), (std::vector<int>{1, 2, 3, 4, 5, 6, 7, 8, 9}));
  // 004's "Punkter på dagsordenen": the first item is the body's, with its text.
  const ParsedDocument d4 = test::parse_seed("004_9c22b7f145ec25f7.txt");
  EXPECT_EQ(item_of(d4, 1).decision().substr(0, 9), "Godkendt.");
}

TEST(ParserTraps, NumberedListsInsideItemsAreNotItems) {
  // 001 item 3 lists "1. Brug af non-invasiv ...", "2.", "3." -- still five items.
  EXPECT_EQ(numbers(test::parse_seed("001_4087263cda476328.txt")), (std::vector<int>{1, 2, 3, 4, 5}));
  const ParsedDocument d1 = test::parse_seed("001_4087263cda476328.txt");
  const AgendaItem& it3 = item_of(d1, 3);
  EXPECT_NE(it3.section("sagsfremstilling")->text.find("1. Brug af non-invasiv ventilation"), std::string::npos);
  // 004 item 10 lists 30 proposals ("  11. Afrusning ...") and item 14 has
  // "1. Kapacitet og tilgængelighed: ..." -- neither starts an item.
  const ParsedDocument d4 = test::parse_seed("004_9c22b7f145ec25f7.txt");
  EXPECT_EQ(item_of(d4, 11).title, "Overlevering til kommende valgperiode – Første drøftelse");
  EXPECT_NE(item_of(d4, 14).section("sagsfremstilling")->text.find("1. Kapacitet og tilgængelighed: Implementering"),
            std::string::npos);
}

TEST(ParserTraps, AttachmentCaseIdsAreReferences) {
  const ParsedDocument d0 = test::parse_seed("000_95b85b1cae4d3646.txt");
  const AgendaItem& it = item_of(d0, 3);
  EXPECT_EQ(it.case_id, "EMN-2024-01240");
  EXPECT_EQ(it.case_refs, std::vector<std::string>{"EMN-2023-00716"});
  const ParsedDocument d3 = test::parse_seed("003_d8c3f28a1a9dde23.txt");
  const AgendaItem& it4 = item_of(d3, 4);
  EXPECT_EQ(it4.case_id, "EMN-2019-01215");
  EXPECT_EQ(it4.case_refs, std::vector<std::string>{"EMN-2022-01420"});
}

TEST(ParserTraps, WrappedTitleIsJoined) {
  EXPECT_EQ(item_of(test::parse_seed("003_d8c3f28a1a9dde23.txt"), 8).title,
            "Orientering om ny analyse om dødsfald blandt ældre");
}

TEST(ParserTraps, BodyHeadingWinsOverTableOfContents) {
  // TOC: "Inddragelse af apotekerne"; body: "... i klyngerne".
  EXPECT_EQ(item_of(test::parse_seed("001_4087263cda476328.txt"), 2).title, "Inddragelse af apotekerne i klyngerne");
  // TOC: "Sundhedspersonalet i centrum ..."; body: "Medarbejderen i centrum ...".
  EXPECT_EQ(item_of(test::parse_seed("002_232f1646488d47e5.txt"), 5).title.substr(0, 24), "Medarbejderen i centrum ");
}

TEST(ParserTraps, PreambleDateIsNotTheMeetingDate) {
  // 001 starts with "15-04-24" before the header "... den 19-04-2024 13:00".
  EXPECT_EQ(test::parse_seed("001_4087263cda476328.txt").meta.date, "2024-04-19");
}

TEST(ParserTraps, NoDateIsGuessedFromTheBody) {
  // 003 has no header and mentions many dates in its text; without a
  // manifest date the meeting date stays empty.
  const ParsedDocument d = parse_agenda(test::read_file(test::corpus_path("003_d8c3f28a1a9dde23.txt")), "x.txt");
  EXPECT_EQ(d.meta.date, "");
  EXPECT_EQ(d.meta.committee, "");
}

TEST(ParserTraps, UnseenLayoutWithPunktHeadingsAndInlineDecision) {
  const std::string text =
      "Dagsorden for møde i Social- og Sundhedsudvalget den 3. marts 2025\n\n"
      "Punkt 1: Orientering om hjemmepleje\n\nSagsnr.: SAG-2025-0001234\n\nSagsfremstilling\n"
      "Hjemmeplejen har flere borgere.\n\nBeslutning: Taget til efterretning.\n\n"
      "Punkt 2: Budget 2026 (Lukket)\n\n"
      "Punkt 3: Ny plan for ældreområdet\n\nIndstilling\nAt udvalget godkender planen.\n";
  const ParsedDocument d = parse_agenda(text, "unseen.txt");
  ASSERT_EQ(numbers(d), (std::vector<int>{1, 2, 3}));
  EXPECT_EQ(d.meta.date, "2025-03-03");
  EXPECT_EQ(d.meta.kind, "dagsorden");
  EXPECT_EQ(d.meta.committee, "Social- og Sundhedsudvalget");
  EXPECT_EQ(d.items[0].case_id, "SAG-2025-0001234");
  EXPECT_EQ(d.items[0].decision(), "Taget til efterretning.");
  EXPECT_EQ(d.items[0].type, "orientering");
  EXPECT_EQ(d.items[2].type, "beslutning");
  EXPECT_TRUE(d.items[1].is_confidential());  // "(Lukket)" in the heading
  EXPECT_FALSE(d.items[2].is_confidential());
}

TEST(ParserTraps, HtmlPageWithHeadings) {
  const std::string html =
      "<html><head><title>x</title><script>var a = '1. Not an item';</script></head><body>"
      "<h1>Regionsrådet - referat</h1><p>Mødet den 12. februar 2025</p>"
      "<h2>1. Beslutning: Godkendelse af regnskab</h2><h3>INDSTILLING</h3><p>At regnskabet godkendes.</p>"
      "<h3>POLITISK BEHANDLING</h3><p>Godkendt &amp; vedtaget.</p><h3>JOURNALNUMMER</h3><p>24012345</p>"
      "<h2>2. Lukket punkt.</h2></body></html>";
  const ParsedDocument d = test::parse_bytes(html, "page.html");
  ASSERT_EQ(numbers(d), (std::vector<int>{1, 2}));
  EXPECT_EQ(d.items[0].title, "Godkendelse af regnskab");
  EXPECT_EQ(d.items[0].decision(), "Godkendt & vedtaget.");
  EXPECT_EQ(d.items[0].case_id, "24012345");
  EXPECT_TRUE(d.items[1].is_confidential());
  EXPECT_EQ(d.meta.committee, "Regionsrådet");
}

TEST(ParserTraps, TextWithoutItemsIsOneBilagItem) {
  const ParsedDocument d = parse_agenda("Dette er bare en tekst.\nUden punkter, skrevet 4. marts 2025.\n", "notat.txt");
  ASSERT_EQ(d.items.size(), 1u);
  EXPECT_EQ(d.meta.kind, "bilag");
  EXPECT_EQ(d.items[0].title, "Dette er bare en tekst.");  // its first line, not its file name
  EXPECT_EQ(d.meta.date, "2025-03-04");
  EXPECT_NE(d.items[0].full_text().find("Uden punkter"), std::string::npos);
  // With a heading, the heading is the title; a letter's subject line wins.
  EXPECT_EQ(parse_agenda("# Notat om trafik\n\nTekst.\n", "x.md").items[0].title, "Notat om trafik");
  const ParsedDocument letter = parse_agenda(
      "Fra: Borger <b@example.dk>\nSendt: 26. august 2025 14:52\nEmne: Havnens fremtid\n\nTil Byrådet      "
      "26-08-2025\n\nSidste møde var den 9. april 2025.\n",
      "document.txt");
  EXPECT_EQ(letter.items[0].title, "Havnens fremtid");
  EXPECT_EQ(letter.meta.date, "2025-08-26");  // its own date line, not the first date in its text
  EXPECT_EQ(
      parse_agenda("Sidste møde var den 9. april 2025.\n\nAarhus, 26. august 2025\n\nTekst.\n", "l.txt").meta.date,
      "2025-08-26");
  // A closed marker anywhere closes the whole document.
  const ParsedDocument closed = parse_agenda("Notat\n\nFortroligt\n\nHemmelig tekst.\n", "brev.txt");
  ASSERT_EQ(closed.items.size(), 1u);
  EXPECT_TRUE(closed.items[0].is_confidential());
  EXPECT_EQ(closed.items[0].full_text(), "");
  try {
    parse_agenda("\n \n", "blank.txt");
    FAIL() << "expected InputError";
  } catch (const InputError& e) {
    EXPECT_STREQ(e.what(), "no text in the document");
  }
}

}  // namespace
}  // namespace sagsoeg
