// SBSYS publication XML, as SBSYS's publisher writes it (two generations
// read from real exports):
//   <Publication> [PublicationTypeAsEnum Draft | Final]
//     <Agendas><Agenda> Name, [IsPublic], [PublicationTypeAsValue],
//       Meeting (When, Where, Members), Committee (Name, CommitteeGroup),
//       Items / Item: Caption, Number ("1", "1.1"), IsPublic, Case/Number,
//         Fields / ItemField (Caption, Content: CDATA HTML),
//         Enclosures / Enclosure (Name, [IsPublic]).
// Items numbered 0 captioned "Åbent referat" / "Lukket referat" are the
// minutes' appendix entries, not agenda items: an open one says the
// publication is minutes. Member lists (names, e-mail addresses) and the
// publisher's settings are not item text.
#include <cctype>

#include "format/esdh/esdh_fields.h"
#include "format/reader.h"
#include "io/input_error.h"
#include "parse/access_markers.h"
#include "parse/danish_date.h"
#include "util/utf8.h"

namespace sagsoeg {

namespace {

using namespace esdh;

bool sniff_sbsys(std::string_view bytes, std::string_view) {
  return to_lower_latin(sniff_root_element(bytes)) == "publication";
}

// "FORRETNINGSUDVALGET" -> "Forretningsudvalget": names printed in capitals.
std::string committee_name(const std::string& stated) {
  std::string name = collapse_spaces(stated);
  bool has_lower = false;
  size_t pos = 0;
  while (pos < name.size()) {
    const uint32_t cp = next_code_point(name, pos);
    has_lower = has_lower || (is_letter(cp) && !is_upper_letter(cp));
  }
  if (has_lower || name.empty()) return name;
  std::string lower = to_lower_latin(name);
  std::string out;
  pos = 0;
  const uint32_t first = next_code_point(lower, pos);
  append_utf8(out, first < 0x80 ? static_cast<uint32_t>(std::toupper(static_cast<int>(first)))
                                : (first >= 0xE0 && first <= 0xFE ? first - 0x20 : first));
  out += lower.substr(pos);
  return out;
}

// An appendix entry of the minutes ("Åbent referat", "Lukket referat"):
// number 0 and a caption that names the minutes.
bool is_minutes_entry(const std::string& number, const std::string& caption) {
  const std::string c = to_lower_latin(caption);
  return (number.empty() || number == "0") && c.find("referat") != std::string::npos;
}

void read_fields(const xmlNode* item, std::vector<Block>& body) {
  for (const xmlNode* f : children(child(item, "Fields"), "ItemField"))
    add_captioned(body, child_text(f, "Caption"), child_text(f, "Content"));
}

void read_enclosures(const xmlNode* item, AccessSignal item_access, StatedItem& out) {
  for (const xmlNode* e : children(child(item, "Enclosures"), "Enclosure")) {
    const xmlNode* flag = child(e, "IsPublic");
    const AccessSignal own = flag ? access_signal(text_of(flag), true) : item_access;
    if (!all_public({item_access, own})) continue;  // not for publication
    const std::string name = collapse_spaces(child_text(e, "Name"));
    if (!name.empty()) out.attachments.push_back({name, child_text(e, "DownloadUrl")});
  }
}

struct AgendaRead {
  bool minutes_entry_open = false;  ///< an open "Åbent referat" entry
};

void read_agenda(const xmlNode* agenda, SourceDocument& doc, AgendaRead& read) {
  const xmlNode* agenda_flag = child(agenda, "IsPublic");
  const AccessSignal agenda_access = agenda_flag ? access_signal(text_of(agenda_flag), true) : AccessSignal::absent;
  for (const xmlNode* node : children(child(agenda, "Items"), "Item")) {
    StatedItem item;
    item.line = static_cast<int>(xmlGetLineNo(node));
    item.number = collapse_spaces(child_text(node, "Number"));
    item.title = collapse_spaces(child_text(node, "Caption"));
    const AccessSignal own = access_signal(child_text(node, "IsPublic"), true);
    const bool open = all_public({agenda_access, own});
    if (is_minutes_entry(item.number, item.title)) {
      read.minutes_entry_open = read.minutes_entry_open || open;
      continue;
    }
    item.case_id = collapse_spaces(child_text(child(node, "Case"), "Number"));
    item.access = open ? Access::public_item : Access::confidential;
    if (open) {
      read_fields(node, item.body);
      read_enclosures(node, own, item);
    }
    doc.items.push_back(std::move(item));
  }
}

SourceDocument read_sbsys(std::string_view bytes, const ReadContext&) {
  const XmlTree tree = XmlTree::parse_xml(bytes);
  const xmlNode* root = tree.root();
  const std::vector<const xmlNode*> agendas = children(child(root, "Agendas"), "Agenda");
  if (agendas.empty()) throw InputError("SBSYS publication without an Agendas/Agenda element");
  SourceDocument doc;
  doc.warnings = tree.warnings();
  doc.states_items = true;
  const xmlNode* first = agendas.front();
  // The committee as its name is printed; the agenda's name, where it is the
  // same name, shows its capitalisation ("SOCIAL- OG SUNDHEDSUDVALGET").
  const std::string stated = collapse_spaces(child_text(child(first, "Committee"), "Name"));
  const std::string agenda_name = collapse_spaces(child_text(first, "Name"));
  doc.meta.committee = to_lower_latin(stated) == to_lower_latin(agenda_name) ? agenda_name : committee_name(stated);
  if (doc.meta.committee.empty()) doc.meta.committee = agenda_name;
  doc.meta.organisation = collapse_spaces(child_text(first, "Organisation"));
  doc.meta.date = iso_date(child_text(child(first, "Meeting"), "When"));
  doc.meeting_id = attribute(child(first, "Meeting"), "ID");
  doc.meta.published = sortable_time(child_text(root, "Published"));
  AgendaRead read;
  for (const xmlNode* agenda : agendas) read_agenda(agenda, doc, read);
  // The publication's type: a draft or final agenda, or the minutes.
  const std::string type = to_lower_latin(child_text(root, "PublicationTypeAsEnum"));
  const std::string value = child_text(first, "PublicationTypeAsValue");
  if (read.minutes_entry_open || value == "2" || type.find("minute") != std::string::npos ||
      type.find("referat") != std::string::npos)
    doc.meta.kind = "referat";
  else if (type == "draft" || type == "final" || value == "0" || value == "1")
    doc.meta.kind = "dagsorden";
  sort_by_number(doc.items);
  return doc;
}

}  // namespace

extern const Reader kSbsysXmlReader;
const Reader kSbsysXmlReader = {"sbsys-xml", sniff_sbsys, read_sbsys};

}  // namespace sagsoeg
