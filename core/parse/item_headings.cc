#include "parse/item_headings.h"

#include <cctype>
#include <map>

#include "parse/case_id.h"
#include "parse/sections.h"
#include "util/utf8.h"

namespace sagsoeg {

namespace {

// Reads 1-4 digits at the start of s; returns the count of digits (0 = none).
size_t leading_number(const std::string& s, int& number) {
  size_t i = 0;
  while (i < s.size() && i < 5 && std::isdigit(static_cast<unsigned char>(s[i]))) ++i;
  if (i == 0 || i > 4) return 0;
  number = std::stoi(s.substr(0, i));
  return i;
}

std::string strip_dot_leaders(std::string title, bool& had) {
  // "Title .....  3" or "Title ....." (page number after a tab in the raw line)
  size_t dots = title.find("....");
  had = dots != std::string::npos;
  if (had) title.erase(dots);
  return std::string(trim(title));
}

// Item labels that some publishers put before the title: "Beslutning: ...".
const char* const kLabels[] = {"Beslutning",    "Orientering", "Drøftelse",      "Temadrøftelse",
                               "Godkendelse",   "Meddelelse",  "Beslutningssag", "Orienteringssag",
                               "Drøftelsessag", "Indstilling", "Meddelelser"};

bool starts_with_upper_or_digit(const std::string& s) {
  if (s.empty()) return false;
  size_t pos = 0;
  const uint32_t cp = next_code_point(s, pos);
  return is_upper_letter(cp) || (cp >= '0' && cp <= '9' && false);
}

}  // namespace

bool classify_heading(const Line& line, HeadingCandidate& out) {
  std::string s = line.clean;
  if (s.empty()) return false;
  out = HeadingCandidate{};
  // "Punkt 4: Title" / "Pkt. 4 Title"
  std::string lower = to_lower_latin(s.substr(0, 8));
  size_t skip = 0;
  if (starts_with(lower, "punkt ")) skip = 6;
  if (starts_with(lower, "pkt. ")) skip = 5;
  if (starts_with(lower, "pkt ")) skip = 4;
  const std::string rest0 = s.substr(skip);
  int number = 0;
  const size_t digits = leading_number(rest0, number);
  if (!digits || number == 0) return false;
  std::string rest = rest0.substr(digits);
  out.number = number;
  // Access marker: "3 (Offentlig) Title".
  std::string_view r = trim(rest);
  if (!r.empty() && r[0] == '(') {
    const size_t close = r.find(')');
    if (close == std::string_view::npos) return false;
    const std::string marker = to_lower_latin(r.substr(1, close - 1));
    if (marker != "offentlig" && marker != "fortrolig" && marker != "lukket" && marker != "lukket punkt" &&
        marker != "åben" && marker != "åbent")
      return false;
    out.form = HeadingForm::access_marker;
    out.has_access_marker = true;
    out.confidential = marker == "fortrolig" || starts_with(marker, "lukket");
    out.title = strip_dot_leaders(std::string(trim(r.substr(close + 1))), out.dot_leaders);
    return true;
  }
  const bool dotted = !rest.empty() && (rest[0] == '.' || rest[0] == ':' || rest[0] == ')');
  if (dotted) rest.erase(0, 1);
  if (!rest.empty() && rest[0] != ' ') return false;
  std::string title = std::string(trim(rest));
  if (title.empty()) return false;
  // "3. Lukket punkt."
  const std::string ltitle = to_lower_latin(title);
  if (starts_with(ltitle, "lukket punkt")) {
    out.form = HeadingForm::labelled;
    out.confidential = true;
    out.label = "Lukket punkt";
    out.title.clear();
    return dotted || skip;
  }
  for (const char* label : kLabels) {
    const std::string l = label;
    if (starts_with(title, l) && title.size() > l.size() + 1 && title[l.size()] == ':') {
      out.form = HeadingForm::labelled;
      out.label = l;
      out.title = strip_dot_leaders(std::string(trim(title.substr(l.size() + 1))), out.dot_leaders);
      return dotted || skip;
    }
  }
  if (!dotted && !skip && line.heading_level == 0) return false;
  if (!starts_with_upper_or_digit(title)) return false;
  // A date ("20. Maj 2025") or a case ID is not a heading.
  if (is_case_id(title)) return false;
  out.form = skip ? HeadingForm::labelled : HeadingForm::plain;
  out.title = strip_dot_leaders(title, out.dot_leaders);
  return !out.title.empty();
}

namespace {

bool is_toc_header(const std::string& clean) {
  std::string l = to_lower_latin(clean);
  while (!l.empty() && (l.back() == ':' || l.back() == ' ')) l.pop_back();
  return l == "indholdsfortegnelse" || l == "indhold" || l == "punkter på dagsordenen" || l == "dagsordenspunkter" ||
         l == "dagsordenpunkter" || l == "dagsorden" || l == "oversigt over punkter";
}

bool is_strong(const HeadingCandidate& c, const Line& line) {
  return c.form != HeadingForm::plain || line.heading_level > 0;
}

// Extends a plain-text heading with the lines its title wrapped onto.
void add_title_continuation(const std::vector<Line>& lines, HeadingCandidate& c) {
  if (lines[c.line].heading_level > 0 || c.confidential || c.dot_leaders) return;
  for (size_t i = c.line + 1; i < lines.size() && c.continuation_lines < 2; ++i) {
    const Line& l = lines[i];
    HeadingCandidate other;
    if (l.blank() || is_rule(l.clean) || is_email(l.clean) || l.clean.size() > 100 || is_case_id(l.clean) ||
        classify_heading(l, other) || !section_key(l).empty() || l.clean.find(':') != std::string::npos)
      return;
    c.title += " " + l.clean;
    ++c.continuation_lines;
  }
}

}  // namespace

ItemHeadings find_item_headings(const std::vector<Line>& lines) {
  std::vector<HeadingCandidate> all;
  for (size_t i = 0; i < lines.size(); ++i) {
    HeadingCandidate c;
    if (classify_heading(lines[i], c)) {
      c.line = i;
      all.push_back(c);
    }
  }
  // 1. Table-of-contents lines: dot leaders, lines after a TOC header, and
  //    dense runs of headings whose numbers and titles come back later.
  std::vector<bool> in_toc(all.size(), false);
  size_t toc_end_line = 0;
  bool have_toc = false;
  for (size_t k = 0; k < all.size(); ++k)
    if (all[k].dot_leaders) in_toc[k] = true;
  for (size_t i = 0; i < lines.size(); ++i) {
    if (!is_toc_header(lines[i].clean)) continue;
    size_t k = 0;
    while (k < all.size() && all[k].line <= i) ++k;
    int previous = 0;
    for (size_t j = i + 1; j < lines.size(); ++j) {
      if (lines[j].blank()) continue;
      // The TOC ends at the first line that is not a further numbered entry.
      if (k < all.size() && all[k].line == j && all[k].number > previous) {
        previous = all[k].number;
        in_toc[k++] = true;
        continue;
      }
      break;
    }
  }
  // An implicit TOC can only stand before the first unmistakable item
  // heading; later dense runs are numbered lists inside items.
  size_t first_strong_line = lines.size();
  for (size_t k = 0; k < all.size(); ++k)
    if (!in_toc[k] && is_strong(all[k], lines[all[k].line])) {
      first_strong_line = all[k].line;
      break;
    }
  for (size_t start = 0; start < all.size() && all[start].line < first_strong_line;) {
    size_t end = start + 1;
    while (end < all.size() && all[end].number == all[end - 1].number + 1) {
      size_t between = 0;
      for (size_t j = all[end - 1].line + 1; j < all[end].line; ++j)
        if (!lines[j].blank()) ++between;
      if (between > 2) break;
      ++end;
    }
    if (end - start >= 3) {
      // A TOC's entries come back, in order, as the body's headings.
      size_t recurring = 0;
      size_t later = end;
      for (size_t k = start; k < end; ++k)
        for (size_t l = later; l < all.size(); ++l)
          if (all[l].number == all[k].number && !all[k].title.empty() && headings_match(all[l].title, all[k].title)) {
            ++recurring;
            later = l + 1;
            break;
          }
      if (recurring >= 2)
        for (size_t k = start; k < end; ++k) in_toc[k] = true;
    }
    start = end;
  }
  ItemHeadings result;
  std::map<int, const HeadingCandidate*> toc_by_number;
  for (size_t k = 0; k < all.size(); ++k) {
    if (!in_toc[k]) continue;
    have_toc = true;
    toc_end_line = std::max(toc_end_line, all[k].line);
    result.toc.push_back(all[k]);
  }
  for (const HeadingCandidate& c : result.toc) toc_by_number.emplace(c.number, &c);

  // 2. Body headings: after the TOC, strictly increasing numbers; a plain
  //    "N. Title" line counts only when the TOC lists the same item.
  int last = 0;
  for (size_t k = 0; k < all.size(); ++k) {
    HeadingCandidate c = all[k];
    if (in_toc[k] || (have_toc && c.line <= toc_end_line)) continue;
    // Item numbers increase; a jump of more than 50 is a year or an amount.
    if (c.number <= last || c.number > last + 50) continue;
    const auto toc = toc_by_number.find(c.number);
    if (!is_strong(c, lines[c.line])) {
      if (toc == toc_by_number.end() || !headings_match(c.title, toc->second->title)) continue;
    } else if (c.form == HeadingForm::labelled && lines[c.line].indent >= 2 && have_toc && toc != toc_by_number.end() &&
               !c.confidential && !headings_match(c.title, toc->second->title)) {
      continue;  // an indented labelled list line that is not the TOC's item
    }
    add_title_continuation(lines, c);
    result.items.push_back(c);
    last = c.number;
  }
  return result;
}

}  // namespace sagsoeg
