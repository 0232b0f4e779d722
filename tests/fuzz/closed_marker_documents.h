// Documents built around closed markers, for the property that matters most:
// the text of a closed marker's section never reaches a public item. A seed
// picks public items, closed-marker headings composed from parts (prefix,
// number, separator, marker, title; marker before or after the title), marker
// lines under headings, closed groups, a table of contents that marks an
// item closed, repeated and restarting numbers, and noise lines. Every closed
// section carries a canary word ("kanarie"); check_closed_sections() fails
// when one appears in a public item.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "model/agenda_item.h"
#include "util/utf8.h"

namespace sagsoeg::fuzz {

class SeededChoice {
 public:
  explicit SeededChoice(uint64_t seed) : state_(seed * 6364136223846793005ULL + 1442695040888963407ULL) {}
  size_t pick(size_t n) {
    state_ ^= state_ >> 12;
    state_ ^= state_ << 25;
    state_ ^= state_ >> 27;
    return n ? static_cast<size_t>((state_ * 2685821657736338717ULL) >> 33) % n : 0;
  }
  template <size_t N>
  const char* pick(const char* const (&options)[N]) {
    return options[pick(N)];
  }

 private:
  uint64_t state_;
};

inline std::string closed_heading(SeededChoice& c, int number) {
  static const char* const prefixes[] = {"",     "",       "Punkt ",   "Pkt. ",           "## ",
                                         "### ", "PUNKT ", "Sag nr. ", "Dagsordenspunkt "};
  static const char* const suffixes[] = {"", "a", ".1", ""};
  static const char* const separators[] = {"", ".", ":", ")", " -", " \xE2\x80\x93"};
  static const char* const markers[] = {
      "(Fortrolig)", "( Fortrolig )", "(Lukket)",      "Lukket punkt", "Lukket:",  "(Lukket punkt)",  "Fortrolig",
      "FORTROLIG",   "lukket punkt",  "Lukket punkt.", "(fortroligt)", "[Lukket]", "(Ikke offentlig)"};
  static const char* const titles[] = {"", " Grundkøb", " Salg af grund ved havnen", " Personalesag"};
  static const char* const trailing[] = {"(Lukket)",     "(Lukket punkt)",         "- Lukket punkt",
                                         "(Fortrolig)",  "\xE2\x80\x93 Lukket",    "(LUKKET)",
                                         "- Lukket sag", "\xE2\x80\x93 fortroligt"};
  std::string head = std::string(c.pick(prefixes)) + std::to_string(number) + c.pick(suffixes) + c.pick(separators);
  if (c.pick(3) == 0) return head + " Grundkøb ved havnen " + c.pick(trailing);
  return head + " " + c.pick(markers) + c.pick(titles);
}

inline std::string public_heading(SeededChoice& c, int number) {
  switch (c.pick(4)) {
    case 0:
      return "# " + std::to_string(number) + " (Offentlig) Budgetopfølgning nummer " + std::to_string(number);
    case 1:
      return std::to_string(number) + ". Beslutning: Budgetopfølgning nummer " + std::to_string(number);
    case 2:
      return "Punkt " + std::to_string(number) + ": Budgetopfølgning nummer " + std::to_string(number);
    default:
      return "## " + std::to_string(number) + ". Budgetopfølgning nummer " + std::to_string(number);
  }
}

/// Noise stands in public items, so it must never look like a leak: no
/// letter k (no "kanarie" however the readers decode bytes) and no digit 3
/// (no closed section's year, 2033).
inline void defuse_canaries(std::string& noise) {
  for (char& c : noise) {
    if (c == 'k' || c == 'K') c = 'c';
    if (c == '3') c = '4';
  }
}

/// A document of public and closed items; closed text holds "kanarie".
inline std::string closed_marker_document(uint64_t seed, const std::string& noise = {}) {
  SeededChoice c(seed);
  std::string doc = "Referat fra møde i Økonomiudvalget den 3. marts 2025\n\n";
  const bool toc = c.pick(4) == 0;
  int number = 1;
  const int items = 2 + static_cast<int>(c.pick(6));
  if (toc) {
    doc += "Indholdsfortegnelse\n\n";
    for (int n = 1; n <= items; ++n)
      doc += std::to_string(n) + (n == 2 ? " (Fortrolig) Grundkøb ved havnen" : " (Offentlig) Budgetopfølgning") +
             " ..... " + std::to_string(n + 2) + "\n";
    doc += "\n";
  }
  for (int k = 0; k < items; ++k, ++number) {
    const std::string canary = "kanarie" + std::to_string(k) + " fortroligt grundkøb den 4. april 2033";
    const size_t kind = c.pick(toc && number == 2 ? 1 : 6);
    if (!noise.empty() && c.pick(3) == 0) doc += noise + "\n\n";
    if (toc && number == 2) {
      doc += "2. Grundkøb ved havnen\n\n" + canary + "\n\n";
    } else if (kind == 0 || kind == 1) {
      // A closed heading; its number may repeat, restart or jump.
      const int n = c.pick(4) == 0 ? static_cast<int>(c.pick(3)) + 1 : c.pick(5) == 0 ? number + 40 : number;
      doc += closed_heading(c, n) + "\n\n" + canary + "\n\nSagsfremstilling\n" + canary + "\n\n";
    } else if (kind == 2) {
      static const char* const lines[] = {"Lukket punkt",  "Fortroligt",       "(Lukket)",
                                          "Fortrolig",     "Lukket: Grundkøb", "LUKKET PUNKT",
                                          "Fortrolig sag", "(Lukket punkt)",   "Sagen behandles for lukkede døre."};
      doc += std::to_string(number) + ". Grundkøb ved havnen\n" + c.pick(lines) + "\n\n" + canary + "\n\n";
    } else if (kind == 3) {
      static const char* const groups[] = {"Lukkede sager", "Lukket dagsorden", "## Lukkede punkter"};
      doc += std::string(c.pick(groups)) + "\n\n" + std::to_string(number) + ". Grundkøb ved havnen\n\n" + canary +
             "\n\nÅbne sager\n\n";
    } else {
      doc += public_heading(c, number) +
             "\n\nSagsfremstilling\nOffentlig tekst om budgettet.\n\nBeslutning\nGodkendt.\n\n";
    }
  }
  return doc;
}

/// True when no public item holds a canary, in any field.
inline bool closed_sections_stay_closed(const std::vector<AgendaItem>& items) {
  for (const AgendaItem& item : items) {
    if (item.is_confidential()) {
      // Only the title its heading prints may show, never text.
      if (!item.full_text().empty() || !item.sections.empty() || !item.contact.empty()) return false;
      if (to_lower_latin(item.title).find("kanarie") != std::string::npos) return false;
      continue;
    }
    std::string all = item.title + " " + item.full_text() + " " + item.contact + " " + item.meta.date;
    for (const auto& r : item.case_refs) all += " " + r;
    if (to_lower_latin(all).find("kanarie") != std::string::npos) return false;
    if (item.meta.date == "2033-04-04") return false;  // a date from a closed body
  }
  return true;
}

}  // namespace sagsoeg::fuzz
