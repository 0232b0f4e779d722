// UTF-8 helpers used by the readers and the parsers. No Xapian here: the
// parsers must stay independent of the index.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace sagsoeg {

/// True if `s` is well-formed UTF-8 (no overlongs, no surrogates).
bool is_valid_utf8(std::string_view s);

/// Windows-1252 (a superset of the printable Latin-1 range) to UTF-8.
std::string cp1252_to_utf8(std::string_view s);

/// Appends the UTF-8 encoding of code point `cp` to `out`.
void append_utf8(std::string& out, uint32_t cp);

/// `s` safe to print on a terminal or in a log: control characters (C0
/// except tab, and newline where `keep_newlines`; DEL; C1 such as the CSI
/// 0x9B) and bytes that are not UTF-8 written as visible escapes ("\x1b",
/// "\u009b"), so that a file name or title cannot move a cursor, recolour
/// a terminal or forge a line.
std::string escape_controls(std::string_view s, bool keep_newlines = false);

/// Decodes the code point at `pos` and advances `pos`; invalid bytes yield
/// U+FFFD and advance by one.
uint32_t next_code_point(std::string_view s, size_t& pos);

/// Lower-cases ASCII and the Latin-1 letters Danish uses (Æ Ø Å É Ü ...).
std::string to_lower_latin(std::string_view s);

/// True if the code point is an upper-case letter (ASCII or Latin-1).
bool is_upper_letter(uint32_t cp);
/// True if the code point is a letter (ASCII or Latin-1 / Latin Extended-A).
bool is_letter(uint32_t cp);

std::string_view trim(std::string_view s);
/// Collapses runs of spaces/tabs/NBSP into one space and trims.
std::string collapse_spaces(std::string_view s);
bool starts_with(std::string_view s, std::string_view prefix);
bool ends_with(std::string_view s, std::string_view suffix);
/// Splits on '\n', removing a trailing '\r' from each line.
std::vector<std::string_view> split_lines(std::string_view text);
/// The space- or tab-separated words of `text`.
std::vector<std::string_view> split_words(std::string_view text);

}  // namespace sagsoeg
