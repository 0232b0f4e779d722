// JSON form of an agenda item, as printed by `indexer --dry-run --json` and
// stored in the index. Key names are a public contract.
#pragma once

#include <nlohmann/json.hpp>

#include "model/agenda_item.h"

namespace sagsoeg {

/// {source, item, id, title, type, access, case_id, case_refs, date, committee,
///  organisation, kind, url, contact, decision, sections, attachments, text, line}.
/// A confidential item has no title, sections, decision or text.
nlohmann::json item_to_json(const AgendaItem& item);

/// Inverse of item_to_json (for items read back from the index).
AgendaItem item_from_json(const nlohmann::json& j);

}  // namespace sagsoeg
