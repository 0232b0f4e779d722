// What the four ESDH exports have in common: access flags read fail-closed,
// dates in the systems' formats, item numbers ordered as printed, and item
// bodies (HTML, CDATA or plain text) turned into blocks under captions.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "format/source_document.h"
#include "format/xml_tree.h"
#include "parse/access_rule.h"

namespace sagsoeg::esdh {

/// YYYY-MM-DD from "03-03-2025 16:00:00", "2025-03-04T15:00:00",
/// "27. august 2018 16:00"; "" if none.
std::string iso_date(std::string_view stated);

/// Leading integer of a printed number ("2.3" -> 2, "715" -> 715), 0 if none.
int leading_number(std::string_view printed);
/// Items in the order of their printed numbers (1, 1.1, 1.2, 2, 10), stable.
void sort_by_number(std::vector<StatedItem>& items);

/// Appends a caption (Block::caption, even when empty) and the field's content below it.
void add_captioned(std::vector<Block>& body, std::string_view caption, std::string_view content);
/// Appends a field's content (HTML or text) without a caption.
void add_content(std::vector<Block>& body, std::string_view content);

/// The first child of `node` whose local name is one of `names`.
const xmlNode* first_child_of(const xmlNode* node, std::initializer_list<std::string_view> names);
std::string first_child_text(const xmlNode* node, std::initializer_list<std::string_view> names);

}  // namespace sagsoeg::esdh
