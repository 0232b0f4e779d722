// Finding agenda-item headings in a document: which numbered lines start an
// item, which belong to a table of contents or a numbered list, and -- fail
// closed -- every line with a closed marker, accepted as a heading or not,
// starts a confidential item.
#pragma once

#include <string>
#include <vector>

#include "parse/access_markers.h"
#include "parse/line.h"

namespace sagsoeg {

enum class HeadingForm {
  access_marker,  ///< "3 (Offentlig) Title", "1 (Fortrolig)"
  labelled,       ///< "9. Beslutning: Title", "3. Lukket punkt.", "Punkt 4: Title"
  plain,          ///< "1. Title": only an item if the TOC or the document's structure confirms it
  closed_marker,  ///< a line with a closed marker that no other form accepts: a confidential boundary
};

struct HeadingCandidate {
  size_t line = 0;          ///< index into the lines
  int number = 0;           ///< leading integer
  std::string number_text;  ///< as printed: "3", "2.3", "4a"
  HeadingForm form = HeadingForm::plain;
  std::string title;            ///< without number, marker, label or dot leaders
  const char* label = nullptr;  ///< "Beslutning", "Orientering", ... or nullptr
  bool confidential = false;
  /// A closed heading in the form that prints its title for the public
  /// ("Punkt 21: Lukket: Køb af ejendom"): `title` holds it. Other closed
  /// headings' titles are never shown.
  bool prints_closed_title = false;
  bool dot_leaders = false;    ///< "Title .....  3": a TOC line
  int continuation_lines = 0;  ///< lines the title wrapped onto
};

/// Classifies one line; returns false if it cannot be an item heading.
bool classify_heading(const Line& line, HeadingCandidate& out);

struct ItemHeadings {
  std::vector<HeadingCandidate> toc;    ///< table-of-contents entries, if any
  std::vector<GroupMarker> toc_groups;  ///< the group each entry stands under in the contents
  std::vector<HeadingCandidate> items;  ///< accepted body headings, in order
};

/// Finds the table of contents and the item headings of a document, in time
/// linear in its size (up to a logarithm).
ItemHeadings find_item_headings(const Lines& lines);

}  // namespace sagsoeg
