// Acadre meeting XML: nested <table name="meeting|agenda|item"> elements,
// each with <fields><field name="...">value</field></fields>. Item bodies
// are escaped HTML with their own section headings and dated decisions
// ("Beslutning i Økonomiudvalget den 12-11-2024"). A manifest file with the
// meeting's committee and date can sit beside the item file: it yields no
// items itself, and the item file takes the meeting metadata from it.
#include <map>

#include "format/esdh/esdh_fields.h"
#include "format/reader.h"
#include "io/input_error.h"
#include "util/utf8.h"

namespace sagsoeg {

namespace {

using namespace esdh;

using Fields = std::map<std::string, std::string>;  // lower-case field name -> value

Fields fields_of(const xmlNode* table) {
  Fields f;
  for (const xmlNode* field : children(child(table, "fields"), "field")) {
    const std::string name = to_lower_latin(attribute(field, "name"));
    if (!name.empty() && !f.count(name)) f[name] = text_of(field);
  }
  return f;
}

std::string get(const Fields& f, std::initializer_list<const char*> names) {
  for (const char* n : names) {
    auto it = f.find(n);
    if (it != f.end() && !it->second.empty()) return it->second;
  }
  return {};
}

bool is_item_table(const std::string& name) {
  return name == "item" || name == "bulletpoint" || name == "agendaitem" || name == "punkt" || name == "dagsordenpunkt";
}

struct Tables {
  std::vector<const xmlNode*> meetings, agendas, items;
};

void collect(const xmlNode* node, Tables& t, int depth) {
  if (depth > 64 || node->type != XML_ELEMENT_NODE) return;
  if (is_element(node, "table")) {
    const std::string name = to_lower_latin(attribute(node, "name"));
    if (name == "meeting" || name == "møde") t.meetings.push_back(node);
    if (name == "agenda" || name == "dagsorden") t.agendas.push_back(node);
    if (is_item_table(name)) t.items.push_back(node);
  }
  for (const xmlNode* c = node->children; c; c = c->next) collect(c, t, depth + 1);
}

DocumentMeta meeting_meta(const Fields& f) {
  DocumentMeta m;
  m.committee = get(f, {"committeename", "committee", "udvalg", "udvalgsnavn", "name"});
  m.date = iso_date(get(f, {"meetingdate", "date", "startdate", "mødedato", "moedetid", "meetingstart"}));
  return m;
}

bool sniff_acadre(std::string_view bytes, std::string_view) {
  const std::string root = to_lower_latin(sniff_root_element(bytes));
  if (root.empty()) return false;
  const std::string_view head = bytes.substr(0, 64 * 1024);
  return (root == "table" || head.find("<table name=") != std::string_view::npos) &&
         head.find("<fields") != std::string_view::npos && root != "html";
}

SourceDocument read_acadre(std::string_view bytes, const ReadContext& context) {
  const XmlTree tree = XmlTree::parse_xml(bytes);
  Tables t;
  collect(tree.root(), t, 0);

  SourceDocument doc;
  std::string meeting_id;
  for (const xmlNode* m : t.meetings) {
    const Fields f = fields_of(m);
    if (meeting_id.empty()) meeting_id = get(f, {"sysid", "id", "meetingid"});
    const DocumentMeta stated = meeting_meta(f);
    if (doc.meta.committee.empty()) doc.meta.committee = stated.committee;
    if (doc.meta.date.empty()) doc.meta.date = stated.date;
  }
  if (t.items.empty()) {
    if (t.meetings.empty()) throw InputError("Acadre XML without meeting or item tables");
    doc.metadata_only = true;  // a manifest: merged into the item files beside it
    doc.meeting_id = meeting_id;
    return doc;
  }
  if (context.sidecars && (doc.meta.committee.empty() || doc.meta.date.empty())) {
    if (const DocumentMeta* m = context.sidecars->acadre_meeting(meeting_id)) {
      if (doc.meta.committee.empty()) doc.meta.committee = m->committee;
      if (doc.meta.date.empty()) doc.meta.date = m->date;
    }
  }
  std::string agenda_access;
  for (const xmlNode* a : t.agendas) {
    const Fields f = fields_of(a);
    if (agenda_access.empty()) agenda_access = get(f, {"access", "accessname", "adgang", "agendaaccess"});
    const std::string type = to_lower_latin(get(f, {"agendatype", "type", "dagsordentype"}));
    if (!type.empty()) doc.meta.kind = type.find("referat") != std::string::npos ? "referat" : "dagsorden";
    if (is_closed_label(type)) agenda_access = type;
  }
  doc.states_items = true;
  doc.meeting_id = meeting_id;
  for (const xmlNode* node : t.items) {
    const Fields f = fields_of(node);
    StatedItem item;
    item.line = static_cast<int>(xmlGetLineNo(node));
    item.number = get(f, {"number", "itemnumber", "bulletpointnumber", "punktnummer", "nummer", "no"});
    item.title = get(f, {"title", "name", "titel", "overskrift"});
    item.case_id = get(f, {"caseno", "casenumber", "sagsnummer", "sagsnr", "journalnumber"});
    const std::string label = get(f, {"accessname", "access", "adgang", "accesscode"});
    const bool open = !is_closed_label(agenda_access) &&
                      (is_public_label(label) || (label.empty() && is_public_label(agenda_access)));
    item.access = open ? Access::public_item : Access::confidential;
    if (open) add_content(item.body, get(f, {"body", "content", "text", "html", "beskrivelse", "fulltext"}));
    doc.items.push_back(std::move(item));
  }
  sort_by_number(doc.items);
  return doc;
}

}  // namespace

extern const Reader kAcadreXmlReader;
const Reader kAcadreXmlReader = {"acadre-xml", sniff_acadre, read_acadre};

}  // namespace sagsoeg
