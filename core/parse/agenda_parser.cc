#include "parse/agenda_parser.h"

#include "io/input_error.h"
#include "parse/document_header.h"
#include "parse/item_body.h"
#include "parse/item_headings.h"
#include "parse/line.h"
#include "parse/manifest.h"

namespace sagsoeg {

ParsedDocument parse_agenda(std::string_view text, const std::string& source, const DocumentMeta* manifest_entry) {
  const std::vector<Line> lines = make_lines(text);
  const ItemHeadings headings = find_item_headings(lines);
  if (headings.items.empty()) throw InputError("no agenda items found");

  ParsedDocument doc;
  doc.meta.source = source;
  read_document_header(lines, headings.items.front().line, doc.meta);
  apply_manifest(manifest_entry, doc.meta);
  if (doc.meta.kind.empty()) {
    // Minutes record decisions; an agenda does not. Decide after parsing.
    doc.meta.kind = "";
  }

  for (size_t k = 0; k < headings.items.size(); ++k) {
    const auto& h = headings.items[k];
    const size_t begin = h.line + 1 + static_cast<size_t>(h.continuation_lines);
    const size_t end = k + 1 < headings.items.size() ? headings.items[k + 1].line : lines.size();
    AgendaItem item;
    item.number = h.number;
    item.line = static_cast<int>(h.line) + 1;
    item.access = h.confidential ? Access::confidential : Access::public_item;
    std::string title = h.title;
    if (title.empty() && !h.confidential) {
      for (const auto& t : headings.toc)
        if (t.number == h.number) title = t.title;
    }
    read_item_body(lines, begin, end, item);
    if (!item.is_confidential()) {
      item.type = infer_item_type(h.label, title, item);
      item.title = title;
    }
    doc.items.push_back(std::move(item));
  }
  if (doc.meta.kind.empty()) {
    bool has_decision = false;
    for (const auto& item : doc.items) has_decision = has_decision || !item.decision().empty();
    doc.meta.kind = has_decision ? "referat" : "dagsorden";
  }
  for (auto& item : doc.items) item.meta = doc.meta;
  return doc;
}

}  // namespace sagsoeg
