// THE place for the signs that an item is closed (or open), so that every
// layout fails closed the same way:
//  - a closed marker in a heading: "2 (Fortrolig)", "2. (Fortrolig) Grundkøb",
//    "## 2 Lukket punkt", "Punkt 2 - Lukket punkt", "2 ( Fortrolig )",
//    "2a (Fortrolig)", "Punkt 3: Lukket: Salg", "Salg af grund (Lukket punkt)";
//  - a marker line of its own: "Lukket punkt", "Fortrolig", "Fortroligt",
//    "(Lukket)", "Lukket: Salg af grund";
//  - a group: "Lukkede sager", "Lukket dagsorden" ... until "Åbne sager".
// Markers are whole words: "Fortrolighed" and "lukketid" are not markers.
#pragma once

#include <string>
#include <string_view>

namespace sagsoeg {

/// A heading-like line (item number first, optionally after "Punkt"/"Pkt."
/// or Markdown marks) with a closed marker after the number or in the
/// title's parentheses / at its end. `number` receives the number as printed.
bool is_closed_heading_line(std::string_view clean, std::string* number = nullptr);

/// A line that is nothing but a closed marker (or "Lukket: <title>").
bool is_standalone_closed_marker(std::string_view clean);

enum class GroupMarker { none, open, closed };
/// "Lukkede sager", "Lukket dagsorden", "Lukkede punkter", "Lukket møde",
/// "Fortrolige punkter" -> closed; "Åbne sager", "Åben dagsorden", ... -> open.
GroupMarker group_marker(std::string_view clean);

/// True when `lower` (lower case) starts with a closed marker word:
/// fortrolig(t/e), lukket, "ikke offentlig(t)".
bool starts_with_closed_word(std::string_view lower);

/// True when a title (lower case) carries a closed marker in parentheses or
/// brackets, or ends with one ("... - lukket punkt").
bool title_has_closed_marker(std::string_view lower_title);

/// True when an item title as a source states it carries a closed marker:
/// "Lukket: Køb af ejendom", "Lukket punkt - Salg", "(Fortrolig) Grundkøb",
/// "Salg af grund (lukket punkt)".
bool title_marks_closed(std::string_view title);

/// True for the one form in which publishers print a closed item's title
/// for the public: FirstAgenda's "Lukket: Køb af landbrugsejendom". Other
/// closed headings ("(Fortrolig) Grundkøb", a title under "Lukkede sager")
/// keep their title to themselves.
bool publishes_closed_title(std::string_view title);

/// The title without its closed marker, as the public may see it:
/// "Lukket: Køb af landbrugsejendom" -> "Køb af landbrugsejendom". A title
/// that is nothing but a marker ("Lukket punkt") gives "".
std::string title_without_closed_marker(std::string_view title);

}  // namespace sagsoeg
