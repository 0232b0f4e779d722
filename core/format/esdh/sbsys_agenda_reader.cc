// SBSYS agenda XML, the export OS2dagsorden's SBSYS importer reads: a
// <Dagsorden> root whose attributes say the agenda's openness (Åben) and
// type (Dagsordentype: Dagsorden / Referat), a <Møde> with the committee and
// the meeting date ("27. august 2018"), and <Dagsordenpunkter> whose
// <Dagsordenpunkt> elements carry their own Åbent flag, an <Overskrift>, the
// item's text fields under <Indhold> (one element per field, named by the
// field or by an Overskrift/Navn attribute; HTML, escaped or not) and
// <Bilagsliste> attachments with MaaPubliceres flags.
#include "format/esdh/esdh_fields.h"
#include "format/reader.h"
#include "util/utf8.h"

namespace sagsoeg {

namespace {

using namespace esdh;

bool sniff_sbsys_agenda(std::string_view bytes, std::string_view) {
  return to_lower_latin(sniff_root_element(bytes)) == "dagsorden";
}

// An attribute or a child element of that name: exports differ.
std::string stated(const xmlNode* node, std::initializer_list<std::string_view> names) {
  for (std::string_view n : names) {
    std::string v = attribute(node, n);
    if (!v.empty()) return v;
  }
  return first_child_text(node, names);
}

void read_fields(const xmlNode* content, std::vector<Block>& body) {
  bool any_field = false;
  for (const xmlNode* f = content ? content->children : nullptr; f; f = f->next) {
    if (f->type != XML_ELEMENT_NODE) continue;
    any_field = true;
    std::string caption = stated(f, {"Overskrift", "Navn", "Titel"});
    if (caption.empty()) caption = std::string(local_name(f));
    add_captioned(body, caption,
                  first_child_text(f, {"Tekst", "Indhold", "Text"}).empty()
                      ? text_of(f)
                      : first_child_text(f, {"Tekst", "Indhold", "Text"}));
  }
  if (!any_field && content) add_content(body, text_of(content));
}

SourceDocument read_sbsys_agenda(std::string_view bytes, const ReadContext&) {
  const XmlTree tree = XmlTree::parse_xml(bytes);
  const xmlNode* root = tree.root();
  SourceDocument doc;
  doc.warnings = tree.warnings();
  doc.states_items = true;
  const xmlNode* meeting = first_child_of(root, {"M\xC3\xB8"
                                                 "de",
                                                 "Moede", "Meeting"});
  doc.meta.committee = stated(meeting, {"Udvalg", "Udvalgsnavn"});
  doc.meta.date = iso_date(stated(meeting, {"M\xC3\xB8"
                                            "dedato",
                                            "Moededato", "Dato"}));
  const std::string type = to_lower_latin(stated(root, {"Dagsordentype", "Type"}));
  doc.meta.kind = type.find("referat") != std::string::npos ? "referat" : "dagsorden";
  // Open only when the agenda says so: "true" (or an open label), never by default.
  const std::string agenda_flag = stated(root, {"\xC3\x85"
                                                "ben",
                                                "Aaben", "IsPublic"});
  const bool agenda_open = !is_closed_label(type) && (is_public_flag(agenda_flag) || is_public_label(agenda_flag));
  int position = 0;
  for (const xmlNode* node : children(first_child_of(root, {"Dagsordenpunkter"}), "Dagsordenpunkt")) {
    ++position;
    StatedItem item;
    item.line = static_cast<int>(xmlGetLineNo(node));
    item.number = stated(node, {"Nummer", "Punktnummer", "Dagsordenpunktnummer"});
    if (item.number.empty()) item.number = std::to_string(position);  // stated in document order
    item.title = stated(node, {"Overskrift", "Titel"});
    item.case_id = stated(node, {"Sagsnummer", "SagsNummer", "Sagsnr"});
    const std::string flag = stated(node, {"\xC3\x85"
                                           "bent",
                                           "Aabent",
                                           "\xC3\x85"
                                           "ben",
                                           "IsPublic"});
    const bool open = agenda_open && (is_public_flag(flag) || is_public_label(flag));
    item.access = open ? Access::public_item : Access::confidential;
    if (open) {
      for (const xmlNode* content : children(node, "Indhold")) read_fields(content, item.body);
      for (const xmlNode* a : children(first_child_of(node, {"Bilagsliste"}), "Bilag")) {
        if (!is_public_flag(stated(a, {"MaaPubliceres",
                                       "M\xC3\xA5"
                                       "Publiceres"})))
          continue;  // unstated: not for publication
        item.attachments.push_back({stated(a, {"Navn", "Titel"}), stated(a, {"BilagUrl", "Url"})});
      }
    }
    doc.items.push_back(std::move(item));
  }
  sort_by_number(doc.items);
  return doc;
}

}  // namespace

extern const Reader kSbsysAgendaXmlReader;
const Reader kSbsysAgendaXmlReader = {"sbsys-dagsorden-xml", sniff_sbsys_agenda, read_sbsys_agenda};

}  // namespace sagsoeg
