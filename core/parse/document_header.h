// Document-level metadata from the text itself: "Referat fra møde i <udvalg>
// den 31-01-2025 11:00", "<Udvalg> - mødesager", "Aftale mellem ... om ...",
// "D. 13. juni 2022", and for pages without a header the meeting date named
// in "Sagen forelægges udvalget ... den 20. maj 2025".
#pragma once

#include <vector>

#include "model/agenda_item.h"
#include "parse/line.h"

namespace sagsoeg {

/// Reads date, committee, organisation and kind from the lines before the
/// first item (`header_end`), falling back to meeting-date phrases anywhere.
void read_document_header(const std::vector<Line>& lines, size_t header_end, DocumentMeta& meta);

}  // namespace sagsoeg
