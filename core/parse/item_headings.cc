#include "parse/item_headings.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <map>

#include "parse/access_markers.h"
#include "parse/case_id.h"
#include "parse/danish_date.h"
#include "parse/sections.h"
#include "util/utf8.h"

namespace sagsoeg {

namespace {

// Numbered lines kept as candidates; a document with more is a list or an
// attack, and holding a candidate per line would cost memory without bound.
// Closed markers are kept beyond the limit: they must always split.
constexpr size_t kMaxCandidates = 100000;

// "12", "2.3", "4a" at the start of s: bytes consumed (0 = none).
size_t leading_number(std::string_view s, int& number, std::string& printed) {
  size_t i = 0;
  while (i < s.size() && i < 5 && std::isdigit(static_cast<unsigned char>(s[i]))) ++i;
  if (i == 0 || i > 4) return 0;
  number = std::stoi(std::string(s.substr(0, i)));
  while (i + 1 < s.size() && s[i] == '.' && std::isdigit(static_cast<unsigned char>(s[i + 1]))) {
    size_t j = i + 1;
    while (j < s.size() && std::isdigit(static_cast<unsigned char>(s[j]))) ++j;
    if (j - i > 4) break;  // "1.2024": not a sub-item
    i = j;
  }
  if (i < s.size() && s[i] >= 'a' && s[i] <= 'z' &&
      (i + 1 == s.size() || s[i + 1] == ' ' || s[i + 1] == '.' || s[i + 1] == ')' || s[i + 1] == ':'))
    ++i;  // "4a"
  printed = std::string(s.substr(0, i));
  return i;
}

std::string strip_dot_leaders(std::string title, bool& had) {
  // "Title .....  3" or "Title ....." (page number after a tab in the raw line)
  const size_t dots = title.find("....");
  had = dots != std::string::npos;
  if (had) title.erase(dots);
  return std::string(trim(title));
}

// Item labels that some publishers put before the title: "Beslutning: ...".
const char* const kLabels[] = {"Beslutning",    "Orientering", "Drøftelse",      "Temadrøftelse",
                               "Godkendelse",   "Meddelelse",  "Beslutningssag", "Orienteringssag",
                               "Drøftelsessag", "Indstilling", "Meddelelser"};

bool starts_with_upper_or_digit(std::string_view s) {
  if (s.empty()) return false;
  size_t pos = 0;
  const uint32_t cp = next_code_point(s, pos);
  return is_upper_letter(cp) || (cp >= '0' && cp <= '9');
}

// "20. Maj 2025": a date, not item 20.
bool is_month_and_year(std::string_view title) {
  const std::string lower = to_lower_latin(title.substr(0, 16));
  size_t end = 0;
  while (end < lower.size() && lower[end] != ' ' && lower[end] != '.') ++end;
  return danish_month(lower.substr(0, end)) != 0 && lower.find_first_of("0123456789") != std::string::npos;
}

// "2.3" -> {2, 3}; "4a" -> {4, 1} (a letter counts as a sub-number).
std::vector<int> number_key(const std::string& printed) {
  std::vector<int> key;
  int n = 0;
  bool digits = false;
  for (char ch : printed) {
    if (ch >= '0' && ch <= '9') {
      n = n * 10 + (ch - '0');
      digits = true;
    } else {
      if (digits) key.push_back(n);
      n = 0;
      digits = false;
      if (ch >= 'a' && ch <= 'z') key.push_back(ch - 'a' + 1);
    }
  }
  if (digits) key.push_back(n);
  return key;
}

bool is_structural(const Line& line) {
  return line.heading_level > 0 || line.item_row || line.emphasis;
}

}  // namespace

bool classify_heading(const Line& line, HeadingCandidate& out) {
  const std::string_view s = line.clean();
  if (s.empty() || s.size() > 400 || !(std::isdigit(static_cast<unsigned char>(s[0])) || s[0] == 'P' || s[0] == 'p'))
    return false;
  out = HeadingCandidate{};
  // "Punkt 4: Title" / "Pkt. 4 Title"
  const std::string lower = to_lower_latin(s.substr(0, 8));
  size_t skip = 0;
  if (starts_with(lower, "punkt ")) skip = 6;
  if (starts_with(lower, "pkt. ")) skip = 5;
  if (starts_with(lower, "pkt ")) skip = 4;
  const std::string_view rest0 = s.substr(skip);
  const size_t digits = leading_number(rest0, out.number, out.number_text);
  if (!digits || out.number == 0) return false;
  out.confidential = is_closed_heading_line(s);
  std::string_view rest = rest0.substr(digits);

  // Access marker: "3 (Offentlig) Title", "2. (Fortrolig) Grundkøb", "2 ( Fortrolig )".
  std::string_view r = trim(rest);
  if (!r.empty() && r[0] == '.') r = trim(r.substr(1));
  if (!r.empty() && r[0] == '(') {
    const size_t close = r.find(')');
    const std::string marker = close == std::string_view::npos ? "" : to_lower_latin(trim(r.substr(1, close - 1)));
    if (marker == "offentlig" || marker == "fortrolig" || marker == "fortroligt" || marker == "lukket" ||
        marker == "lukket punkt" || marker == "åben" || marker == "åbent" || marker == "ikke offentlig") {
      out.form = HeadingForm::access_marker;
      out.title = strip_dot_leaders(std::string(trim(r.substr(close + 1))), out.dot_leaders);
      return true;
    }
  }
  bool dotted = !rest.empty() && (rest[0] == '.' || rest[0] == ':' || rest[0] == ')');
  if (dotted) rest.remove_prefix(1);
  // "Punkt 2 - Title"
  std::string_view t = trim(rest);
  if (skip && (starts_with(t, "- ") || starts_with(t, "\xE2\x80\x93 "))) {
    t = trim(t.substr(t[0] == '-' ? 1 : 3));
    dotted = true;
  }
  const bool separated = rest.empty() || rest[0] == ' ';
  if (out.confidential) {
    // A closed marker always makes a (confidential) boundary; its form only
    // says how sure the layout is that this is an item heading.
    out.form =
        separated && (dotted || skip || is_structural(line)) ? HeadingForm::labelled : HeadingForm::closed_marker;
    out.label = "Lukket punkt";
    // What the public may see of it: "Punkt 21: Lukket: Køb af ejendom" -> "Køb af ejendom".
    out.prints_closed_title = publishes_closed_title(t);
    if (out.prints_closed_title) out.title = strip_dot_leaders(title_without_closed_marker(t), out.dot_leaders);
    return true;
  }
  if (!separated) return false;
  std::string title(t);
  if (title.empty()) return false;
  for (const char* label : kLabels) {
    const std::string_view l = label;
    if (starts_with(title, l) && title.size() > l.size() + 1 && title[l.size()] == ':') {
      out.form = HeadingForm::labelled;
      out.label = label;
      out.title = strip_dot_leaders(std::string(trim(std::string_view(title).substr(l.size() + 1))), out.dot_leaders);
      return dotted || skip;
    }
  }
  if (!dotted && !skip && !is_structural(line)) return false;
  // Without structure a heading starts with a capital; lower-case titles
  // count where the document marks them as headings.
  if (!is_structural(line) && !skip && !starts_with_upper_or_digit(title)) return false;
  if (is_case_id(title) || is_month_and_year(title)) return false;
  out.form = skip ? HeadingForm::labelled : HeadingForm::plain;
  out.title = strip_dot_leaders(title, out.dot_leaders);
  return !out.title.empty();
}

namespace {

bool is_toc_header(std::string_view clean) {
  if (clean.size() > 40) return false;
  std::string l = to_lower_latin(clean);
  while (!l.empty() && (l.back() == ':' || l.back() == ' ')) l.pop_back();
  return l == "indholdsfortegnelse" || l == "indhold" || l == "punkter på dagsordenen" || l == "dagsordenspunkter" ||
         l == "dagsordenpunkter" || l == "dagsorden" || l == "oversigt over punkter";
}

bool is_strong(const HeadingCandidate& c, const Line& line) {
  return c.form != HeadingForm::plain || is_structural(line);
}

// Extends a plain-text heading with the lines its title wrapped onto.
void add_title_continuation(const Lines& lines, HeadingCandidate& c) {
  const Line head = lines[c.line];
  if (head.item_row || c.confidential || c.dot_leaders) return;
  for (size_t i = c.line + 1; i < lines.size() && c.continuation_lines < 2; ++i) {
    const Line l = lines[i];
    const std::string_view text = l.clean();
    Line unmarked = l;  // a wrapped heading line is styled like a heading: judge its words
    unmarked.heading_level = 0;
    HeadingCandidate other;
    if (l.blank() || is_rule(text) || is_email(text) || text.size() > 100 || is_case_id(text) ||
        !case_id_in_line(text).empty() || l.emphasis != head.emphasis || l.heading_level != head.heading_level ||
        classify_heading(l, other) || !section_key(unmarked).empty() || text.find(':') != std::string_view::npos ||
        is_standalone_closed_marker(text))
      return;
    // "... ny 2030-" / "fremskrivning": a line that ends in a hyphen wraps
    // inside a hyphenated word, which keeps its hyphen and no space.
    if (!(ends_with(c.title, "-") && c.title.size() > 1 && c.title[c.title.size() - 2] != ' ')) c.title += " ";
    c.title += text;
    ++c.continuation_lines;
  }
}

// 1. Table-of-contents lines: dot leaders, lines after a TOC header, and
//    dense runs of headings whose numbers and titles come back later.
std::vector<bool> find_toc(const Lines& lines, const std::vector<HeadingCandidate>& all,
                           std::vector<GroupMarker>& group_of) {
  std::vector<bool> in_toc(all.size(), false);
  group_of.assign(all.size(), GroupMarker::none);
  for (size_t k = 0; k < all.size(); ++k)
    if (all[k].dot_leaders) in_toc[k] = true;
  auto first_after = [&all](size_t line) {
    return static_cast<size_t>(
        std::upper_bound(all.begin(), all.end(), line, [](size_t l, const HeadingCandidate& c) { return l < c.line; }) -
        all.begin());
  };
  for (size_t i = 0; i < lines.size(); ++i) {
    if (!is_toc_header(lines[i].clean())) continue;
    size_t k = first_after(i);
    int previous = 0;
    GroupMarker group = GroupMarker::none;
    for (size_t j = i + 1; j < lines.size(); ++j) {
      if (lines[j].blank()) continue;
      // Group headings inside it ("Åbent referat", "Lukket referat") sort
      // its entries; they do not end it.
      const GroupMarker g = group_marker(lines[j].clean());
      if (g != GroupMarker::none && !(k < all.size() && all[k].line == j)) {
        group = g;
        continue;
      }
      // The TOC ends at the first line that is not a further numbered entry.
      if (k < all.size() && all[k].line == j && all[k].number > previous) {
        previous = all[k].number;
        group_of[k] = group;
        in_toc[k++] = true;
        continue;
      }
      i = j - 1;  // the next header can only come after this one's entries
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
  std::map<int, std::vector<size_t>> by_number;  // number -> candidate indexes, ascending
  for (size_t k = 0; k < all.size(); ++k) by_number[all[k].number].push_back(k);
  for (size_t start = 0; start < all.size() && all[start].line < first_strong_line;) {
    size_t end = start + 1;
    while (end < all.size() && all[end].number == all[end - 1].number + 1) {
      size_t between = 0;
      for (size_t j = all[end - 1].line + 1; j < all[end].line && between <= 2; ++j)
        if (!lines[j].blank()) ++between;
      if (between > 2) break;
      ++end;
    }
    if (end - start >= 3) {
      // A TOC's entries come back, in order, as the body's headings.
      size_t recurring = 0;
      size_t later = end;
      for (size_t k = start; k < end && recurring < 2; ++k) {
        if (all[k].title.empty()) continue;
        const std::vector<size_t>& same = by_number[all[k].number];
        for (auto it = std::lower_bound(same.begin(), same.end(), later); it != same.end(); ++it) {
          if (headings_match(all[*it].title, all[k].title)) {
            ++recurring;
            later = *it + 1;
            break;
          }
        }
      }
      if (recurring >= 2)
        for (size_t k = start; k < end; ++k) in_toc[k] = true;
    }
    start = end;
  }
  return in_toc;
}

// A closed-marker line of its own ("Lukket punkt", "Fortrolig") closes the
// item whose heading it stands under; further down an item it ends that
// item and starts a confidential one -- at the numbered line just above it
// when there is one ("2. Salg af grund" / "Lukket punkt"), else at itself.
// So does a closed heading that no heading form accepted ("Sag nr. 2
// Lukket", "Dagsordenspunkt 2: Lukket"): it can never extend the public
// item before it.
void split_at_marker_lines(const Lines& lines, const std::vector<HeadingCandidate>& all, size_t header_end,
                           std::vector<HeadingCandidate>& items) {
  std::vector<HeadingCandidate> added;
  size_t k = 0;  // items[k - 1] is the item holding line i
  for (size_t i = header_end; i < lines.size(); ++i) {
    while (k < items.size() && items[k].line < i) ++k;
    if (k == 0 || (k < items.size() && items[k].line == i)) continue;  // before the first item, or an item heading
    std::string closed_number;
    const bool marker = is_standalone_closed_marker(lines[i].clean());
    if (!marker && !is_closed_heading_line(lines[i].clean(), &closed_number)) continue;
    HeadingCandidate& holder = items[k - 1];
    HeadingCandidate boundary;
    boundary.line = i;
    boundary.number = holder.number;
    boundary.number_text = holder.number_text;
    if (!closed_number.empty()) {
      boundary.number_text = closed_number;
      boundary.number = std::atoi(closed_number.c_str());
    }
    // The numbered line right above the marker is the closed item's heading.
    bool numbered_above = false;
    const auto above = std::lower_bound(all.begin(), all.end(), i,
                                        [](const HeadingCandidate& c, size_t line) { return c.line < line; });
    if (marker && above != all.begin()) {
      const HeadingCandidate& c = *(above - 1);
      size_t between = 0;
      for (size_t j = c.line + 1; j < i; ++j)
        if (!lines[j].blank()) ++between;
      if (c.line > holder.line && between == 0) {
        boundary = c;
        boundary.continuation_lines = 0;
        numbered_above = true;
      }
    }
    if (marker && !numbered_above) {
      size_t text_lines = 0;
      for (size_t j = holder.line + 1 + static_cast<size_t>(holder.continuation_lines); j < i; ++j)
        if (!lines[j].blank()) ++text_lines;
      if (text_lines <= 2) {  // a marker under the heading: the holder is closed (its title is printed)
        holder.confidential = true;
        continue;
      }
    }
    boundary.form = HeadingForm::closed_marker;
    boundary.confidential = true;
    if (!numbered_above) boundary.title.clear();  // a marker line alone prints no title
    added.push_back(std::move(boundary));
  }
  if (added.empty()) return;
  items.insert(items.end(), added.begin(), added.end());
  std::stable_sort(items.begin(), items.end(),
                   [](const HeadingCandidate& a, const HeadingCandidate& b) { return a.line < b.line; });
  items.erase(std::unique(items.begin(), items.end(),
                          [](const HeadingCandidate& a, const HeadingCandidate& b) { return a.line == b.line; }),
              items.end());
}

// A document without styled headings or a table of contents (plain text,
// a print in one font): numbered lines that stand alone between blank lines,
// with increasing numbers ("1. First Agenda", "1.1 Status", "3   Eventuelt"),
// or a single one heading a one-item print ("715. Kulturkommune 2017").
// Numbered lines standing alone between blank lines, judged as headings
// (their place says they are one), in line order, without regard to order.
std::vector<HeadingCandidate> standalone_numbered_lines(const Lines& lines, size_t from) {
  std::vector<HeadingCandidate> out;
  for (size_t i = from; i < lines.size(); ++i) {
    const bool alone = (i == 0 || lines[i - 1].blank()) && (i + 1 >= lines.size() || lines[i + 1].blank());
    if (!alone || lines[i].clean().size() > 150) continue;
    Line styled = lines[i];
    styled.emphasis = true;
    HeadingCandidate c;
    if (!classify_heading(styled, c) || c.confidential || c.title.empty() || c.dot_leaders) continue;
    if (!starts_with_upper_or_digit(c.title)) continue;
    c.line = i;
    c.form = HeadingForm::plain;
    out.push_back(std::move(c));
  }
  return out;
}

// Those of `candidates` whose numbers increase (no year first, no jump of
// more than 5), appended to `items`.
void append_in_number_order(const std::vector<HeadingCandidate>& candidates, std::vector<HeadingCandidate>& items) {
  std::vector<int> last_key;
  bool first = true;
  int last_number = 0;
  for (const HeadingCandidate& c : candidates) {
    const std::vector<int> key = number_key(c.number_text);
    if (first ? (c.number >= 1900 && c.number <= 2100) : (key <= last_key || c.number > last_number + 5)) continue;
    first = false;
    last_key = key;
    last_number = c.number;
    items.push_back(c);
  }
}

void accept_standalone_headings(const Lines& lines, size_t from, std::vector<HeadingCandidate>& items) {
  append_in_number_order(standalone_numbered_lines(lines, from), items);
}

// Where the layout gave no public item, numbered lines standing alone are
// the headings ("1. Godkendelse af dagsorden"). Closed headings always
// count, so a plain-text print with "3. Lukket punkt: Personalesag" has
// them too: without this its public items 1 and 2 were lost. The lines are
// taken in number order around the closed headings; what may follow a
// closed item is decided once every closed item is known
// (keep_closed_items_whole). True when it added any.
bool add_public_standalone_headings(const Lines& lines, size_t from, std::vector<HeadingCandidate>& items) {
  if (std::any_of(items.begin(), items.end(), [](const HeadingCandidate& c) { return !c.confidential; })) return false;
  std::vector<HeadingCandidate> standalone;
  accept_standalone_headings(lines, from, standalone);
  const size_t before = items.size();
  for (HeadingCandidate& c : standalone) {
    const std::vector<int> key = number_key(c.number_text);
    bool in_order = true;
    for (size_t k = 0; k < before; ++k) {
      const HeadingCandidate& closed = items[k];
      if (closed.number_text.empty()) continue;
      const std::vector<int> closed_key = number_key(closed.number_text);
      in_order = in_order && (closed.line < c.line ? closed_key < key : key < closed_key);
    }
    if (in_order) items.push_back(std::move(c));
  }
  std::sort(items.begin(), items.end(),
            [](const HeadingCandidate& a, const HeadingCandidate& b) { return a.line < b.line; });
  return items.size() > before;
}

// Failing closed where standalone lines made the public items: after a
// closed item numbered k, a standalone line opens a public item only as
// k+1, k+2, ... in turn; once a line counts again from k or below (a
// numbered list inside the closed item: "1. Baggrund", "2. Indstilling"
// under 2, whose own next line cannot be told from the next item) or skips
// a number, nothing more opens until the next closed item. After a closed
// item without a number, nothing opens. What is not opened stays closed.
void keep_closed_items_whole(const Lines& lines, size_t from, std::vector<HeadingCandidate>& items) {
  const std::vector<HeadingCandidate> candidates = standalone_numbered_lines(lines, from);
  std::vector<HeadingCandidate> kept;
  size_t cut = lines.size();  // public items from this line on are dropped (inside a closed item)
  for (size_t k = 0; k < items.size(); ++k) {
    const HeadingCandidate& item = items[k];
    if (!item.confidential) {
      if (item.line < cut) kept.push_back(item);
      continue;
    }
    kept.push_back(item);
    const size_t end = [&] {
      for (size_t j = k + 1; j < items.size(); ++j)
        if (items[j].confidential) return items[j].line;
      return lines.size();
    }();
    cut = end;
    if (item.number_text.empty()) {
      cut = item.line;
      continue;
    }
    int expected = item.number + 1;
    for (const HeadingCandidate& c : candidates) {
      if (c.line <= item.line || c.line >= end) continue;
      const std::vector<int> key = number_key(c.number_text);
      if (key.size() != 1 || key[0] != expected) {
        cut = c.line;
        break;
      }
      ++expected;
    }
  }
  items = std::move(kept);
}

}  // namespace

ItemHeadings find_item_headings(const Lines& lines) {
  std::vector<HeadingCandidate> all;
  for (size_t i = 0; i < lines.size(); ++i) {
    HeadingCandidate c;
    if (!classify_heading(lines[i], c)) continue;
    if (!c.confidential && all.size() >= kMaxCandidates) continue;
    c.line = i;
    all.push_back(std::move(c));
  }
  std::vector<GroupMarker> toc_group;
  const std::vector<bool> in_toc = find_toc(lines, all, toc_group);

  // A numbered line right under a group heading ("Lukkede sager") is an item
  // heading: the groups say this is an agenda.
  std::vector<bool> after_group(all.size(), false);
  for (size_t k = 0; k < all.size(); ++k) {
    size_t j = all[k].line;
    while (j > 0 && lines[j - 1].blank()) --j;
    after_group[k] = j > 0 && group_marker(lines[j - 1].clean()) != GroupMarker::none;
  }

  ItemHeadings result;
  size_t toc_end_line = 0;
  bool have_toc = false;
  std::map<std::string, const HeadingCandidate*> toc_by_number;
  for (size_t k = 0; k < all.size(); ++k) {
    if (!in_toc[k]) continue;
    have_toc = true;
    toc_end_line = std::max(toc_end_line, all[k].line);
    result.toc.push_back(all[k]);
    // An entry under a closed group of the contents is a closed item.
    if (toc_group[k] == GroupMarker::closed) result.toc.back().confidential = true;
    result.toc_groups.push_back(toc_group[k]);
  }
  for (const HeadingCandidate& c : result.toc) {
    auto [it, inserted] = toc_by_number.emplace(c.number_text, &c);
    if (!inserted && c.confidential) it->second = &c;  // a closed entry wins
  }

  // 2. Body headings after the TOC. Numbers of public items increase; a
  //    plain "N. Title" line counts only when the TOC lists the same item or
  //    the document marks it as a heading. Closed markers always count.
  int last = 0;
  std::vector<int> last_key;
  for (size_t k = 0; k < all.size(); ++k) {
    HeadingCandidate c = all[k];
    if (in_toc[k] || (have_toc && c.line <= toc_end_line)) continue;
    const auto toc = toc_by_number.find(c.number_text);
    if (!c.confidential && c.form != HeadingForm::access_marker) {
      // Item numbers increase (2, 2.1, 2.2, 3); a jump of more than 50 is a
      // year or an amount.
      const std::vector<int> key = number_key(c.number_text);
      // A single-item print may start at any number ("715. Kulturkommune").
      const bool first_print =
          result.items.empty() && is_strong(c, lines[c.line]) && (c.number < 1900 || c.number > 2100) &&
          starts_with_upper_or_digit(c.title) &&
          (lines[c.line].clean().find('.') == c.number_text.size() || c.form == HeadingForm::labelled);
      if (key <= last_key || (c.number > last + 50 && !first_print)) continue;
      if (!is_strong(c, lines[c.line]) && !after_group[k]) {
        if (toc == toc_by_number.end() || !headings_match(c.title, toc->second->title)) continue;
      } else if (c.form == HeadingForm::labelled && lines[c.line].indented && have_toc && toc != toc_by_number.end() &&
                 !headings_match(c.title, toc->second->title)) {
        continue;  // an indented labelled list line that is not the TOC's item
      }
    }
    // A table of contents that marks the item closed makes it closed.
    if (toc != toc_by_number.end() && toc->second->confidential) c.confidential = true;
    add_title_continuation(lines, c);
    last = std::max(last, c.number);
    if (!c.confidential) last_key = std::max(last_key, number_key(c.number_text));
    result.items.push_back(std::move(c));
  }
  const size_t body_start = have_toc ? toc_end_line + 1 : 0;
  const bool standalone = add_public_standalone_headings(lines, body_start, result.items);
  split_at_marker_lines(lines, all, have_toc ? toc_end_line : 0, result.items);
  if (standalone) keep_closed_items_whole(lines, body_start, result.items);
  return result;
}

}  // namespace sagsoeg
