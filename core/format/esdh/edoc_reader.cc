// eDoc publishing XML: <Meeting> with Committee, MeetingDate
// ("DD-MM-YYYY HH:MM:SS"), MeetingState, and per agenda type (Åben / Lukket
// dagsorden) its MeetingAgendaItems: number, Document (Title,
// PublishingType, Attachments) and FullText with the item's own headings.
// Attachments' text is indexed as a "Bilag: <name>" section of its item.
#include "format/esdh/esdh_fields.h"
#include "format/reader.h"
#include "util/utf8.h"

namespace sagsoeg {

namespace {

using namespace esdh;

bool sniff_edoc(std::string_view bytes, std::string_view) {
  return to_lower_latin(sniff_root_element(bytes)) == "meeting";
}

// PublishingType "SKAL PUBLICERES" publishes; any other stated value keeps
// the item closed. Absent, the agenda type decides.
bool publishes(const std::string& publishing_type) {
  return publishing_type.empty() || is_public_label(publishing_type);
}

StatedItem read_item(const xmlNode* node, bool agenda_open) {
  StatedItem item;
  item.line = static_cast<int>(xmlGetLineNo(node));
  item.number = first_child_text(node, {"AgendaItemNumber", "Number", "ItemNumber"});
  const xmlNode* document = child(node, "Document");
  item.title = first_child_text(document, {"Title"});
  if (item.title.empty()) item.title = first_child_text(node, {"Title"});
  item.case_id = first_child_text(document, {"CaseNumber", "CaseNo", "Sagsnummer"});
  const bool open = agenda_open && publishes(first_child_text(document, {"PublishingType"}));
  item.access = open ? Access::public_item : Access::confidential;
  if (!open) return item;  // a closed item's text is never read
  add_content(item.body, first_child_text(node, {"FullText", "Text"}));
  for (const xmlNode* a : children(child(document, "Attachments"), "Attachment")) {
    const std::string name = first_child_text(a, {"Title", "Name"});
    const std::string publish = attribute(a, "MaaPubliceres");
    if (!publish.empty() && !is_true(publish)) continue;  // an attachment marked not for publication
    item.attachments.push_back({name, first_child_text(a, {"PDFDocument", "Link", "Url"})});
    const std::string text = first_child_text(a, {"FullText", "Text"});
    if (!text.empty()) add_captioned(item.body, "Bilag: " + name, text);
  }
  return item;
}

SourceDocument read_edoc(std::string_view bytes, const ReadContext&) {
  const XmlTree tree = XmlTree::parse_xml(bytes);
  const xmlNode* root = tree.root();
  SourceDocument doc;
  doc.states_items = true;
  doc.meta.committee = first_child_text(root, {"Committee", "CommitteeName"});
  doc.meta.date = iso_date(first_child_text(root, {"MeetingDate", "MeetingDateTime"}));
  const std::string state = to_lower_latin(first_child_text(root, {"MeetingState"}));
  doc.meta.kind = state.find("referat") != std::string::npos ? "referat" : "dagsorden";
  for (const xmlNode* type : children(child(root, "MeetingAgendaTypes"), "MeetingAgendaType")) {
    const bool open = is_public_label(first_child_text(type, {"AgendaType"}));
    for (const xmlNode* n : children(child(type, "MeetingAgendaItems"), "MeetingAgendaItem"))
      doc.items.push_back(read_item(n, open));
  }
  sort_by_number(doc.items);
  return doc;
}

}  // namespace

extern const Reader kEdocXmlReader;
const Reader kEdocXmlReader = {"edoc-xml", sniff_edoc, read_edoc};

}  // namespace sagsoeg
