#include "parse/item_body.h"

#include <algorithm>
#include <cctype>

#include "parse/access_markers.h"
#include "parse/case_id.h"
#include "parse/line.h"
#include "parse/sections.h"
#include "util/utf8.h"

namespace sagsoeg {

namespace {

// Strips "1. ", "Bilag 3: ", "- " from an attachment line.
std::string attachment_title(std::string s) {
  if (starts_with(s, "- ")) s.erase(0, 2);
  std::string lower = to_lower_latin(s.substr(0, 6));
  if (starts_with(lower, "bilag ")) {
    size_t colon = s.find(':');
    if (colon != std::string::npos && colon < 12) s.erase(0, colon + 1);
  } else {
    size_t i = 0;
    while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i]))) ++i;
    if (i > 0 && i < s.size() && (s[i] == '.' || s[i] == ')')) s.erase(0, i + 1);
  }
  return std::string(trim(s));
}

// What exports print in a field that has no content.
bool is_empty_field(const std::string& text) {
  const std::string t = to_lower_latin(trim(text));
  return t.empty() || t == "tomt indhold";
}

// "Ingen" or "Ingen bilag" under "Bilag": there are none.
bool is_no_attachments(std::string_view line) {
  std::string l = to_lower_latin(trim(line));
  while (!l.empty() && (l.back() == '.' || l.back() == ' ')) l.pop_back();
  return l == "ingen" || l == "ingen bilag" || l == "-";
}

void add_unique(std::vector<std::string>& v, const std::string& s) {
  if (std::find(v.begin(), v.end(), s) == v.end()) v.push_back(s);
}

}  // namespace

void read_item_body(const Lines& lines, size_t begin, size_t end, AgendaItem& item) {
  // Section boundaries.
  struct Mark {
    size_t line;
    SectionHeading heading;
  };
  std::vector<Mark> marks;
  bool paragraph_start = true;
  bool in_stated_field = false;  // after a caption the source states, its field's text is text
  const bool closed = item.is_confidential();
  for (size_t i = begin; i < end; ++i) {
    const Line l = lines[i];
    in_stated_field = in_stated_field || l.caption;
    // Under "Bilag" a plain line is an attachment's name, even one that
    // reads like a heading ("Indstilling"), unless text follows it on the
    // very next line as a section's would; a styled line ends the list.
    const bool in_attachment_list = !marks.empty() && marks.back().heading.key == "bilag";
    const bool text_follows = i + 1 < end && !lines[i + 1].blank();
    if (in_attachment_list && !l.caption && l.heading_level == 0 && !l.emphasis && !l.blank() && !text_follows) {
      paragraph_start = false;
      continue;
    }
    // Within a stated field, a bold "Beslutning" is the case text quoting a
    // decision, not a section of this item: only captions divide fields.
    // A closed marker line ("Lukket", set as a heading) says what the item is, not where a section starts.
    const bool marker = !l.caption && is_standalone_closed_marker(l.clean());
    SectionHeading h =
        (in_stated_field && !l.caption) || marker ? SectionHeading{} : read_section_heading(l, paragraph_start);
    // Inside the recommendation, "Beslutning: at ..." is the proposal's text.
    if (!l.caption && !h.key.empty() && !h.inline_text.empty() && !marks.empty() &&
        marks.back().heading.key == "indstilling")
      h.key.clear();
    if (!h.key.empty()) marks.push_back({i, std::move(h)});
    paragraph_start = l.blank() || l.heading_level > 0;
    if (closed && !marks.empty()) break;  // a closed item's head is all that is read
  }
  const size_t head_end = marks.empty() ? end : marks.front().line;

  // Own case ID: near the top of the head (the lines between heading and
  // first section), then under a JOURNALNUMMER/Sagsnummer heading.
  for (size_t i = begin; i < head_end && item.case_id.empty() && i < begin + 24; ++i)
    item.case_id = case_id_in_line(lines[i].clean());
  if (closed) return;  // nothing of a closed item's text is kept
  for (size_t m = 0; m < marks.size() && item.case_id.empty(); ++m) {
    if (marks[m].heading.key != "journalnummer") continue;
    if (!marks[m].heading.inline_text.empty()) item.case_id = case_id_in_line(marks[m].heading.inline_text);
    const size_t stop = m + 1 < marks.size() ? marks[m + 1].line : end;
    for (size_t i = marks[m].line + 1; i < stop && item.case_id.empty(); ++i)
      if (!lines[i].blank()) item.case_id = case_id_in_line(lines[i].clean());
  }

  // Head: a short contact block, or (in layouts without one) plain text.
  std::vector<std::string_view> head;  // the first four lines: a contact block has at most three
  for (size_t i = begin; i < head_end && head.size() < 4; ++i) {
    const std::string_view c = lines[i].clean();
    if (c.empty() || is_rule(c) || (!item.case_id.empty() && case_id_in_line(c) == item.case_id)) continue;
    head.push_back(c);
  }
  const bool head_is_contact = !marks.empty() && head.size() <= 3 &&
                               std::all_of(head.begin(), head.end(), [](std::string_view h) { return h.size() < 80; });
  if (head_is_contact) {
    for (std::string_view h : head) {
      if (!item.contact.empty()) item.contact += "; ";
      item.contact += h;
    }
  } else if (!head.empty()) {
    item.sections.push_back({"text", "", join_paragraphs(lines, begin, head_end), "", ""});
  }

  for (size_t m = 0; m < marks.size(); ++m) {
    const size_t stop = m + 1 < marks.size() ? marks[m + 1].line : end;
    const SectionHeading& h = marks[m].heading;
    Section s;
    s.name = h.key;
    std::string heading(lines[marks[m].line].clean());
    if (!h.inline_text.empty()) heading = heading.substr(0, heading.find(':') + 1);
    s.heading = std::string(trim(heading));
    s.text = join_paragraphs(lines, marks[m].line + 1, stop);
    if (!h.inline_text.empty()) s.text = h.inline_text + (s.text.empty() ? "" : "\n\n" + s.text);
    s.body = h.body;
    s.date = h.date;
    if (s.name == "kontakt" && item.contact.empty()) item.contact = s.text;
    if (s.name == "bilag") {
      for (size_t i = marks[m].line + 1; i < stop; ++i)
        if (!lines[i].blank() && !is_rule(lines[i].clean()) && !is_no_attachments(lines[i].clean()))
          item.attachments.push_back({attachment_title(std::string(lines[i].clean())), std::string(lines.href(i))});
    }
    // An export's empty field ("Beslutning" before the meeting, "Tomt
    // indhold") is no section: it would read as a decision without text.
    if (lines[marks[m].line].caption && is_empty_field(s.text)) continue;
    item.sections.push_back(std::move(s));
  }

  for (size_t i = begin; i < end; ++i)
    for (const std::string& id : find_case_ids(lines[i].clean()))
      if (id != item.case_id) add_unique(item.case_refs, id);
}

std::string infer_item_type(const char* label, std::string& title, const AgendaItem& item) {
  auto from_word = [](const std::string& lower) -> std::string {
    if (starts_with(lower, "orientering")) return "orientering";
    if (starts_with(lower, "drøftelse") || starts_with(lower, "temadrøftelse")) return "drøftelse";
    if (starts_with(lower, "beslutning") || starts_with(lower, "godkendelse")) return "beslutning";
    return {};
  };
  if (label) {
    std::string t = from_word(to_lower_latin(label));
    if (!t.empty()) return t;
  }
  // "Title (Orientering)": the suffix is a type marker, not part of the title.
  if (ends_with(title, ")")) {
    const size_t open = title.rfind('(');
    if (open != std::string::npos) {
      std::string t = from_word(to_lower_latin(title.substr(open + 1, title.size() - open - 2)));
      if (!t.empty()) {
        title = std::string(trim(title.substr(0, open)));
        return t;
      }
    }
  }
  std::string t = from_word(to_lower_latin(title));
  if (!t.empty()) return t;
  if (const Section* s = item.section("indstilling")) {
    const std::string lower = to_lower_latin(s->text);
    if (lower.find("til efterretning") != std::string::npos || lower.find("til orientering") != std::string::npos)
      return "orientering";
    if (lower.find("drøfte") != std::string::npos) return "drøftelse";
    if (lower.find("godkend") != std::string::npos || lower.find("beslutte") != std::string::npos ||
        lower.find("tiltræde") != std::string::npos || lower.find("bevilge") != std::string::npos)
      return "beslutning";
  }
  return {};
}

}  // namespace sagsoeg
