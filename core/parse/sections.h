// Section headings inside an agenda item (Resumé, Indstilling, INDSTILLING,
// Beslutninger:, POLITISK BEHANDLING, Bilag, ...) and their canonical keys.
#pragma once

#include <string>

#include "parse/line.h"

namespace sagsoeg {

/// Canonical key of a section heading line ("resume", "indstilling",
/// "sagsfremstilling", "decision", "bilag", "journalnummer", ...), or "" when
/// the line is not a section heading. A known heading may carry its text on
/// the same line ("Beslutning: Godkendt."); `inline_text` receives it.
std::string section_key(const Line& line, std::string* inline_text = nullptr);

/// Human heading for a canonical key, used when a section had none.
std::string section_display_name(const std::string& key);

}  // namespace sagsoeg
