// Acadre MM XML, as Acadre's meeting module writes it: nested
// <table name="..."> elements, each with <fields><field name="...">value
// </field></fields>:
//   agenda (name "Referat"/"Dagsorden", access, accessname)
//     committee (name), meeting (name, date), members (not item text)
//     agendaitemparents (sort: the item's printed number, e.g. 715)
//       agendaitem (name, caseno, access, accessname)
//         bullet (bulletname, bulletcontent: escaped HTML) -- the sections,
//           decisions as "Beslutning i <udvalg> den 10-04-2013"
//         enclosure (name, access, accessname)
// The publication manifest beside it (XML_<agenda>.xml) writes each value
// as an attribute named after its field (<field date="2013-06-20 10:30"/>):
// it holds metadata only and yields no items; an item file without its own
// committee or date takes them from it.
#include <algorithm>
#include <cctype>
#include <map>

#include "format/esdh/esdh_fields.h"
#include "format/reader.h"
#include "io/input_error.h"
#include "util/utf8.h"

namespace sagsoeg {

namespace {

using namespace esdh;

using Fields = std::map<std::string, std::string>;  // lower-case field name -> value

// <field name="date">2013-06-20</field>, or the manifest's <field date="2013-06-20"/>.
Fields fields_of(const xmlNode* table, bool attribute_style) {
  Fields f;
  for (const xmlNode* fields : children(table, "fields")) {
    for (const xmlNode* field : children(fields, "field")) {
      if (attribute_style) {
        for (const xmlAttr* a = field->properties; a; a = a->next)
          if (a->name)
            f.emplace(to_lower_latin(reinterpret_cast<const char*>(a->name)),
                      attribute(field, reinterpret_cast<const char*>(a->name)));
      } else {
        const std::string name = to_lower_latin(attribute(field, "name"));
        if (!name.empty()) f.emplace(name, text_of(field));
      }
    }
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

std::string table_name(const xmlNode* n) {
  return is_element(n, "table") ? to_lower_latin(attribute(n, "name")) : std::string();
}

// Tables by name, anywhere below `node` (iteratively: no recursion on input depth).
std::vector<const xmlNode*> tables_named(const xmlNode* node, std::initializer_list<const char*> names) {
  std::vector<const xmlNode*> out;
  std::vector<const xmlNode*> stack{node};
  while (!stack.empty()) {
    const xmlNode* n = stack.back();
    stack.pop_back();
    if (n != node) {
      const std::string t = table_name(n);
      for (const char* name : names)
        if (t == name) out.push_back(n);
    }
    for (const xmlNode* c = n->last; c; c = c->prev)
      if (c->type == XML_ELEMENT_NODE) stack.push_back(c);
  }
  return out;
}

// Access of an item, enclosure or agenda: the access name must be a public
// label, and an access field written as a word must agree. A numeric access
// code means what its access name says; alone, it cannot open an item
// (`numeric_alone_closes`), nor close an agenda.
AccessSignal access_of(const Fields& f, bool numeric_alone_closes) {
  const std::string code = get(f, {"access", "adgang"});
  const bool numeric = !code.empty() && std::all_of(code.begin(), code.end(),
                                                    [](char c) { return std::isdigit(static_cast<unsigned char>(c)); });
  const AccessSignal from_name = access_signal(get(f, {"accessname", "adgangsnavn"}), false);
  const AccessSignal from_code = numeric ? AccessSignal::absent : access_signal(code, false);
  if (from_name == AccessSignal::absent && from_code == AccessSignal::absent)
    return numeric && numeric_alone_closes ? AccessSignal::closed : AccessSignal::absent;
  return all_public({from_name, from_code}) ? AccessSignal::public_value : AccessSignal::closed;
}

StatedItem read_item(const xmlNode* parent, const xmlNode* node, AccessSignal agenda_access) {
  const Fields f = fields_of(node, false);
  StatedItem item;
  item.line = static_cast<int>(xmlGetLineNo(node));
  // The printed number is the item's place in the agenda (agendaitemparents' sort).
  item.number = get(fields_of(parent, false), {"sort", "number", "nummer"});
  if (item.number.empty()) item.number = get(f, {"number", "itemnumber", "nummer", "sort"});
  item.title = collapse_spaces(get(f, {"name", "title", "titel"}));
  item.case_id = collapse_spaces(get(f, {"caseno", "casenumber", "sagsnummer"}));
  const AccessSignal own = access_of(f, true);
  const bool open = all_public({agenda_access, own});
  item.access = open ? Access::public_item : Access::confidential;
  if (!open) return item;  // a closed item's text is never read
  for (const xmlNode* bullet : tables_named(node, {"bullet"})) {
    const Fields b = fields_of(bullet, false);
    add_captioned(item.body, get(b, {"bulletname", "name"}), get(b, {"bulletcontent", "content"}));
  }
  for (const xmlNode* enclosure : tables_named(node, {"enclosure"})) {
    const Fields e = fields_of(enclosure, false);
    if (!all_public({own, access_of(e, true)})) continue;  // not for publication
    item.attachments.push_back({collapse_spaces(get(e, {"name", "description"})), get(e, {"filename"})});
  }
  return item;
}

bool sniff_acadre(std::string_view bytes, std::string_view) {
  const std::string root = to_lower_latin(sniff_root_element(bytes));
  if (root.empty() || root == "html") return false;
  const std::string_view head = bytes.substr(0, 64 * 1024);
  return head.find("<table name=") != std::string_view::npos && head.find("<fields") != std::string_view::npos;
}

SourceDocument read_acadre(std::string_view bytes, const ReadContext& context) {
  const XmlTree tree = XmlTree::parse_xml(bytes);
  const xmlNode* root = tree.root();
  const std::vector<const xmlNode*> parents = tables_named(root, {"agendaitemparents"});
  std::vector<const xmlNode*> items = tables_named(root, {"agendaitem", "item", "bulletpoint", "dagsordenpunkt"});
  const bool manifest = items.empty();
  SourceDocument doc;
  doc.warnings = tree.warnings();
  const std::vector<const xmlNode*> meetings = tables_named(root, {"meeting"});
  const std::vector<const xmlNode*> committees = tables_named(root, {"committee"});
  const std::vector<const xmlNode*> agendas = tables_named(root, {"agenda"});
  if (meetings.empty() && manifest) throw InputError("Acadre XML without meeting or agenda item tables");
  const Fields meeting = meetings.empty() ? Fields{} : fields_of(meetings.front(), manifest);
  const Fields agenda = agendas.empty() ? Fields{} : fields_of(agendas.front(), manifest);
  doc.meeting_id = get(meeting, {"sysid", "id"});
  doc.meta.date = iso_date(get(meeting, {"date", "meetingdate", "startdate"}));
  if (!committees.empty()) {
    const Fields c = fields_of(committees.front(), manifest);
    doc.meta.committee = collapse_spaces(get(c, {"name", "committeename"}));
  }
  const std::string kind = to_lower_latin(get(agenda, {"name", "agendatype", "type"}));
  if (kind.find("referat") != std::string::npos) doc.meta.kind = "referat";
  if (kind.find("dagsorden") != std::string::npos) doc.meta.kind = "dagsorden";
  if (manifest) {
    doc.metadata_only = true;  // merged into the item files beside it
    return doc;
  }
  if (context.sidecars && (doc.meta.committee.empty() || doc.meta.date.empty())) {
    if (const DocumentMeta* m = context.sidecars->acadre_meeting(doc.meeting_id)) {
      if (doc.meta.committee.empty()) doc.meta.committee = m->committee;
      if (doc.meta.date.empty()) doc.meta.date = m->date;
      if (doc.meta.kind.empty()) doc.meta.kind = m->kind;
    }
  }
  doc.states_items = true;
  const AccessSignal agenda_access = access_of(agenda, false);
  for (const xmlNode* parent : parents)
    for (const xmlNode* node : tables_named(parent, {"agendaitem"})) {
      doc.items.push_back(read_item(parent, node, agenda_access));
      items.erase(std::remove(items.begin(), items.end(), node), items.end());
    }
  for (const xmlNode* node : items) doc.items.push_back(read_item(node, node, agenda_access));
  sort_by_number(doc.items);
  return doc;
}

}  // namespace

extern const Reader kAcadreXmlReader;
const Reader kAcadreXmlReader = {"acadre-xml", sniff_acadre, read_acadre};

}  // namespace sagsoeg
