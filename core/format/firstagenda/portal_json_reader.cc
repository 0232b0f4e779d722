// FirstAgenda portal JSON (GET <portal>/api/agenda/dagsorden/<meeting id>):
// Udvalg.Navn, Moede.Dato and Moede.Navn for the meeting, and per item of
// Dagsordenpunkter its Punktnummer, Navn, SagsNummer, the case presentation
// in Felter[].Html (the markup of the publication page) and the Bilag names.
// IsOpen is false on every item of these portals and says nothing about
// publication; "Lukket:" in the title does.
#include <nlohmann/json.hpp>

#include "format/firstagenda/case_presentation.h"
#include "format/reader.h"
#include "io/input_error.h"
#include "parse/danish_date.h"
#include "util/utf8.h"

namespace sagsoeg {

namespace {

using nlohmann::json;

// Nesting deeper than this is no agenda; refusing it bounds the parse.
constexpr int kMaxDepth = 64;

std::string text_at(const json& j, std::initializer_list<const char*> keys) {
  if (!j.is_object()) return {};
  for (const char* k : keys) {
    const auto it = j.find(k);
    if (it == j.end()) continue;
    if (it->is_string() && !it->get_ref<const std::string&>().empty()) return it->get<std::string>();
    if (it->is_number_integer()) return std::to_string(it->get<long long>());
  }
  return {};
}

const json& member(const json& j, const char* key) {
  static const json null;
  if (!j.is_object()) return null;
  const auto it = j.find(key);
  return it == j.end() ? null : *it;
}

bool sniff_portal_json(std::string_view bytes, std::string_view) {
  if (starts_with(bytes, "\xEF\xBB\xBF")) bytes.remove_prefix(3);
  const std::string_view t = trim(bytes.substr(0, 16));
  if (t.empty() || t.front() != '{') return false;
  const std::string_view head = bytes.substr(0, 1 << 20);
  return head.find("\"Dagsordenpunkter\"") != std::string_view::npos;
}

StatedItem read_item(const json& p) {
  StatedItem item;
  const std::string number = text_at(p, {"Punktnummer", "Number"});
  const std::string name = text_at(p, {"Navn"}), item_caption = text_at(p, {"Caption"});
  firstagenda::set_title_and_access(item, number, name.empty() ? item_caption : name, false);
  // The item's two titles may disagree (one edited later): a closed sign in
  // either closes it.
  if (!name.empty() && !item_caption.empty() && item_caption != name && item.access != Access::confidential) {
    StatedItem by_caption;
    firstagenda::set_title_and_access(by_caption, number, item_caption, false);
    if (by_caption.access == Access::confidential) item = std::move(by_caption);
  }
  item.case_id = collapse_spaces(text_at(p, {"SagsNummer", "CaseNumber"}));
  if (item.access == Access::confidential) return item;  // nothing of a closed item is read
  for (const json& field : member(p, "Felter")) {
    const std::string caption = text_at(field, {"Navn"});
    if (!caption.empty()) {
      Block h;
      h.kind = BlockKind::heading;
      h.level = 3;
      h.caption = true;
      h.text = collapse_spaces(caption);
      item.body.push_back(std::move(h));
    }
    for (Block& b : firstagenda::case_presentation(text_at(field, {"Html"}))) item.body.push_back(std::move(b));
  }
  for (const json& bilag : member(p, "Bilag")) {
    const std::string id = text_at(bilag, {"Id"});
    item.attachments.push_back({collapse_spaces(text_at(bilag, {"Navn", "Name"})),
                                id.empty() ? std::string() : "/vis/pdf/bilag/" + id + "/?redirectDirectlyToPdf=false"});
  }
  return item;
}

SourceDocument read_portal_json(std::string_view bytes, const ReadContext&) {
  if (starts_with(bytes, "\xEF\xBB\xBF")) bytes.remove_prefix(3);
  json root;
  try {
    root = json::parse(bytes.begin(), bytes.end(), [](int depth, json::parse_event_t, json&) {
      if (depth > kMaxDepth) throw InputError("JSON nested deeper than " + std::to_string(kMaxDepth) + " levels");
      return true;
    });
  } catch (const json::exception& e) {
    throw InputError(std::string("FirstAgenda JSON that cannot be parsed: ") + e.what());
  }
  const json& items = member(root, "Dagsordenpunkter");
  if (!items.is_array()) throw InputError("FirstAgenda JSON without a list of Dagsordenpunkter");
  SourceDocument doc;
  doc.states_items = true;
  doc.meeting_id = text_at(root, {"Id"});
  doc.meta.committee = collapse_spaces(text_at(member(root, "Udvalg"), {"Navn", "Name"}));
  const json& meeting = member(root, "Moede");
  doc.meta.date = parse_date_prefix(text_at(meeting, {"Dato", "MeetingBeginUtc"}));
  // "Referat" names minutes; a meeting still called "Dagsorden" is minutes
  // once its items carry decisions (the parser decides that from them).
  if (to_lower_latin(text_at(meeting, {"Navn"})).find("referat") != std::string::npos) doc.meta.kind = "referat";
  for (const json& p : items)
    if (p.is_object()) doc.items.push_back(read_item(p));
  return doc;
}

}  // namespace

extern const Reader kFirstAgendaJsonReader;
const Reader kFirstAgendaJsonReader = {"firstagenda-json", sniff_portal_json, read_portal_json};

}  // namespace sagsoeg
