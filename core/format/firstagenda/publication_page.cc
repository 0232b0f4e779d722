#include "format/firstagenda/publication_page.h"

#include "format/firstagenda/case_presentation.h"
#include "format/html_access.h"
#include "format/html_blocks.h"
#include "parse/access_markers.h"
#include "parse/access_rule.h"
#include "util/utf8.h"

namespace sagsoeg::firstagenda {

namespace {

// Row chrome (classes, labels for screen readers, tooltips) that says the
// item is closed. The case presentation's own markup is not row chrome: an
// image's alt text there is content, not an access sign.
bool has_closed_chrome(const xmlNode* row, const xmlNode* presentation) {
  if (element_marks_closed(row)) return true;
  std::vector<const xmlNode*> stack{row};
  while (!stack.empty()) {
    const xmlNode* n = stack.back();
    stack.pop_back();
    for (const xmlNode* c = n->children; c; c = c->next) {
      if (c->type != XML_ELEMENT_NODE || c == presentation) continue;
      if (element_marks_closed(c)) return true;
      stack.push_back(c);
    }
  }
  return false;
}

const xmlNode* first_heading(const xmlNode* node) {
  for (const char* h : {"h1", "h2", "h3", "h4"})
    if (const xmlNode* found = first_descendant(node, h)) return found;
  return nullptr;
}

StatedItem read_row(const xmlNode* row) {
  const std::vector<const xmlNode*> cells = children(row, "td");
  StatedItem item;
  item.line = static_cast<int>(xmlGetLineNo(row));
  const xmlNode* number_cell = cells.empty() ? row : cells.front();
  const xmlNode* label = first_descendant_with_class(number_cell, "label");
  const xmlNode* title = first_descendant_with_class(row, "overskrift");
  if (!title && cells.size() > 1) title = first_heading(cells[1]);
  const xmlNode* presentation = first_descendant_with_class(row, "punkt", "div");
  if (!presentation) presentation = descendant_with_id(row, "sagsfremstillingContainer");
  set_title_and_access(item, text_of(label ? label : number_cell), text_of(title),
                       has_closed_chrome(row, presentation));
  item.case_id = collapse_spaces(text_of(first_descendant_with_class(row, "sagsnummer")));
  if (item.access == Access::confidential) {  // nothing of a closed item is read
    item.closed_region_text = text_of(row);   // but its place on the page is known
    return item;
  }
  item.body = case_presentation(presentation);
  for (const xmlNode* link : descendants_with_class(row, "bilag-link", "a"))
    item.attachments.push_back({collapse_spaces(text_of(link)), attribute(link, "href")});
  return item;
}

}  // namespace

bool is_publication_page(const xmlNode* root) {
  return first_descendant_with_class(root, "punktrow", "tr") != nullptr;
}

SourceDocument read_publication_page(const xmlNode* root) {
  SourceDocument doc;
  doc.states_items = true;
  const std::vector<const xmlNode*> rows = descendants_with_class(root, "punktrow", "tr");
  for (const xmlNode* row : rows) doc.items.push_back(read_row(row));
  // The header: what the page prints above the agenda table.
  const int table_line = rows.empty() ? 0 : static_cast<int>(xmlGetLineNo(rows.front()));
  for (Block& b : page_blocks(root)) {
    doc.printed_text += b.text + "\n";
    if (b.line < table_line || b.line == 0) doc.header.push_back(std::move(b));
  }
  return doc;
}

}  // namespace sagsoeg::firstagenda
