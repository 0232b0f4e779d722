// SBSYS publication XML: <Publication> with the meeting (committee, meeting
// time -- not the publication date), a draft flag (a draft is an agenda),
// and items with IsPublic, number ("1", "2.3" for sub-items), title, case
// number and Fields of Caption/Content (CDATA HTML). Newer exports add
// minutes entries ("Åbent referat" / "Lukket referat") with their own
// IsPublic flag. Member lists (names and e-mail addresses) are not item text.
#include "format/esdh/esdh_fields.h"
#include "format/reader.h"
#include "util/utf8.h"

namespace sagsoeg {

namespace {

using namespace esdh;

bool sniff_sbsys(std::string_view bytes, std::string_view) {
  return to_lower_latin(sniff_root_element(bytes)) == "publication";
}

// Access of an element from its IsPublic flag; without one, the agenda's
// explicit openness decides (a closed or unstated agenda keeps it closed).
bool is_open(const xmlNode* node, bool agenda_open) {
  const xmlNode* flag = first_child_of(node, {"IsPublic", "Public", "Offentlig"});
  std::string value = flag ? text_of(flag) : attribute(node, "IsPublic");
  if (value.empty()) return agenda_open;
  return is_true(value);
}

void read_fields(const xmlNode* fields, std::vector<Block>& body) {
  for (const xmlNode* f = fields ? fields->children : nullptr; f; f = f->next) {
    if (f->type != XML_ELEMENT_NODE) continue;
    const std::string caption = first_child_text(f, {"Caption", "Name", "Title"});
    const std::string content = first_child_text(f, {"Content", "Value", "Text"});
    if (!content.empty()) add_captioned(body, caption, content);
  }
}

void read_items(const xmlNode* container, bool agenda_open, std::vector<StatedItem>& out, int depth) {
  if (!container || depth > 8) return;
  for (const xmlNode* node = container->children; node; node = node->next) {
    if (!is_element(node, "Item") && !is_element(node, "AgendaItem")) continue;
    StatedItem item;
    item.line = static_cast<int>(xmlGetLineNo(node));
    item.number = first_child_text(node, {"Number", "ItemNumber", "Nummer"});
    item.title = first_child_text(node, {"Title", "Caption", "Name"});
    item.case_id = first_child_text(node, {"CaseNumber", "CaseNo", "SagsNummer", "Sagsnummer"});
    const bool open = is_open(node, agenda_open);
    item.access = open ? Access::public_item : Access::confidential;
    if (open) {
      read_fields(child(node, "Fields"), item.body);
      for (const xmlNode* entry : children(first_child_of(node, {"MinutesEntries", "Minutes"}), "MinutesEntry")) {
        // "Lukket referat": the item is public, this part of its minutes is not.
        const std::string type = first_child_text(entry, {"Type", "Caption", "Name"});
        if (is_closed_label(type) || !is_open(entry, false)) continue;
        add_captioned(item.body, is_public_label(type) || type.empty() ? "Beslutning" : type,
                      first_child_text(entry, {"Content", "Text"}));
      }
      for (const xmlNode* a : children(child(node, "Attachments"), "Attachment")) {
        if (!is_open(a, true)) continue;
        item.attachments.push_back({first_child_text(a, {"Title", "Name"}), first_child_text(a, {"Url", "Link"})});
      }
    }
    out.push_back(std::move(item));
    read_items(first_child_of(node, {"Items", "SubItems"}), agenda_open, out, depth + 1);
  }
}

SourceDocument read_sbsys(std::string_view bytes, const ReadContext&) {
  const XmlTree tree = XmlTree::parse_xml(bytes);
  const xmlNode* root = tree.root();
  const xmlNode* meeting = first_child_of(root, {"Meeting", "Moede"});
  SourceDocument doc;
  doc.states_items = true;
  const xmlNode* committee = first_child_of(meeting, {"Committee", "Udvalg"});
  doc.meta.committee = committee && child(committee, "Name") ? child_text(committee, "Name") : text_of(committee);
  doc.meta.date = iso_date(first_child_text(meeting, {"MeetingTime", "MeetingDate", "StartTime", "Start"}));
  const xmlNode* agenda = first_child_of(root, {"Agenda", "Dagsorden"});
  const std::string type = to_lower_latin(first_child_text(root, {"Type", "PublicationType"}) +
                                          first_child_text(agenda, {"Type", "AgendaType"}));
  const bool draft = is_true(first_child_text(root, {"IsDraft", "Draft"}));
  doc.meta.kind = !draft && type.find("referat") != std::string::npos ? "referat" : "dagsorden";
  // The agenda is open only when something says so.
  const std::string agenda_flag = first_child_text(agenda ? agenda : root, {"IsPublic", "Public"});
  const bool agenda_open =
      !is_closed_label(type) && (is_true(agenda_flag) || (agenda_flag.empty() && is_public_label(type)));
  const xmlNode* items = first_child_of(agenda ? agenda : root, {"Items", "AgendaItems"});
  if (!items) items = first_child_of(root, {"Items", "AgendaItems"});
  read_items(items, agenda_open, doc.items, 0);
  return doc;
}

}  // namespace

extern const Reader kSbsysXmlReader;
const Reader kSbsysXmlReader = {"sbsys-xml", sniff_sbsys, read_sbsys};

}  // namespace sagsoeg
