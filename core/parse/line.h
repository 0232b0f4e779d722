// A document as lines, each with its decorations removed: Markdown heading
// marks, bold/italic, <b> tags from PDF exports, link syntax, stray spaces.
// All layout parsers work on these cleaned lines.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace sagsoeg {

struct Line {
  std::string_view raw;
  std::string clean;      ///< decorations removed, spaces collapsed, trimmed
  int heading_level = 0;  ///< number of leading '#' (Markdown), 0 if none
  int indent = 0;         ///< leading spaces of the raw line
  bool blank() const { return clean.empty(); }
};

/// Cleans one raw line (see Line::clean).
Line make_line(std::string_view raw);

std::vector<Line> make_lines(std::string_view text);

/// True for Markdown rules such as "---" or "***".
bool is_rule(const std::string& clean);

/// True for a line holding only an e-mail address.
bool is_email(std::string_view s);

/// Lower-case words (letters only, 3+ characters) of a heading, for fuzzy
/// comparison of a table-of-contents entry with the body heading.
std::vector<std::string> heading_words(std::string_view s);

/// True when two headings name the same item: most words of the shorter one
/// occur in the longer one (the TOC and the body may word a heading differently).
bool headings_match(std::string_view a, std::string_view b);

/// Joins lines into paragraphs: lines of one paragraph are joined with a
/// space (PDF text wraps lines), paragraphs and list items keep line breaks.
std::string join_paragraphs(const std::vector<Line>& lines, size_t begin, size_t end);

}  // namespace sagsoeg
