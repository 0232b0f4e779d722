#include "parse/agenda_parser.h"

#include <algorithm>
#include <cctype>
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
  return line.stamped || is_standalone_closed_marker(c) || is_closed_heading_line(c) ||
         group_marker(c) == GroupMarker::closed;
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
    // "18. september 2012: Sagen udsat." -- the decision states its own date.
    if (s.date.empty()) {
      const std::vector<FoundDate> dates = find_dates(std::string_view(s.text).substr(0, 40));
      if (!dates.empty() && dates.front().pos == 0) {
        const size_t after = dates.front().length;
        if (after < s.text.size() &&
            (s.text[after] == ':' || (s.text[after] == ' ' && after + 1 < s.text.size() && s.text[after + 1] == ':')))
          s.date = dates.front().iso;
      }
    }
    const bool own = s.body.empty() || lower_trim(s.body) == lower_trim(meta.committee);
    if (own) s.body = meta.committee;  // "FORRETNINGSUDVALGETS BESLUTNING": the committee as the meeting names it
    if (own && s.date.empty()) s.date = meta.date;
  }
}

// "https://host/vis?id=1" -> "https://host" ("" when not a web address).
std::string web_origin(const std::string& url) {
  const size_t scheme = url.find("://");
  if (scheme == std::string::npos || (url.compare(0, scheme, "http") != 0 && url.compare(0, scheme, "https") != 0))
    return {};
  return url.substr(0, url.find('/', scheme + 3));
}

void finish_document(ParsedDocument& doc) {
  // Links the document gives relative to its portal ("/vis/pdf/bilag/...")
  // become whole addresses when the document's own address is known.
  if (const std::string origin = web_origin(doc.meta.url); !origin.empty())
    for (auto& item : doc.items)
      for (Attachment& a : item.attachments)
        if (!a.url.empty() && a.url[0] == '/' && (a.url.size() < 2 || a.url[1] != '/')) a.url = origin + a.url;
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

// Lines above the first item that may still be the meeting's header and
// table of contents (33 items and their wrapped titles fit).
constexpr size_t kHeaderLines = 150;

// Group state ("Lukkede sager" ... "Åbne sager") at every line from `start` on.
std::vector<bool> closed_groups(const Lines& lines, size_t start) {
  std::vector<bool> closed(lines.size(), false);
  bool in_closed = false;
  for (size_t i = start; i < lines.size(); ++i) {
    const GroupMarker g = group_marker(lines[i].clean());
    if (g == GroupMarker::closed) in_closed = true;
    if (g == GroupMarker::open) in_closed = false;
    closed[i] = in_closed;
  }
  return closed;
}

// A line that stamps the whole document closed ("FORTROLIGT", "Lukket
// dagsorden"), unlike "Lukket: Køb af ejendom", which names one item.
bool is_closed_stamp(std::string_view clean) {
  if (!is_standalone_closed_marker(clean)) return false;
  const std::string lower = to_lower_latin(trim(clean));
  const size_t colon = lower.find(':');
  return colon == std::string::npos || trim(std::string_view(lower).substr(colon + 1)).empty();
}

// "Lukket: Køb af landbrugsejendom ........ 28" -> "Køb af landbrugsejendom".
std::string toc_entry_title(std::string_view clean) {
  std::string t = title_without_closed_marker(clean);
  const size_t dots = t.find("..");
  if (dots != std::string::npos) t.erase(dots);
  while (!t.empty() && (std::isdigit(static_cast<unsigned char>(t.back())) || t.back() == ' ')) t.pop_back();
  return t;
}

// The value of a "Label: value" line when its label is one of `labels`.
std::string_view labelled_value(std::string_view clean, std::initializer_list<const char*> labels) {
  const std::string lower = to_lower_latin(clean.substr(0, 24));
  for (const char* label : labels) {
    const std::string_view l(label);
    if (starts_with(lower, l) && lower.size() > l.size() && (lower[l.size()] == ':' || lower[l.size()] == '.')) {
      std::string_view v = clean.substr(l.size() + 1);
      while (!v.empty() && (v.front() == ':' || v.front() == ' ' || v.front() == '.')) v.remove_prefix(1);
      return trim(v);
    }
  }
  return {};
}

// What a reader takes as a letter's or attachment's title: its subject
// line ("Emne:", "Vedrørende"), else its first heading, else its first short
// line; "" if none.
std::string unstructured_title(const Lines& lines) {
  std::string first_heading, first_line;
  for (size_t i = 0, seen = 0; i < lines.size() && seen < 40; ++i) {
    const std::string_view c = lines[i].clean();
    if (c.empty() || c.size() > 200) continue;
    ++seen;
    const std::string_view subject = labelled_value(c, {"emne", "vedr", "vedrørende", "subject", "om"});
    if (!subject.empty()) return std::string(subject);
    const std::string lower = to_lower_latin(c.substr(0, 12));
    if (starts_with(lower, "vedrørende ") || starts_with(lower, "vedr. ")) return std::string(c);
    if (first_heading.empty() && (lines[i].heading_level > 0 || lines[i].emphasis)) first_heading = std::string(c);
    if (first_line.empty() && c.size() <= 120 && labelled_value(c, {"fra", "til", "sendt", "cc", "dato"}).empty())
      first_line = std::string(c);
  }
  return !first_heading.empty() ? first_heading : first_line;
}

// A letter's own date: a dated label ("Dato:", "Sendt:", "Ajourført:"), or a
// short line that ends in a date ("Aarhus, 26. august 2025", an addressee
// line with the date flush right); only then the first date in its text.
std::string unstructured_date(const Lines& lines) {
  std::string line_end_date, first_date;
  for (size_t i = 0, seen = 0; i < lines.size() && seen < 40; ++i) {
    const std::string_view c = lines[i].clean();
    if (c.empty()) continue;
    ++seen;
    const std::string_view value = labelled_value(c, {"dato", "date", "sendt", "ajourført", "opdateret", "udskrevet"});
    if (!value.empty()) {
      const std::string date = parse_date_prefix(value);
      if (!date.empty()) return date;
    }
    const std::vector<FoundDate> dates = find_dates(c.substr(0, 300));
    if (dates.empty()) continue;
    if (first_date.empty()) first_date = dates.front().iso;
    const FoundDate& last = dates.back();
    if (line_end_date.empty() && c.size() <= 80 && trim(c.substr(last.pos + last.length)).empty())
      line_end_date = last.iso;
  }
  return !line_end_date.empty() ? line_end_date : first_date;
}

// "3.1" under "3": the printed number of the item's parent, or "".
std::string parent_number(const std::string& number) {
  const size_t dot = number.rfind('.');
  return dot == std::string::npos || dot == 0 ? std::string() : number.substr(0, dot);
}

// One item for a document without agenda structure: a bilag, a letter.
void parse_unstructured(const Lines& lines, ParsedDocument& doc, const std::string& source) {
  AgendaItem item;
  item.number = 1;
  item.number_text = "1";
  item.line = 1;
  item.access = has_closed_marker(lines, 0, lines.size()) ? Access::confidential : Access::public_item;
  item.title = unstructured_title(lines);
  if (item.title.empty()) {
    std::string base = source.substr(source.rfind('/') == std::string::npos ? 0 : source.rfind('/') + 1);
    if (ends_with(base, ".gz")) base.resize(base.size() - 3);
    if (base.rfind('.') != std::string::npos && base.rfind('.') > 0) base.resize(base.rfind('.'));
    item.title = base;
  }
  if (item.is_confidential()) item.title.clear();
  if (doc.meta.date.empty() && !item.is_confidential()) doc.meta.date = unstructured_date(lines);
  read_item_body(lines, 0, lines.size(), item);
  if (doc.meta.kind.empty()) doc.meta.kind = "bilag";
  doc.items.push_back(std::move(item));
}

void parse_flow(const Lines& lines, ParsedDocument& doc, const std::string& source, const DocumentMeta* manifest,
                std::vector<std::pair<size_t, size_t>>& reached_ranges) {
  bool any_text = false;
  for (size_t i = 0; i < lines.size() && !any_text; ++i) any_text = !lines[i].blank();
  if (!any_text) throw InputError("no text in the document");
  const ItemHeadings headings = find_item_headings(lines);
  read_document_header(lines, headings.items.empty() ? std::min<size_t>(lines.size(), 40) : headings.items.front().line,
                       doc.meta);
  apply_manifest(manifest, doc.meta);
  if (headings.items.empty()) return parse_unstructured(lines, doc, source);

  const size_t first_item = headings.items.front().line;
  // Group headings above the first item sort the body -- unless the table of
  // contents lists that item under an open group: then they belong to the
  // contents ("Lukket referat" with no entries under it).
  // The contents' own groups (before its last entry) sort only the contents.
  bool first_listed_open = false;
  size_t toc_end = 0;
  for (size_t t = 0; t < headings.toc.size(); ++t) {
    toc_end = std::max(toc_end, headings.toc[t].line + 1);
    if (headings.toc[t].number_text == headings.items.front().number_text)
      first_listed_open = headings.toc_groups[t] == GroupMarker::open;
  }
  const std::vector<bool> closed_group = closed_groups(lines, first_listed_open ? first_item : toc_end);
  // A closed stamp above the first item ("FORTROLIGT" on the document)
  // closes every item; a closed entry of the table of contents ("Lukket: Køb
  // af ejendom ..... 28") closes only the item it names.
  bool document_closed = false;
  std::vector<std::string> closed_toc_titles;
  for (size_t i = 0; i < first_item; ++i) {
    const std::string_view c = lines[i].clean();
    if (is_closed_stamp(c) || lines[i].stamped)
      document_closed = true;
    else if (is_standalone_closed_marker(c))
      closed_toc_titles.push_back(toc_entry_title(c));
  }
  std::vector<bool> readable(lines.size(), false);
  std::vector<std::pair<size_t, size_t>> ranges;
  for (size_t k = 0; k < headings.items.size(); ++k) {
    const auto& h = headings.items[k];
    // In a document stamped closed, a marker line further down (the stamp
    // repeated on each page) splits nothing worth listing.
    if (document_closed && h.form == HeadingForm::closed_marker && !doc.items.empty() &&
        doc.items.back().number_text == h.number_text)
      continue;
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
    const std::string parent = parent_number(h.number_text);
    bool parent_closed = false;  // "3.1" under a closed "3"
    for (const AgendaItem& before : doc.items)
      if (before.number_text == parent && before.is_confidential()) parent_closed = true;
    bool named_closed_in_toc = false;
    for (const std::string& t : closed_toc_titles)
      named_closed_in_toc = named_closed_in_toc || (!t.empty() && headings_match(t, h.title));
    const bool closed = document_closed || h.confidential || closed_group[h.line] || named_closed_in_toc ||
                        parent_closed || has_closed_marker(lines, begin, end);
    item.access = closed ? Access::confidential : Access::public_item;
    std::string title = h.title;
    if (title.empty() && !closed)
      for (const auto& t : headings.toc)
        if (t.number_text == h.number_text) title = t.title;
    read_item_body(lines, begin, end, item);
    // The heading line itself (its number, labels and markers) is the item's,
    // and a closed item's whole region counts as reached.
    reached_ranges.emplace_back(h.line, closed ? end : begin);
    if (!closed) {
      item.type = infer_item_type(h.label, title, item);
      item.title = title;
      for (size_t i = begin; i < end; ++i) readable[i] = true;
    } else if (!document_closed && h.confidential && h.prints_closed_title) {
      item.title = h.title;  // "Lukket: Køb af ejendom": printed for the public
    }
    doc.items.push_back(std::move(item));
  }
  read_meeting_date_phrases(lines, readable, doc.meta);
  // A short header above the first item (the meeting's name, date, place,
  // its table of contents) reaches every item as their metadata; a long one
  // is text the heading finder missed, and counts as lost.
  if (first_item > 0 && first_item <= kHeaderLines) reached_ranges.emplace_back(0, first_item);
}

// The attachments' names are part of what the item prints ("Bilag" and its
// list): searchable like the rest, unless a section already lists them.
void add_attachment_list(AgendaItem& item) {
  if (item.attachments.empty() || item.section("bilag")) return;
  std::string names;
  for (const Attachment& a : item.attachments) names += (names.empty() ? "" : "\n") + a.name;
  item.sections.push_back({"bilag", "Bilag", names, "", ""});
}

void parse_stated(SourceDocument& src, ParsedDocument& doc, const DocumentMeta* manifest) {
  // What the source's own header prints fills what its fields did not state.
  if (!src.header.empty() && (doc.meta.date.empty() || doc.meta.committee.empty() || doc.meta.kind.empty())) {
    DocumentMeta printed;
    const Lines header = Lines::from_blocks(src.header);
    read_document_header(header, header.size(), printed);
    if (doc.meta.date.empty()) doc.meta.date = printed.date;
    if (doc.meta.committee.empty()) doc.meta.committee = printed.committee;
    if (doc.meta.kind.empty()) doc.meta.kind = printed.kind;
  }
  apply_manifest(manifest, doc.meta);
  std::map<std::string, bool> closed_numbers;  // printed number -> closed
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
    // Fail closed: a closed marker in the title or in the item's own text,
    // or a closed parent item (3.1 under a closed 3), closes it.
    const std::string parent = parent_number(item.number_text);
    const bool closed = stated.access == Access::confidential || title_marks_closed(stated.title) ||
                        has_closed_marker(body, 0, body.size()) || (!parent.empty() && closed_numbers[parent]);
    closed_numbers[item.number_text] = closed_numbers[item.number_text] || closed;
    item.access = closed ? Access::confidential : Access::public_item;
    if (closed) {
      // Only what the public document itself prints: number, case ID, title.
      item.title = collapse_spaces(stated.public_title);
    } else {
      read_item_body(body, 0, body.size(), item);
      if (!stated.case_id.empty()) item.case_id = stated.case_id;
      item.title = collapse_spaces(stated.title);
      item.type = infer_item_type(nullptr, item.title, item);
      for (Attachment& a : stated.attachments)
        if (!a.name.empty()) item.attachments.push_back(std::move(a));
      add_attachment_list(item);
    }
    doc.items.push_back(std::move(item));
  }
}

}  // namespace

ParsedDocument parse_document(SourceDocument src, const std::string& source, const DocumentMeta* manifest_entry) {
  ParsedDocument doc;
  doc.meta = src.meta;
  doc.meta.source = source;
  doc.warnings = std::move(src.warnings);
  doc.meta.format = src.format;
  if (src.metadata_only) {
    doc.metadata_only = true;
    return doc;
  }
  WordSet document, reached;  // for the coverage of the document by its items
  if (src.states_items) {
    if (!src.printed_text.empty()) document.add(src.printed_text);
    for (const StatedItem& stated : src.items) {
      if (src.printed_text.empty()) {
        document.add(stated.title);
        for (const Block& b : stated.body) document.add(b.text);
        for (const Attachment& a : stated.attachments) document.add(a.name);
      }
      if (stated.access == Access::confidential || !stated.closed_region_text.empty()) {
        reached.add(stated.title);
        reached.add(stated.closed_region_text);
      }
    }
    parse_stated(src, doc, manifest_entry);
  } else {
    Lines lines = src.blocks.empty() ? Lines::from_text(src.text) : Lines::from_blocks(src.blocks);
    src.text = std::string();  // the lines hold their own copy: free the text
    src.blocks = std::vector<Block>();
    std::vector<std::pair<size_t, size_t>> reached_ranges;  // closed items' regions, the header
    parse_flow(lines, doc, source, manifest_entry, reached_ranges);
    for (size_t i = 0; i < lines.size(); ++i) document.add(lines[i].clean());
    for (const auto& [begin, end] : reached_ranges)
      for (size_t i = begin; i < end; ++i) reached.add(lines[i].clean());
  }
  for (const AgendaItem& item : doc.items) {
    reached.add(item.title);
    reached.add(item.full_text());
    reached.add(item.contact);
    for (const Attachment& a : item.attachments) reached.add(a.name);
  }
  reached.add(doc.meta.committee);
  doc.coverage = measure_coverage(document, reached);
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
