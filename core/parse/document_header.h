// Document-level metadata from the text itself: "Referat fra møde i <udvalg>
// den 31-01-2025 11:00", "<Udvalg> - mødesager", "Byrådet - Dagsorden - 12.
// marts 2025 kl. 16:00", "REFERAT <udvalg> d. 31-01-2025", "Referat 12. marts
// 2025" with the committee beside it, "Udvalg:" / "Mødedato:" rows,
// "Aftale mellem ... om ...", "D. 13. juni 2022"; and for pages without a
// header the meeting date named in "Sagen forelægges udvalget ... den 20. maj
// 2025". Hand-written scanners, linear in the line: no regular expressions
// that recurse on a long line.
#pragma once

#include <vector>

#include "model/agenda_item.h"
#include "parse/line.h"

namespace sagsoeg {

/// Reads date, committee, organisation and kind from the lines before the
/// first item (`header_end`).
void read_document_header(const Lines& lines, size_t header_end, DocumentMeta& meta);

/// Fills an empty meeting date from "forelægges ... den <date>" phrases in
/// the lines marked readable (public items only: nothing of a closed item's
/// text may feed any field).
void read_meeting_date_phrases(const Lines& lines, const std::vector<bool>& readable, DocumentMeta& meta);

}  // namespace sagsoeg
