// An HTML tree as blocks: headings with their level, paragraphs, list
// items, table rows with their cells, links. Used by the HTML reader for
// whole pages and by the XML readers for the HTML inside export fields.
#pragma once

#include <string_view>
#include <vector>

#include "format/source_document.h"

namespace sagsoeg {

/// Blocks of an HTML document or fragment (UTF-8).
std::vector<Block> html_to_blocks(std::string_view utf8_html);

/// Blocks of a field that may be HTML (escaped or CDATA) or plain text with
/// line breaks: HTML when it contains tags, else one block per line.
std::vector<Block> field_to_blocks(std::string_view utf8);

/// True when the text starts like an HTML page.
bool looks_like_html(std::string_view text);

}  // namespace sagsoeg
