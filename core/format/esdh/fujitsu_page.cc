#include "format/esdh/fujitsu_page.h"

#include "format/esdh/esdh_fields.h"

#include <set>

#include "format/html_blocks.h"
#include "parse/access_markers.h"
#include "parse/access_rule.h"
#include "parse/case_id.h"
#include "util/utf8.h"

namespace sagsoeg::fujitsu {

namespace {

std::string cell_text(const xmlNode* n) {
  return collapse_spaces(text_of(n));
}

// The anchors of the items a closed part of the table of contents lists
// ("Lukket dagsorden"): those items are closed whatever their label says.
std::set<std::string> closed_in_contents(const xmlNode* root) {
  std::set<std::string> closed;
  for (const char* cls : {"xsltListOfContentBegin", "xsltListOfContentEnd", "xsltListOfContent"}) {
    for (const xmlNode* table : descendants_with_class(root, cls, "table")) {
      const xmlNode* title = first_descendant_with_class(table, "xsltContentTitle");
      const std::string t = cell_text(title);
      if (!is_closed_label(t) && group_marker(t) != GroupMarker::closed) continue;
      for (const xmlNode* a : descendants_named(table, "a")) {
        const std::string href = attribute(a, "href");
        if (!href.empty() && href[0] == '#') closed.insert(href.substr(1));
      }
    }
  }
  return closed;
}

struct PageItem {
  StatedItem item;
  std::string anchor;
  std::string label;  ///< the item's own access label ("Åben", "Lukket")
  bool in_closed_group = false;
};

void read_title(const xmlNode* table, PageItem& p) {
  const std::vector<const xmlNode*> cells = descendants_named(table, "td");
  const xmlNode* title = first_descendant_with_class(table, "xsltTitleText", "td");
  if (const xmlNode* a = first_descendant(table, "a")) p.anchor = attribute(a, "name");
  std::string number = cells.empty() ? std::string() : cell_text(cells.front());
  while (!number.empty() && (number.back() == '.' || number.back() == ' ')) number.pop_back();
  p.item.number = number;
  p.item.title = cell_text(title ? title : (cells.size() > 1 ? cells[1] : nullptr));
  p.item.line = static_cast<int>(xmlGetLineNo(table));
}

// Sagsnr., Sagsbehandler and the access label, each in a cell of its own.
void read_subtitle(const xmlNode* table, PageItem& p) {
  std::vector<std::string> cells;
  for (const xmlNode* td : descendants_named(table, "td")) cells.push_back(cell_text(td));
  for (const std::string& c : cells) {
    const std::string lower = to_lower_latin(c);
    if (starts_with(lower, "sagsnr") || starts_with(lower, "sagsnummer") || starts_with(lower, "j.nr")) {
      if (p.item.case_id.empty()) p.item.case_id = case_id_in_line(c);
    } else if (starts_with(lower, "sagsbehandler")) {
      continue;
    } else if (!c.empty() && c.size() < 40) {
      p.label = c;  // the item's access label stands alone in its cell
    }
  }
}

bool is_item_start(const xmlNode* n) {
  return has_class(n, "xsltTitleTableBegin");
}

}  // namespace

bool is_agenda_page(const xmlNode* root) {
  return first_descendant_with_class(root, "xsltTitleTableBegin", "table") != nullptr;
}

SourceDocument read_agenda_page(const xmlNode* root) {
  SourceDocument doc;
  doc.states_items = true;
  const std::set<std::string> closed_anchors = closed_in_contents(root);
  const xmlNode* first = first_descendant_with_class(root, "xsltTitleTableBegin", "table");
  const xmlNode* container = first ? first->parent : nullptr;
  std::vector<PageItem> items;
  bool closed_group = false;
  const xmlNode* pending_caption = nullptr;
  for (const xmlNode* n = container ? container->children : nullptr; n; n = n->next) {
    if (n->type != XML_ELEMENT_NODE) continue;
    if (has_class(n, "xsltItemsHeader")) {
      const std::string t = cell_text(n);
      const GroupMarker g = group_marker(t);
      closed_group = g == GroupMarker::closed || (g == GroupMarker::none && is_closed_label(t)) ? true
                     : g == GroupMarker::open                                                   ? false
                                                                                                : closed_group;
      continue;
    }
    if (is_item_start(n)) {
      PageItem p;
      read_title(n, p);
      p.in_closed_group = closed_group;
      items.push_back(std::move(p));
      pending_caption = nullptr;
      continue;
    }
    if (items.empty()) continue;
    PageItem& p = items.back();
    if (has_class(n, "xsltTitleTableEnd")) {
      read_subtitle(n, p);
    } else if (has_class(n, "xsltHeader")) {
      pending_caption = n;
      Block caption;
      caption.kind = BlockKind::heading;
      caption.level = 3;
      caption.caption = true;
      caption.text = cell_text(n);
      p.item.body.push_back(std::move(caption));
    } else if (const xmlNode* link = first_descendant_with_class(n, "xsltAttachment", "a");
               link || has_class(n, "xsltAttachment")) {
      const xmlNode* a = link ? link : n;
      p.item.attachments.push_back({cell_text(a), attribute(a, "href")});
    } else {
      for (Block& b : node_blocks(n)) p.item.body.push_back(std::move(b));
      if (pending_caption) p.item.body.push_back(Block{});
    }
  }
  for (PageItem& p : items) {
    // Public only on the item's own public label, outside any closed group
    // or closed part of the contents; a closed title closes it too.
    const bool open = is_public_label(p.label) && !p.in_closed_group && !closed_anchors.count(p.anchor) &&
                      !title_marks_closed(p.item.title);
    p.item.access = open ? Access::public_item : Access::confidential;
    if (!open) {
      p.item.closed_region_text = p.item.title + "\n" + p.label + "\n";
      for (const Block& b : p.item.body) p.item.closed_region_text += b.text + "\n";
      for (const Attachment& a : p.item.attachments) p.item.closed_region_text += a.name + "\n";
      p.item.body.clear();
      p.item.attachments.clear();
    }
    doc.items.push_back(std::move(p.item));
  }
  esdh::sort_by_number(doc.items);  // as the XML export of the same meeting
  // The header: the page's title and what stands above the first item.
  const int first_line = first ? static_cast<int>(xmlGetLineNo(first)) : 0;
  for (Block& b : page_blocks(root)) {
    doc.printed_text += b.text + "\n";
    if (b.line < first_line) doc.header.push_back(std::move(b));
  }
  return doc;
}

}  // namespace sagsoeg::fujitsu
