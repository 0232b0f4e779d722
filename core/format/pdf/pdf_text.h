// A PDF's text through poppler's C++ API: each page's words with their
// position, font size, weight and rotation, made into lines (pdf_lines.h).
// poppler is not bounded in time or memory on hostile files: the indexer
// runs this in a child process (pdf_sandbox.h).
#pragma once

#include <string_view>
#include <vector>

#include "format/pdf/pdf_lines.h"

namespace sagsoeg::pdf {

struct PdfText {
  int pages = 0;
  std::vector<Line> lines;
};

/// Throws InputError for a damaged or encrypted PDF.
PdfText extract_text(std::string_view bytes);

}  // namespace sagsoeg::pdf
