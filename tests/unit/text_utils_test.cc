// Table-driven tests of the small text helpers: UTF-8, case IDs, Danish
// dates, heading comparison and section headings.
#include <gtest/gtest.h>

#include "parse/case_id.h"
#include "parse/danish_date.h"
#include "parse/line.h"
#include "parse/sections.h"
#include "util/utf8.h"

namespace sagsoeg {
namespace {

TEST(Utf8, ValidationAndConversion) {
  EXPECT_TRUE(is_valid_utf8("Lægedækning på Ærø"));
  EXPECT_FALSE(is_valid_utf8("L\xe6ged\xe6kning"));  // Latin-1
  EXPECT_FALSE(is_valid_utf8("\xc0\xaf"));           // overlong
  EXPECT_FALSE(is_valid_utf8("\xed\xa0\x80"));       // surrogate
  EXPECT_EQ(cp1252_to_utf8("L\xe6ged\xe6kning \x96 \x80"), "Lægedækning – €");
  EXPECT_EQ(to_lower_latin("ÆBLE ØL ÅEN É"), "æble øl åen é");
  EXPECT_EQ(collapse_spaces("  a \t b\xc2\xa0 c  "), "a b c");
}

TEST(CaseIds, Forms) {
  struct Row {
    const char* text;
    bool is_id;
  };
  const Row rows[] = {{"EMN-2024-01240", true},   {"MDR-2024-00044", true},    {"MOD-2025-00107", true},
                      {"SAG-2024-0001234", true}, {"ABC-2024-01240-03", true}, {"EMN-2024", false},
                      {"emn-2024-01240", false},  {"E-2024-01240", false},     {"2024-2027", false},
                      {"EMN-2024-01240x", false}};
  for (const Row& r : rows) {
    SCOPED_TRACE(r.text);
    EXPECT_EQ(is_case_id(r.text), r.is_id);
  }
  EXPECT_TRUE(is_journal_number("24077452"));
  EXPECT_TRUE(is_journal_number("2024-012345"));
  EXPECT_FALSE(is_journal_number("2024"));
  EXPECT_FALSE(is_journal_number("2024-2027"));
  EXPECT_FALSE(is_journal_number("D14178476"));
  EXPECT_EQ(find_case_ids("Bilag (1750838 - EMN-2023-00716) og xEMN-2020-00001 samt MOD-2025-00107."),
            (std::vector<std::string>{"EMN-2023-00716", "MOD-2025-00107"}));
}

TEST(DanishDates, EveryFormInTheSeeds) {
  struct Row {
    const char* text;
    const char* iso;
  };
  const Row rows[] = {{"31-01-2025 11:00", "2025-01-31"},
                      {"19-04-2024", "2024-04-19"},
                      {"15-04-24", "2024-04-15"},
                      {"2025-01-31", "2025-01-31"},
                      {"20. maj 2025", "2025-05-20"},
                      {"13. juni 2022", "2022-06-13"},
                      {"1. jan. 2024", "2024-01-01"},
                      {"4. Februar 2025", "2025-02-04"},
                      {"31.12.2023", "2023-12-31"},
                      {"32-01-2025", ""},
                      {"29-02-2023", ""},
                      {"29-02-2024", "2024-02-29"},
                      {"i 2025", ""}};
  for (const Row& r : rows) {
    SCOPED_TRACE(r.text);
    EXPECT_EQ(parse_date_prefix(r.text), r.iso);
  }
  const auto dates = find_dates("Sagen forelægges udvalget d. 20. maj 2025 og igen 1.6.2025.");
  ASSERT_EQ(dates.size(), 2u);
  EXPECT_EQ(dates[0].iso, "2025-05-20");
  EXPECT_EQ(dates[1].iso, "2025-06-01");
}

TEST(Lines, CleaningAndHeadingComparison) {
  const Lines lines = Lines::from_text("### <b>3 (Offentlig)</b> **Titel**  \n[Sundhedsaftale \\(sum.dk\\)](#)");
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(lines[0].heading_level, 3);
  EXPECT_EQ(lines[0].clean(), "3 (Offentlig) Titel");
  EXPECT_EQ(lines[1].clean(), "Sundhedsaftale (sum.dk)");
  EXPECT_TRUE(
      headings_match("Hurtig og mere målrettet indsats i hele landet", "Hurtig og målrettet indsats i hele landet"));
  EXPECT_TRUE(headings_match("Inddragelse af apotekerne", "Inddragelse af apotekerne i klyngerne"));
  EXPECT_FALSE(headings_match("Afrusning og abstinensbehandling af udsatte borgere",
                              "Drøftelse: Overlevering til kommende valgperiode"));
}

TEST(Sections, HeadingsOfEveryLayout) {
  struct Row {
    const char* line;
    const char* key;
  };
  const Row rows[] = {{"#### Resumé", "resume"},
                      {"### **Beslutninger:**", "decision"},
                      {"Beslutninger: ", "decision"},
                      {"POLITISK BEHANDLING", "decision"},
                      {"INDSTILLING", "indstilling"},
                      {" Sekretariatets bemærkninger ", "bemaerkninger"},
                      {"JOURNALNUMMER", "journalnummer"},
                      {"DIREKTØRPÅTEGNING OG KONTAKTPERSON", "kontakt"},
                      {"RISIKOVURDERING OG TIDSPLAN", "risikovurdering og tidsplan"},
                      {"Bilag", "bilag"},
                      {"Det indstilles,", ""},
                      {"KOL", ""},
                      {"Administrationens bemærkninger:", ""}};
  for (const Row& r : rows) {
    SCOPED_TRACE(r.line);
    EXPECT_EQ(section_key(Lines::from_text(r.line)[0]), r.key);
  }
  const Lines inline_line = Lines::from_text("Beslutning: Godkendt.");
  const SectionHeading h = read_section_heading(inline_line[0]);
  EXPECT_EQ(h.key, "decision");
  EXPECT_EQ(h.inline_text, "Godkendt.");
  // Inside a paragraph it is the proposal's text, not a decision.
  EXPECT_EQ(read_section_heading(inline_line[0], false).key, "");
}

TEST(Sections, DecisionHeadingsNameBodyAndDate) {
  struct Row {
    const char* line;
    const char* body;
    const char* date;
  };
  const Row rows[] = {{"Beslutning i Økonomiudvalget den 12-11-2024", "Økonomiudvalget", "2024-11-12"},
                      {"Økonomiudvalgets beslutning den 03.03.2025", "Økonomiudvalget", "2025-03-03"},
                      {"FORRETNINGSUDVALGETS BESLUTNING", "Forretningsudvalget", ""},
                      {"REGIONSRÅDETS BESLUTNING", "Regionsrådet", ""},
                      {"Byrådets beslutning den 25. marts 2025", "Byrådet", "2025-03-25"},
                      {"Udvalgets beslutning", "", ""},
                      {"Beslutning i Børne- og Ungeudvalget", "Børne- og Ungeudvalget", ""},
                      {"Beslutninger", "", ""}};
  for (const Row& r : rows) {
    SCOPED_TRACE(r.line);
    const SectionHeading h = read_section_heading(Lines::from_text(r.line)[0]);
    EXPECT_EQ(h.key, "decision");
    EXPECT_EQ(h.body, r.body);
    EXPECT_EQ(h.date, r.date);
  }
}

}  // namespace
}  // namespace sagsoeg
