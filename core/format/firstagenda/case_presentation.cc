#include "format/firstagenda/case_presentation.h"

#include "format/html_blocks.h"
#include "parse/access_markers.h"
#include "util/utf8.h"

namespace sagsoeg::firstagenda {

std::vector<Block> case_presentation(const xmlNode* node) {
  HtmlBlockOptions options;
  options.headings_are_captions = true;
  return node_blocks(node, options);
}

std::vector<Block> case_presentation(std::string_view html) {
  HtmlBlockOptions options;
  options.headings_are_captions = true;
  if (trim(html).empty()) return {};
  return html_fragment_blocks(html, options);
}

void set_title_and_access(StatedItem& item, std::string_view number, std::string_view title, bool closed_sign) {
  item.number = collapse_spaces(number);
  while (!item.number.empty() && (item.number.back() == '.' || item.number.back() == ':')) item.number.pop_back();
  const std::string stated = collapse_spaces(title);
  // The portal has no access field (its IsOpen is about the meeting room, not
  // publication): a public page is public unless the item says it is closed.
  const bool closed = closed_sign || title_marks_closed(stated);
  item.access = closed ? Access::confidential : Access::public_item;
  item.title = stated;
  // The portal prints a closed item's title after "Lukket:"; nothing else of it.
  item.public_title = !closed ? stated : publishes_closed_title(stated) ? title_without_closed_marker(stated) : "";
}

}  // namespace sagsoeg::firstagenda
