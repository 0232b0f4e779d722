// Reading one agenda item's body: its head (contact, own case ID), its
// sections and decisions, attachments and case references.
#pragma once

#include "model/agenda_item.h"
#include "parse/line.h"

namespace sagsoeg {

/// Fills `item` (number, title and access already set) from lines
/// [begin, end). A confidential item gets only the case ID its head states:
/// its text is never read into the model.
void read_item_body(const Lines& lines, size_t begin, size_t end, AgendaItem& item);

/// Item type from what the document says: a label ("Beslutning:"), a title
/// suffix "(Orientering)", the title's first word, or the recommendation
/// ("tages til efterretning" -> orientering). Returns "" if nothing says so.
std::string infer_item_type(const char* label, std::string& title, const AgendaItem& item);

}  // namespace sagsoeg
