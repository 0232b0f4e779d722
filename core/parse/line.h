// A document as lines, each with its decorations removed (Markdown heading
// marks, bold/italic, <b> tags from PDF exports, link syntax, stray spaces)
// and what the reader knew about it (a heading and its level, bold, page).
// All layout recognition works on these lines.
//
// Lines are compact -- a pointer into one shared buffer and a few small
// fields -- because a file of millions of short lines must cost a small
// multiple of its size, not a heap object per line.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "format/source_document.h"

namespace sagsoeg {

/// One line, as a view into its Lines: valid while the Lines live.
struct Line {
  std::string_view text;
  uint32_t source_line = 0;   ///< 1-based line (text) or block number (HTML, PDF)
  uint16_t page = 0;          ///< 1-based PDF page, else 0
  uint8_t heading_level = 0;  ///< Markdown '#' count, HTML h1..h6, PDF size rank; 0 if none
  bool indented = false;      ///< two or more leading spaces in the raw line
  bool emphasis = false;      ///< bold or larger than the body text (HTML, PDF)
  bool item_row = false;      ///< a table row "number | heading" (FirstAgenda pages)
  bool caption = false;       ///< a section caption the source states (Block::caption); may be empty
  bool stamped = false;       ///< on a page stamped closed (Block::stamped): its item is closed

  std::string_view clean() const { return text; }
  bool blank() const { return text.empty(); }
};

/// A document's lines: one buffer of cleaned text, an offset and a byte of
/// attributes per line (page and block numbers only for structured formats).
class Lines {
 public:
  Lines() = default;
  /// Plain text or Markdown.
  static Lines from_text(std::string_view text);
  /// Blocks of a structured format. A table row "N | <heading> ..." becomes
  /// the line "N. <heading>" marked item_row, then the rest of its cells.
  static Lines from_blocks(const std::vector<Block>& blocks);

  size_t size() const { return attributes_.size(); }
  bool empty() const { return attributes_.empty(); }
  Line operator[](size_t i) const;
  /// The link target of line i (an HTML link), or "".
  std::string_view href(size_t i) const;

  Lines(Lines&&) = default;
  Lines& operator=(Lines&&) = default;
  Lines(const Lines&) = delete;
  Lines& operator=(const Lines&) = delete;

 private:
  void add(std::string_view clean, const Line& attributes);
  std::string arena_;
  std::vector<uint32_t> offsets_{0};    ///< line i is arena_[offsets_[i], offsets_[i + 1])
  std::vector<uint8_t> attributes_;     ///< level (3 bits), indented, emphasis, item_row, caption, stamped
  std::vector<uint32_t> source_lines_;  ///< structured formats only
  std::vector<uint16_t> pages_;         ///< structured formats only
  std::vector<std::pair<size_t, std::string>> links_;  ///< (line, href), ascending: few lines have one
};

/// Cleans one raw text line (see Line): decorations removed, spaces
/// collapsed; `heading_level` receives the Markdown level.
std::string clean_text_line(std::string_view raw, int* heading_level = nullptr);

/// True for Markdown rules such as "---" or "***".
bool is_rule(std::string_view clean);

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
std::string join_paragraphs(const Lines& lines, size_t begin, size_t end);

}  // namespace sagsoeg
