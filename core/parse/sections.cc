#include "parse/sections.h"

#include <utility>

#include "util/utf8.h"

namespace sagsoeg {

namespace {

// Known headings (lower case, without trailing colon) -> canonical key. The
// list is the family's vocabulary; an unknown ALL-CAPS line is a section too.
const std::pair<const char*, const char*> kHeadings[] = {
    {"resumé", "resume"},
    {"resume", "resume"},
    {"sammenfatning", "resume"},
    {"kort resumé", "resume"},
    {"indstilling", "indstilling"},
    {"indstillinger", "indstilling"},
    {"forslag til beslutning", "indstilling"},
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
};

const char* lookup(const std::string& lower) {
  for (const auto& h : kHeadings)
    if (lower == h.first) return h.second;
  return nullptr;
}

// An upper-case heading such as "BAGGRUND" or "DIREKTØRPÅTEGNING OG KONTAKTPERSON".
bool is_all_caps_heading(const std::string& s) {
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

}  // namespace

std::string section_key(const Line& line, std::string* inline_text) {
  const std::string& s = line.clean;
  if (s.empty() || s.size() > 80) return {};
  std::string lower = to_lower_latin(s);
  std::string stripped = lower;
  while (!stripped.empty() && (stripped.back() == ':' || stripped.back() == ' ')) stripped.pop_back();
  if (const char* key = lookup(stripped)) return key;
  if (is_all_caps_heading(s)) return stripped;  // unknown upper-case heading keeps its own name
  // "Beslutning: Godkendt." -- heading and text on one line.
  const size_t colon = lower.find(':');
  if (colon != std::string::npos && colon + 1 < lower.size()) {
    if (const char* key = lookup(lower.substr(0, colon))) {
      if (inline_text) *inline_text = std::string(trim(std::string_view(s).substr(colon + 1)));
      return key;
    }
  }
  return {};
}

std::string section_display_name(const std::string& key) {
  for (const auto& h : kHeadings)
    if (key == h.second) {
      std::string name = h.first;
      if (!name.empty() && name[0] >= 'a' && name[0] <= 'z') name[0] = static_cast<char>(name[0] - 32);
      return name;
    }
  return key;
}

}  // namespace sagsoeg
