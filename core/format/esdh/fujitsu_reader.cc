// eDoc/Fujitsu agenda XML (namespace http://www.fujitsu.dk/agenda/xml/...):
// Root / Committee (Name) / Meeting (MeetingDateTime) / Agenda /
// AgendaElements / AgendaElement with AccessIsPublic and AccessName
// ("Offentlig publicering" / "Fortrolig publicering"), and its HandlingItem:
// SerialNo, Title, CaseNumber, CasePresentations (Title + HTML Content),
// Attachments. The same meeting published as HTML yields the same items.
#include "format/esdh/esdh_fields.h"
#include "format/reader.h"
#include "util/utf8.h"

namespace sagsoeg {

namespace {

using namespace esdh;

bool sniff_fujitsu(std::string_view bytes, std::string_view) {
  const std::string root = to_lower_latin(sniff_root_element(bytes));
  return root == "root" && bytes.substr(0, 8192).find("fujitsu.dk/agenda") != std::string_view::npos;
}

// Public only when the element's flag and access name both say so, and the
// handling plan, where it names an access, agrees ("Fortrolig publicering"
// there closes the item whatever the element says).
bool is_public_element(const xmlNode* element, const xmlNode* handling) {
  const xmlNode* plan = descendant(handling, {"HandlingPlan", "Handling"});
  return all_public({access_signal(first_child_text(element, {"AccessIsPublic", "IsPublic"}), true),
                     access_signal(first_child_text(element, {"AccessName"}), false),
                     access_signal(child_text(plan, "Access"), false)});
}

// An attachment is published when its own access says public (by name or enum).
bool is_public_attachment(const xmlNode* a) {
  return all_public(
      {access_signal(child_text(a, "AccessName"), false), access_signal(child_text(a, "AccessEnumName"), false)});
}

SourceDocument read_fujitsu(std::string_view bytes, const ReadContext&) {
  const XmlTree tree = XmlTree::parse_xml(bytes);
  const xmlNode* root = tree.root();
  const xmlNode* committee = child(root, "Committee");
  const xmlNode* meeting = child(committee, "Meeting");
  SourceDocument doc;
  doc.warnings = tree.warnings();
  doc.states_items = true;
  doc.meta.committee = child_text(committee, "Name");
  doc.meta.date = iso_date(first_child_text(meeting, {"MeetingDateTime", "MeetingDate"}));
  const std::string output = to_lower_latin(child_text(root, "OutputTypeEnumName"));
  doc.meta.kind = output.empty() || output == "agenda" ? "dagsorden" : "referat";
  for (const xmlNode* element : children(descendant(meeting, {"Agenda", "AgendaElements"}), "AgendaElement")) {
    const xmlNode* handling = child(element, "HandlingItem");
    StatedItem item;
    item.line = static_cast<int>(xmlGetLineNo(element));
    item.number = first_child_text(handling, {"SerialNo", "Number"});
    item.title = child_text(handling, "Title");
    if (item.title.empty()) continue;  // placeholders without a title are no items
    item.case_id = first_child_text(handling, {"CaseNumber", "CaseNo"});
    const bool open = is_public_element(element, handling);
    item.access = open ? Access::public_item : Access::confidential;
    if (open) {
      for (const xmlNode* p : children(child(handling, "CasePresentations"), "CasePresentation"))
        add_captioned(item.body, child_text(p, "Title"), child_text(p, "Content"));
      for (const xmlNode* a : children(child(handling, "Attachments"), "Attachment"))
        if (is_public_attachment(a)) item.attachments.push_back({child_text(a, "Title"), child_text(a, "Link")});
    }
    doc.items.push_back(std::move(item));
  }
  sort_by_number(doc.items);
  return doc;
}

}  // namespace

extern const Reader kFujitsuXmlReader;
const Reader kFujitsuXmlReader = {"fujitsu-xml", sniff_fujitsu, read_fujitsu};

}  // namespace sagsoeg
