#include "parse/agenda_parser.h"

#include <map>

#include "io/input_error.h"
#include "parse/access_markers.h"
#include "parse/danish_date.h"
#include "parse/decision_outcome.h"
#include "parse/document_header.h"
#include "parse/item_body.h"
#include "parse/item_headings.h"
#include "parse/line.h"
#include "parse/manifest.h"
#include "util/utf8.h"

namespace sagsoeg {

namespace {

// A line whose text must not reach a public item: a closed marker line or
// closed heading the heading finder did not take, or a closed group.
bool closes_what_follows(const Line& line) {
  const std::string_view c = line.clean();
  return is_standalone_closed_marker(c) || is_closed_heading_line(c) || group_marker(c) == GroupMarker::closed;
}

bool has_closed_marker(const Lines& lines, size_t begin, size_t end) {
  for (size_t i = begin; i < end; ++i)
    if (closes_what_follows(lines[i])) return true;
  return false;
}

std::string lower_trim(const std::string& s) {
  return to_lower_latin(trim(s));
}

// Decisions under a plain heading ("Beslutning", "POLITISK BEHANDLING") are
// this meeting's: its committee and date.
void date_decisions(AgendaItem& item, const DocumentMeta& meta) {
  for (Section& s : item.sections) {
    if (s.name != "decision") continue;
    const bool own = s.body.empty() || lower_trim(s.body) == lower_trim(meta.committee);
    if (s.body.empty()) s.body = meta.committee;
    if (own && s.date.empty()) s.date = meta.date;
  }
}

void finish_document(ParsedDocument& doc) {
  if (doc.meta.kind.empty()) {
    // Minutes record decisions; an agenda does not.
    bool has_decision = false;
    for (const auto& item : doc.items) has_decision = has_decision || !item.decision().empty();
    doc.meta.kind = has_decision ? "referat" : "dagsorden";
  }
  std::map<std::string, int> seen;
  for (auto& item : doc.items) {
    item.meta = doc.meta;
    item.occurrence = ++seen[item.printed_number()];
    if (item.is_confidential()) continue;
    date_decisions(item, doc.meta);
    const DecisionOutcome o = OutcomeRules::standard().classify(item.decision());
    item.outcome = o.outcome;
    item.split = o.split;
  }
}

// Group state ("Lukkede sager" ... "Åbne sager") at every line.
std::vector<bool> closed_groups(const Lines& lines) {
  std::vector<bool> closed(lines.size(), false);
  bool in_closed = false;
  for (size_t i = 0; i < lines.size(); ++i) {
    const GroupMarker g = group_marker(lines[i].clean());
    if (g == GroupMarker::closed) in_closed = true;
    if (g == GroupMarker::open) in_closed = false;
    closed[i] = in_closed;
  }
  return closed;
}

// One item for a document without agenda structure: a bilag, a letter.
void parse_unstructured(const Lines& lines, ParsedDocument& doc, const std::string& source) {
  AgendaItem item;
  item.number = 1;
  item.number_text = "1";
  item.line = 1;
  item.access = has_closed_marker(lines, 0, lines.size()) ? Access::confidential : Access::public_item;
  for (size_t i = 0; i < lines.size() && item.title.empty(); ++i)
    if (lines[i].heading_level > 0 && lines[i].clean().size() <= 200) item.title = std::string(lines[i].clean());
  if (item.title.empty()) {
    std::string base = source.substr(source.rfind('/') == std::string::npos ? 0 : source.rfind('/') + 1);
    if (ends_with(base, ".gz")) base.resize(base.size() - 3);
    if (base.rfind('.') != std::string::npos && base.rfind('.') > 0) base.resize(base.rfind('.'));
    item.title = base;
  }
  if (item.is_confidential()) item.title.clear();
  // The date the text states near its start (a letter's date line).
  if (doc.meta.date.empty() && !item.is_confidential())
    for (size_t i = 0, seen = 0; i < lines.size() && seen < 30 && doc.meta.date.empty(); ++i) {
      if (lines[i].blank()) continue;
      ++seen;
      const auto dates = find_dates(lines[i].clean().substr(0, 300));
      if (!dates.empty()) doc.meta.date = dates.front().iso;
    }
  read_item_body(lines, 0, lines.size(), item);
  if (doc.meta.kind.empty()) doc.meta.kind = "bilag";
  doc.items.push_back(std::move(item));
}

void parse_flow(const Lines& lines, ParsedDocument& doc, const std::string& source, const DocumentMeta* manifest) {
  bool any_text = false;
  for (size_t i = 0; i < lines.size() && !any_text; ++i) any_text = !lines[i].blank();
  if (!any_text) throw InputError("no text in the document");
  const ItemHeadings headings = find_item_headings(lines);
  read_document_header(lines, headings.items.empty() ? std::min<size_t>(lines.size(), 40) : headings.items.front().line,
                       doc.meta);
  apply_manifest(manifest, doc.meta);
  if (headings.items.empty()) return parse_unstructured(lines, doc, source);

  const std::vector<bool> closed_group = closed_groups(lines);
  // A closed marker above the first item ("FORTROLIGT" stamped on the
  // document) closes every item.
  // (Closed TOC entries above it close only their own item.)
  bool document_closed = false;
  for (size_t i = 0; i < headings.items.front().line; ++i)
    document_closed = document_closed || is_standalone_closed_marker(lines[i].clean());
  std::vector<bool> readable(lines.size(), false);
  std::vector<std::pair<size_t, size_t>> ranges;
  for (size_t k = 0; k < headings.items.size(); ++k) {
    const auto& h = headings.items[k];
    const size_t begin = h.line + 1 + static_cast<size_t>(h.continuation_lines);
    size_t end = k + 1 < headings.items.size() ? headings.items[k + 1].line : lines.size();
    // A group heading ends the item before it.
    for (size_t i = begin; i < end; ++i)
      if (group_marker(lines[i].clean()) != GroupMarker::none) {
        end = i;
        break;
      }
    ranges.emplace_back(begin, end);
    AgendaItem item;
    item.number = h.number;
    item.number_text = h.number_text;
    item.line = static_cast<int>(lines[h.line].source_line ? lines[h.line].source_line : h.line + 1);
    item.page = lines[h.line].page;
    const bool closed =
        document_closed || h.confidential || closed_group[h.line] || has_closed_marker(lines, begin, end);
    item.access = closed ? Access::confidential : Access::public_item;
    std::string title = h.title;
    if (title.empty() && !closed)
      for (const auto& t : headings.toc)
        if (t.number_text == h.number_text) title = t.title;
    read_item_body(lines, begin, end, item);
    if (!closed) {
      item.type = infer_item_type(h.label, title, item);
      item.title = title;
      for (size_t i = begin; i < end; ++i) readable[i] = true;
    }
    doc.items.push_back(std::move(item));
  }
  read_meeting_date_phrases(lines, readable, doc.meta);
}

void parse_stated(SourceDocument& src, ParsedDocument& doc, const DocumentMeta* manifest) {
  apply_manifest(manifest, doc.meta);
  for (StatedItem& stated : src.items) {
    AgendaItem item;
    item.number_text = std::string(trim(stated.number));
    item.number = 0;
    for (char c : item.number_text) {
      if (c < '0' || c > '9' || item.number > 99999999) break;
      item.number = item.number * 10 + (c - '0');
    }
    item.line = stated.line;
    item.case_id = stated.case_id;
    const Lines body = Lines::from_blocks(stated.body);
    // Fail closed: a closed marker in a public item's own text closes it.
    const bool closed = stated.access == Access::confidential || has_closed_marker(body, 0, body.size());
    item.access = closed ? Access::confidential : Access::public_item;
    if (!closed) {
      read_item_body(body, 0, body.size(), item);
      if (!stated.case_id.empty()) item.case_id = stated.case_id;
      item.title = collapse_spaces(stated.title);
      item.type = infer_item_type(nullptr, item.title, item);
      for (Attachment& a : stated.attachments)
        if (!a.name.empty()) item.attachments.push_back(std::move(a));
    }
    doc.items.push_back(std::move(item));
  }
}

}  // namespace

ParsedDocument parse_document(SourceDocument src, const std::string& source, const DocumentMeta* manifest_entry) {
  ParsedDocument doc;
  doc.meta = src.meta;
  doc.meta.source = source;
  doc.meta.format = src.format;
  if (src.metadata_only) {
    doc.metadata_only = true;
    return doc;
  }
  if (src.states_items) {
    parse_stated(src, doc, manifest_entry);
  } else {
    Lines lines = src.blocks.empty() ? Lines::from_text(src.text) : Lines::from_blocks(src.blocks);
    src.text = std::string();  // the lines hold their own copy: free the text
    src.blocks = std::vector<Block>();
    parse_flow(lines, doc, source, manifest_entry);
  }
  finish_document(doc);
  return doc;
}

ParsedDocument parse_agenda(std::string_view text, const std::string& source, const DocumentMeta* manifest_entry) {
  SourceDocument src;
  src.format = "text";
  src.text = std::string(text);
  return parse_document(std::move(src), source, manifest_entry);
}

}  // namespace sagsoeg
