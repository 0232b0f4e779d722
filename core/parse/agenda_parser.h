// Document text -> agenda items. One parser for the whole family of layouts:
// it recognises structure (numbered item headings with access markers or
// labels, tables of contents, section headings) rather than any one file.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "model/agenda_item.h"

namespace sagsoeg {

struct ParsedDocument {
  DocumentMeta meta;
  std::vector<AgendaItem> items;
};

/// Parses a document. `manifest_entry` (may be null) fills metadata the text
/// lacks. Throws InputError when no agenda item can be found.
ParsedDocument parse_agenda(std::string_view text, const std::string& source,
                            const DocumentMeta* manifest_entry = nullptr);

}  // namespace sagsoeg
