// JSON form of an agenda item, as printed by `indexer --dry-run --json` and
// stored in the index. Key names are a public contract.
#pragma once

#include <nlohmann/json.hpp>

#include "model/agenda_item.h"

namespace sagsoeg {

/// {source, item, number, id, title, type, access, case_id, case_refs, date,
///  committee, organisation, kind, format, url, contact, decision, decisions,
///  sections, attachments, attachment_links, text, line[, page]}.
/// A confidential item has no title, sections, decision(s) or text.
nlohmann::json item_to_json(const AgendaItem& item);

/// JSON text that never throws: bytes that are not UTF-8 (which no reader
/// should let through, but input is hostile) become U+FFFD.
std::string dump_json(const nlohmann::json& j, int indent = -1);

/// [{body, date, text}] in document order; [] for a confidential item.
nlohmann::json decisions_json(const AgendaItem& item);
/// ["name", ...] and [{name, url}, ...].
nlohmann::json attachment_names_json(const AgendaItem& item);
nlohmann::json attachment_links_json(const AgendaItem& item);

}  // namespace sagsoeg
