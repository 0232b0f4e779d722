#include "parse/item_body.h"

#include <algorithm>
#include <cctype>

#include "parse/case_id.h"
#include "parse/sections.h"
#include "util/utf8.h"

namespace sagsoeg {

namespace {

// "Sags ID: EMN-2024-01215", "Sagsnr.: 24077452", "EMN-2024-01240" -> the ID.
std::string own_case_id_in_line(const std::string& clean) {
  std::string_view s = clean;
  static const char* const labels[] = {"sags id", "sagsid", "sags-id", "sagsnr.",    "sagsnr",        "sagsnummer",
                                       "j.nr.",   "j. nr.", "jnr.",    "journalnr.", "journalnummer", "sag nr."};
  const std::string lower = to_lower_latin(s.substr(0, std::min<size_t>(s.size(), 16)));
  for (const char* label : labels) {
    if (starts_with(lower, label)) {
      s.remove_prefix(std::string_view(label).size());
      while (!s.empty() && (s.front() == ':' || s.front() == ' ')) s.remove_prefix(1);
      break;
    }
  }
  s = trim(s);
  if (is_case_id(s) || is_journal_number(s)) return std::string(s);
  return {};
}

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

void add_unique(std::vector<std::string>& v, const std::string& s) {
  if (std::find(v.begin(), v.end(), s) == v.end()) v.push_back(s);
}

}  // namespace

void read_item_body(const std::vector<Line>& lines, size_t begin, size_t end, AgendaItem& item) {
  // Section boundaries.
  struct Mark {
    size_t line;
    std::string key;
    std::string inline_text;
  };
  std::vector<Mark> marks;
  for (size_t i = begin; i < end; ++i) {
    std::string inline_text;
    std::string key = section_key(lines[i], &inline_text);
    if (!key.empty()) marks.push_back({i, key, inline_text});
  }
  const size_t head_end = marks.empty() ? end : marks.front().line;

  // Own case ID: in the head (the lines between heading and first section),
  // then under a JOURNALNUMMER/Sagsnummer heading, then a "Sags ID:" line.
  for (size_t i = begin; i < head_end && item.case_id.empty(); ++i) item.case_id = own_case_id_in_line(lines[i].clean);
  for (size_t m = 0; m < marks.size() && item.case_id.empty(); ++m) {
    if (marks[m].key != "journalnummer") continue;
    if (!marks[m].inline_text.empty()) item.case_id = own_case_id_in_line(marks[m].inline_text);
    const size_t stop = m + 1 < marks.size() ? marks[m + 1].line : end;
    for (size_t i = marks[m].line + 1; i < stop && item.case_id.empty(); ++i)
      if (!lines[i].blank()) item.case_id = own_case_id_in_line(lines[i].clean);
  }
  if (item.is_confidential()) return;  // nothing of a closed item's text is kept

  // Head: a short contact block, or (in layouts without one) plain text.
  std::vector<std::string> head;
  for (size_t i = begin; i < head_end; ++i) {
    const std::string& c = lines[i].clean;
    if (c.empty() || is_rule(c) || (!item.case_id.empty() && own_case_id_in_line(c) == item.case_id)) continue;
    head.push_back(c);
  }
  const bool head_is_contact =
      !marks.empty() && head.size() <= 3 &&
      std::all_of(head.begin(), head.end(), [](const std::string& h) { return h.size() < 80; });
  if (head_is_contact) {
    for (const std::string& h : head) item.contact += (item.contact.empty() ? "" : "; ") + h;
  } else if (!head.empty()) {
    item.sections.push_back({"text", "", join_paragraphs(lines, begin, head_end)});
  }

  for (size_t m = 0; m < marks.size(); ++m) {
    const size_t stop = m + 1 < marks.size() ? marks[m + 1].line : end;
    Section s;
    s.name = marks[m].key;
    std::string heading = lines[marks[m].line].clean;
    if (!marks[m].inline_text.empty()) heading = heading.substr(0, heading.find(':') + 1);
    s.heading = std::string(trim(heading));
    s.text = join_paragraphs(lines, marks[m].line + 1, stop);
    if (!marks[m].inline_text.empty()) s.text = marks[m].inline_text + (s.text.empty() ? "" : "\n\n" + s.text);
    if (s.name == "kontakt" && item.contact.empty()) item.contact = s.text;
    if (s.name == "bilag") {
      for (size_t i = marks[m].line + 1; i < stop; ++i)
        if (!lines[i].blank() && !is_rule(lines[i].clean)) item.attachments.push_back(attachment_title(lines[i].clean));
    }
    // Repeated decision headings (rare) are merged into the first.
    Section* existing = nullptr;
    for (Section& e : item.sections)
      if (e.name == s.name && s.name == "decision") existing = &e;
    if (existing) {
      if (!s.text.empty()) existing->text += "\n\n" + s.text;
    } else {
      item.sections.push_back(std::move(s));
    }
  }

  for (size_t i = begin; i < end; ++i)
    for (const std::string& id : find_case_ids(lines[i].clean))
      if (id != item.case_id) add_unique(item.case_refs, id);
}

std::string infer_item_type(const std::string& label, std::string& title, const AgendaItem& item) {
  auto from_word = [](const std::string& lower) -> std::string {
    if (starts_with(lower, "orientering")) return "orientering";
    if (starts_with(lower, "drøftelse") || starts_with(lower, "temadrøftelse")) return "drøftelse";
    if (starts_with(lower, "beslutning") || starts_with(lower, "godkendelse")) return "beslutning";
    return {};
  };
  if (!label.empty()) {
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
