// Closed signs an HTML page gives only in its markup: a class ("lukket",
// "fortrolig", "closed", "confidential") or an attribute a screen reader or
// tooltip shows (title, alt, aria-label) that says closed. Text a reader
// reads is judged by the layout parser; these are the signs it cannot see.
#pragma once

#include "format/xml_tree.h"

namespace sagsoeg {

/// True when the element's own class or title/alt/aria-label says closed.
bool element_marks_closed(const xmlNode* element);

}  // namespace sagsoeg
