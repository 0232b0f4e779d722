// Procedural agenda items ("Godkendelse af dagsorden", "Eventuelt",
// "Meddelelser fra formanden"): the meeting's own business. Every meeting
// has them, so their words say nothing about a matter; "Lignende sager"
// leaves them out for a substantive item. The titles are data
// (data/procedural_titles.txt).
#pragma once

#include <string_view>

namespace sagsoeg {

/// True when `title` is one of the listed titles, or begins with one and
/// is at most eight words long.
bool is_procedural_title(std::string_view title);

}  // namespace sagsoeg
