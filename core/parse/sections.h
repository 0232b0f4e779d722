// Section headings inside an agenda item (Resumé, Indstilling, INDSTILLING,
// Beslutninger:, POLITISK BEHANDLING, Bilag, ...) and their canonical keys,
// including decision headings that name a body and a date:
// "Beslutning i Økonomiudvalget den 12-11-2024", "Økonomiudvalgets
// beslutning den 03.03.2025", "FORRETNINGSUDVALGETS BESLUTNING".
#pragma once

#include <string>

#include "parse/line.h"

namespace sagsoeg {

struct SectionHeading {
  std::string key;          ///< canonical key, "" when the line is no heading
  std::string inline_text;  ///< "Beslutning: Godkendt." -> "Godkendt."
  std::string body;         ///< decisions: the deciding body, if named
  std::string date;         ///< decisions: YYYY-MM-DD, if named
};

/// The section a heading line starts. `at_paragraph_start` is false for a
/// line that continues a paragraph: "Beslutning: at ..." there is part of
/// the proposal's text, not a decision.
SectionHeading read_section_heading(const Line& line, bool at_paragraph_start = true);

/// Canonical key of a section heading line, or "" (see read_section_heading).
std::string section_key(const Line& line);

}  // namespace sagsoeg
