// A PDF page's words -> the lines a reader sees: words whose heights overlap
// by half form one line, read left to right whatever order the PDF stores
// them in; a gap wider than a thin space is a space; a letter-spaced line
// ("L U K K E T  P U N K T") is read as its words; a closed marker set apart
// at the end of a line ("5. Salg af grund        Lukket") is a line of its
// own; and the lines of a page stamped across its face (a rotated or
// diagonal "FORTROLIGT") are marked stamped: whatever they belong to is
// closed. No poppler here: the reader hands over the words.
#pragma once

#include <string>
#include <vector>

namespace sagsoeg::pdf {

struct Word {
  std::string text;
  double x = 0, top = 0, bottom = 0, width = 0, font_size = 0;
  bool bold = false, space_after = false;
  bool rotated = false;  ///< set at an angle (poppler's rotation is not 0)
};

struct Line {
  std::string text;
  double top = 0, bottom = 0;
  double font_size = 0;
  size_t bold_chars = 0, chars = 0;
  int page = 0;
  bool in_margin = false;  ///< in the top or bottom 8 % of the page
  bool stamped = false;    ///< on a page stamped closed across its face
};

/// The lines of one page, top to bottom. `words` are consumed.
std::vector<Line> page_lines(std::vector<Word> words, int page, double page_height);

}  // namespace sagsoeg::pdf
