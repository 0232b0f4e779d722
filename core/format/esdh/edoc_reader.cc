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

// Signals a Document or Attachment states about its publication: the
// PublishingType ("SKAL PUBLICERES"; "SKAL IKKE PUBLICERES" closes), a
// SecurityCode ("Fortrolig" closes), PublicAccess ("Nej" closes) and a
// MaaPubliceres / MåPubliceres element or attribute.
AccessSignal publication_signal(const xmlNode* node) {
  const std::string may = first_child_text(node, {"MaaPubliceres", "M\xC3\xA5Publiceres"});
  const std::string may_attribute = attribute(node, "MaaPubliceres") + attribute(node, "M\xC3\xA5Publiceres");
  const AccessSignal signals[] = {access_signal(first_child_text(node, {"PublishingType"}), false),
                                  access_signal(first_child_text(node, {"SecurityCode"}), false),
                                  access_signal(first_child_text(node, {"PublicAccess"}), true),
                                  access_signal(may, true), access_signal(may_attribute, true)};
  bool any_public = false;
  for (AccessSignal s : signals) {
    if (s == AccessSignal::closed) return AccessSignal::closed;
    any_public = any_public || s == AccessSignal::public_value;
  }
  return any_public ? AccessSignal::public_value : AccessSignal::absent;
}

StatedItem read_item(const xmlNode* node, AccessSignal agenda_access) {
  StatedItem item;
  item.line = static_cast<int>(xmlGetLineNo(node));
  item.number = first_child_text(node, {"AgendaItemNumber", "Number", "ItemNumber"});
  const xmlNode* document = child(node, "Document");
  item.title = first_child_text(document, {"Title"});
  if (item.title.empty()) item.title = first_child_text(node, {"Title"});
  item.case_id = first_child_text(document, {"CaseNumber", "CaseNo", "Sagsnummer"});
  const AccessSignal own = publication_signal(document);
  // The agenda type decides; the item's own signals can only close it.
  const bool open = all_public({agenda_access, own == AccessSignal::closed ? own : AccessSignal::absent});
  item.access = open ? Access::public_item : Access::confidential;
  if (!open) return item;  // a closed item's text is never read
  add_content(item.body, first_child_text(node, {"FullText", "Text"}));
  for (const xmlNode* a : children(child(document, "Attachments"), "Attachment")) {
    if (publication_signal(a) == AccessSignal::closed) continue;  // an attachment not for publication
    const std::string name = first_child_text(a, {"Title", "Name"});
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
  doc.warnings = tree.warnings();
  doc.states_items = true;
  doc.meta.committee = first_child_text(root, {"Committee", "CommitteeName"});
  doc.meta.date = iso_date(first_child_text(root, {"MeetingDate", "MeetingDateTime"}));
  const std::string state = to_lower_latin(first_child_text(root, {"MeetingState"}));
  doc.meta.kind = state.find("referat") != std::string::npos ? "referat" : "dagsorden";
  for (const xmlNode* type : children(child(root, "MeetingAgendaTypes"), "MeetingAgendaType")) {
    const AccessSignal agenda = access_signal(first_child_text(type, {"AgendaType"}), false);
    for (const xmlNode* n : children(child(type, "MeetingAgendaItems"), "MeetingAgendaItem"))
      doc.items.push_back(read_item(n, agenda == AccessSignal::absent ? AccessSignal::closed : agenda));
  }
  sort_by_number(doc.items);
  return doc;
}

}  // namespace

extern const Reader kEdocXmlReader;
const Reader kEdocXmlReader = {"edoc-xml", sniff_edoc, read_edoc};

}  // namespace sagsoeg
