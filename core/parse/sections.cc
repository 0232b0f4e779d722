#include "parse/sections.h"

#include <utility>

#include "parse/danish_date.h"
#include "util/utf8.h"

namespace sagsoeg {

namespace {

// Known headings (lower case, without trailing colon) -> canonical key. The
// list is the family's vocabulary; an unknown ALL-CAPS line is a section too.
const std::pair<std::string_view, const char*> kHeadings[] = {
    {"resumé", "resume"},
    {"sammendrag", "resume"},
    {"kort sammendrag", "resume"},
    {"resume", "resume"},
    {"sammenfatning", "resume"},
    {"kort resumé", "resume"},
    {"indstilling", "indstilling"},
    {"indstillinger", "indstilling"},
    {"forslag til beslutning", "indstilling"},
    {"administrationens indstilling", "indstilling"},
    {"direktionens indstilling", "indstilling"},
    {"forvaltningens indstilling", "indstilling"},
    {"indstilling fra administrationen", "indstilling"},
    {"beslutningspunkter", "indstilling"},
    {"sagsforløb", "sagsforloeb"},
    {"tidligere behandling", "tidligere_behandling"},
    {"tidligere beslutninger", "tidligere_behandling"},
    {"sagsfremstilling", "sagsfremstilling"},
    {"sagsbeskrivelse", "sagsfremstilling"},
    {"sagens indhold", "sagsfremstilling"},
    {"baggrund", "baggrund"},
    {"økonomi", "okonomi"},
    {"økonomiske konsekvenser", "okonomi"},
    {"økonomi og finansiering", "okonomi"},
    {"sekretariatets bemærkninger", "bemaerkninger"},
    {"kommunikation", "kommunikation"},
    {"konsekvenser", "konsekvenser"},
    {"beslutninger", "decision"},
    {"beslutning", "decision"},
    {"politisk behandling", "decision"},
    {"udvalgets beslutning", "decision"},
    {"afgørelse", "decision"},
    {"beslutningsprotokol", "decision"},
    {"bilag", "bilag"},
    {"bilagsfortegnelse", "bilag"},
    {"bilagsliste", "bilag"},
    {"politisk beslutningsproces", "beslutningsproces"},
    {"videre proces", "beslutningsproces"},
    {"direktørpåtegning og kontaktperson", "kontakt"},
    {"kontaktperson", "kontakt"},
    {"journalnummer", "journalnummer"},
    {"journalnr.", "journalnummer"},
    {"sagsnummer", "journalnummer"},
    {"sagsnr.", "journalnummer"},
    {"lovgrundlag", "lovgrundlag"},
    {"retsgrundlag", "lovgrundlag"},
    {"tidsplan", "tidsplan"},
    {"høring", "hoering"},
    {"risikovurdering", "risiko"},
    {"punktet behandlet tidligere", "tidligere_behandling"},
    {"beslutningen træffes af", "kompetence"},
    {"sagen afgøres af", "kompetence"},
    {"beslutningskompetence", "kompetence"},
    {"præsentation", "resume"},
    {"forvaltningen foreslår", "indstilling"},
    {"forvaltningens forslag", "indstilling"},
    {"fremstilling", "sagsfremstilling"},
    {"supplerende sagsfremstilling", "sagsfremstilling"},
    {"økonomiske konsekvenser og finansiering", "okonomi"},
    {"økonomi og organisatoriske konsekvenser", "okonomi"},
};

const char* lookup(std::string_view lower) {
  for (const auto& h : kHeadings)
    if (lower == h.first) return h.second;
  return nullptr;
}

// An upper-case heading such as "BAGGRUND" or "DIREKTØRPÅTEGNING OG KONTAKTPERSON".
bool is_all_caps_heading(std::string_view s) {
  if (s.size() > 60) return false;
  size_t letters = 0;
  size_t pos = 0;
  while (pos < s.size()) {
    const uint32_t cp = next_code_point(s, pos);
    if (is_upper_letter(cp)) {
      ++letters;
    } else if (cp != ' ' && cp != '-' && cp != '/' && cp != '&' && cp != ':') {
      return false;
    }
  }
  return letters >= 5;
}

std::string capitalise(std::string s) {
  if (!s.empty() && s[0] >= 'a' && s[0] <= 'z') s[0] = static_cast<char>(s[0] - 32);
  if (s.size() >= 2 && static_cast<unsigned char>(s[0]) == 0xC3 && static_cast<unsigned char>(s[1]) >= 0xA0 &&
      static_cast<unsigned char>(s[1]) <= 0xBE)
    s[1] = static_cast<char>(s[1] - 0x20);  // æ ø å -> Æ Ø Å
  return s;
}

// The words a deciding body's name ends with: "Økonomiudvalget",
// "Regionsrådet", "Kommunalbestyrelsen", "Byrådet", "Forretningsudvalget".
bool names_a_body(std::string_view lower) {
  for (const char* end : {"udvalget", "udvalg", "rådet", "råd", "bestyrelsen", "bestyrelse", "forum", "nævnet",
                          "komitéen", "komiteen", "direktionen", "forsamlingen", "mødet"})
    if (ends_with(lower, end)) return true;
  return false;
}

// "beslutning i økonomiudvalget den 12-11-2024", "økonomiudvalgets beslutning
// den 03.03.2025", "regionsrådets beslutning", "beslutning den 3. marts 2025".
bool read_decision_heading(std::string_view lower, std::string_view original, SectionHeading& out) {
  std::string_view body, rest;
  const size_t b = lower.find("beslutning");
  if (b == std::string_view::npos || lower.size() > 120) return false;
  if (b == 0) {
    std::string_view after = lower.substr(10);
    if (starts_with(after, "er")) after.remove_prefix(2);  // "Beslutninger i ..."
    if (starts_with(after, " i ")) {
      const size_t den = after.find(" den ");
      body = original.substr(b + (lower.size() - after.size()) + 3,
                             den == std::string_view::npos ? std::string_view::npos : den - 3);
      rest = den == std::string_view::npos ? std::string_view() : after.substr(den + 5);
    } else if (starts_with(after, " den ")) {
      rest = after.substr(5);
    } else {
      return false;
    }
  } else {
    // "<body>s beslutning [den <date>]"
    std::string_view owner = lower.substr(0, b);
    if (!ends_with(owner, "s ")) return false;
    owner.remove_suffix(2);
    if (!names_a_body(owner)) return false;
    body = original.substr(0, owner.size());
    std::string_view after = lower.substr(b + 10);
    if (!after.empty() && !starts_with(after, " den ") && !starts_with(after, " d. ")) return false;
    if (!after.empty()) rest = after.substr(after[1] == 'd' && after[2] == 'e' ? 5 : 4);
  }
  out.key = "decision";
  std::string name(trim(body));
  // "UDVALGETS BESLUTNING" and "Udvalgets beslutning" name this meeting's own committee.
  if (to_lower_latin(name) == "udvalget" || to_lower_latin(name) == "udvalg") name.clear();
  if (is_all_caps_heading(name)) name = capitalise(to_lower_latin(name));
  out.body = name;
  out.date = parse_date_prefix(rest);
  return true;
}

}  // namespace

namespace {

// A caption the source states is a section whatever it says: a known
// heading gets its canonical key, a decision heading its body and date, any
// other caption keeps its own name, and an empty one starts untitled text.
SectionHeading read_caption(std::string_view s) {
  SectionHeading out;
  // A paragraph marked up as a heading (a whole sentence in <h2>) is text.
  if (s.size() > 150) return out;
  std::string lower = to_lower_latin(trim(s));
  while (!lower.empty() && (lower.back() == ':' || lower.back() == ' ')) lower.pop_back();
  if (lower.empty()) {
    out.key = "text";
    return out;
  }
  if (const char* key = lookup(lower)) {
    out.key = key;
    return out;
  }
  if (starts_with(lower, "bilag:")) {  // an attachment's own text under its name (eDoc)
    out.key = "bilagstekst";
    return out;
  }
  if (lower.size() <= 120 && read_decision_heading(lower, trim(s).substr(0, lower.size()), out)) return out;
  out.key = lower.size() <= 80 ? lower : lower.substr(0, 80);
  return out;
}

}  // namespace

SectionHeading read_section_heading(const Line& line, bool at_paragraph_start) {
  if (line.caption) return read_caption(line.clean());
  SectionHeading out;
  const std::string_view s = line.clean();
  if (s.empty() || s.size() > 120) return out;
  const std::string lower = to_lower_latin(s);
  std::string_view stripped = lower;
  while (!stripped.empty() && (stripped.back() == ':' || stripped.back() == ' ')) stripped.remove_suffix(1);
  if (const char* key = lookup(stripped)) {
    out.key = key;
    return out;
  }
  if (read_decision_heading(stripped, s.substr(0, stripped.size()), out)) return out;
  if (is_all_caps_heading(s)) {
    out.key = std::string(stripped);  // unknown upper-case heading keeps its own name
    return out;
  }
  // "Bilag: Byggeprogram" over an attachment's own text (eDoc exports).
  if (line.heading_level > 0 && starts_with(lower, "bilag:")) {
    out.key = "bilagstekst";
    return out;
  }
  // A heading the document itself marks (Markdown, HTML, a larger font).
  if (line.heading_level > 0 && s.size() <= 80 && s.back() != '.') {
    out.key = std::string(stripped);
    return out;
  }
  // "Beslutning: Godkendt." -- heading and text on one line, at the start of
  // a paragraph only.
  const size_t colon = lower.find(':');
  if (at_paragraph_start && colon != std::string::npos && colon + 1 < lower.size()) {
    if (const char* key = lookup(std::string_view(lower).substr(0, colon))) {
      out.key = key;
      out.inline_text = std::string(trim(s.substr(colon + 1)));
    }
  }
  return out;
}

std::string section_key(const Line& line) {
  return read_section_heading(line).key;
}

}  // namespace sagsoeg
