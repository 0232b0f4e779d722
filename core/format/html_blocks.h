// An HTML tree as blocks: headings with their level, paragraphs, list
// items, table rows with their cells, links. Used by the HTML reader for
// whole pages and by the XML readers for the HTML inside export fields.
#pragma once

#include <string_view>
#include <vector>

#include "format/source_document.h"
#include "format/xml_tree.h"

namespace sagsoeg {

struct HtmlBlockOptions {
  /// Headings are captions the source states (Block::caption), empty ones
  /// included: a FirstAgenda case presentation's h3 sections.
  bool headings_are_captions = false;
};

/// Blocks of an HTML document or fragment (UTF-8).
std::vector<Block> html_to_blocks(std::string_view utf8_html);

/// Blocks of a parsed page: its <title>, then its body.
std::vector<Block> page_blocks(const xmlNode* root);

/// Blocks of the content below one element of a parsed page.
std::vector<Block> node_blocks(const xmlNode* node, HtmlBlockOptions options = {});

/// Blocks of an HTML fragment (the HTML inside a JSON or XML field).
std::vector<Block> html_fragment_blocks(std::string_view utf8_html, HtmlBlockOptions options = {});

/// Blocks of a field that may be HTML (escaped or CDATA) or plain text with
/// line breaks: HTML when it contains tags, else one block per line.
std::vector<Block> field_to_blocks(std::string_view utf8);

/// True when the text starts like an HTML page.
bool looks_like_html(std::string_view text);

}  // namespace sagsoeg
