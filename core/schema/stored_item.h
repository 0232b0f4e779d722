// What the index stores of an item, for results, snippets and --show: its
// metadata and, for a public item, its sections -- a compact record rather
// than JSON (decoding ten of them is part of every search), deflated with a
// preset dictionary of typical text (data/docdata_dictionary.txt).
#pragma once

#include <string>
#include <vector>

#include "model/agenda_item.h"

namespace sagsoeg {

/// The document data of an item, compressed. A confidential item's record
/// holds its metadata only.
std::string encode_document_data(const AgendaItem& item, const std::vector<std::string>& topic_slugs);
/// Metadata and (if `with_text`) sections back as an item; `topics`
/// receives the slugs. Throws std::runtime_error on corrupt data.
AgendaItem decode_document_data(const std::string& data, std::vector<std::string>* topics = nullptr,
                                bool with_text = true);

}  // namespace sagsoeg
