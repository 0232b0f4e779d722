// What reaches a terminal or a spreadsheet from documents and file names:
// control characters escaped, formulas neutralised, only web links.
#include <gtest/gtest.h>

#include <sstream>

#include "searcher/csv_output.h"
#include "searcher/text_output.h"
#include "util/utf8.h"

namespace sagsoeg {
namespace {

TEST(EscapeControls, ControlBytesBecomeVisibleEscapes) {
  EXPECT_EQ(escape_controls("fil\x1b[31mnavn"), "fil\\x1b[31mnavn");
  EXPECT_EQ(escape_controls("a\nb\rc\td"), "a\\x0ab\\x0dc\td");
  EXPECT_EQ(escape_controls("a\nb", true), "a\nb");
  EXPECT_EQ(escape_controls("del\x7f"), "del\\x7f");
  EXPECT_EQ(escape_controls("csi\xc2\x9b"
                            "2J"),
            "csi\\u009b2J");                                  // C1 control as UTF-8
  EXPECT_EQ(escape_controls("latin1 \xe6"), "latin1 \\xe6");  // not UTF-8
  EXPECT_EQ(escape_controls("Ærø – Sønderborg \xef\xbf\xbd"), "Ærø – Sønderborg \xef\xbf\xbd");
}

TEST(Csv, FormulaCellsAreText) {
  EXPECT_EQ(csv_field("=HYPERLINK(\"http://x\")"), "\"'=HYPERLINK(\"\"http://x\"\")\"");
  EXPECT_EQ(csv_field("+1"), "'+1");
  EXPECT_EQ(csv_field("-2+3"), "'-2+3");
  EXPECT_EQ(csv_field("@SUM(A1)"), "'@SUM(A1)");
  EXPECT_EQ(csv_field("\t=1"), "'\t=1");
  EXPECT_EQ(csv_field("Budget 2025"), "Budget 2025");
  EXPECT_EQ(csv_field("a,b"), "\"a,b\"");
  EXPECT_EQ(csv_field("ond\x1bkode"), "ond\\x1bkode");
}

SearchResponse one_hit(const std::string& title, const std::string& url, const std::string& source) {
  SearchResponse r;
  SearchHit h;
  h.rank = 1;
  h.item.title = title;
  h.item.number = 1;
  h.item.meta.url = url;
  h.item.meta.source = source;
  h.item.meta.date = "2025-01-31";
  r.hits.push_back(h);
  r.total = 1;
  r.total_exact = true;
  return r;
}

TEST(Csv, OnlyWebLinksReachTheSheet) {
  const std::string csv = results_csv(one_hit("=cmd|' /C calc'!A0", "javascript:alert(1)", "a.txt"));
  EXPECT_EQ(csv.find("javascript"), std::string::npos) << csv;
  EXPECT_NE(csv.find(",'=cmd|' /C calc'!A0,"), std::string::npos) << csv;
  EXPECT_NE(results_csv(one_hit("t", "https://dagsorden.example.dk/1", "a.txt")).find("https://dagsorden.example.dk/1"),
            std::string::npos);
}

TEST(TextOutput, NoControlCharacterReachesTheTerminal) {
  std::ostringstream out;
  print_results(one_hit("Titel\x1b]0;owned\x07", "https://x.dk/\x1b[2J", "mappe/\x1b[31mrød.txt"), TextStyle{}, out);
  const std::string text = out.str();
  for (char c : text) EXPECT_TRUE(c == '\n' || static_cast<unsigned char>(c) >= 0x20) << text;
  EXPECT_NE(text.find("Titel\\x1b]0;owned\\x07"), std::string::npos) << text;
  EXPECT_NE(text.find("mappe/\\x1b[31mrød.txt"), std::string::npos) << text;
}

}  // namespace
}  // namespace sagsoeg
