// Finding agenda-item headings in a document: which numbered lines start an
// item, and which belong to a table of contents or a numbered list.
#pragma once

#include <string>
#include <vector>

#include "parse/line.h"

namespace sagsoeg {

enum class HeadingForm {
  access_marker,  ///< "3 (Offentlig) Title", "1 (Fortrolig)"
  labelled,       ///< "9. Beslutning: Title", "3. Lukket punkt.", "Punkt 4: Title"
  plain,          ///< "1. Title": only an item if the TOC or a Markdown heading confirms it
};

struct HeadingCandidate {
  size_t line = 0;  ///< index into the lines
  int number = 0;
  HeadingForm form = HeadingForm::plain;
  std::string title;  ///< without number, marker, label or dot leaders
  std::string label;  ///< "Beslutning", "Orientering", ... as written, or ""
  bool confidential = false;
  bool has_access_marker = false;
  bool dot_leaders = false;    ///< "Title .....  3": a TOC line
  int continuation_lines = 0;  ///< lines the title wrapped onto
};

/// Classifies one cleaned line; returns false if it cannot be an item heading.
bool classify_heading(const Line& line, HeadingCandidate& out);

struct ItemHeadings {
  std::vector<HeadingCandidate> toc;    ///< table-of-contents entries, if any
  std::vector<HeadingCandidate> items;  ///< accepted body headings, in order
};

/// Finds the table of contents and the item headings of a document.
ItemHeadings find_item_headings(const std::vector<Line>& lines);

}  // namespace sagsoeg
