#include "model/item_json.h"

namespace sagsoeg {

namespace {

nlohmann::json null_if_empty(const std::string& s) {
  return s.empty() ? nlohmann::json() : nlohmann::json(s);
}

std::string string_or_empty(const nlohmann::json& j, const char* key) {
  auto it = j.find(key);
  return it == j.end() || !it->is_string() ? std::string() : it->get<std::string>();
}

}  // namespace

nlohmann::json item_to_json(const AgendaItem& item) {
  nlohmann::json j;
  j["source"] = item.meta.source;
  j["item"] = item.number;
  j["id"] = item.id();
  j["title"] = item.title;
  j["type"] = null_if_empty(item.type);
  j["access"] = access_name(item.access);
  j["case_id"] = null_if_empty(item.case_id);
  j["case_refs"] = item.case_refs;
  j["date"] = null_if_empty(item.meta.date);
  j["committee"] = null_if_empty(item.meta.committee);
  j["organisation"] = null_if_empty(item.meta.organisation);
  j["kind"] = null_if_empty(item.meta.kind);
  j["url"] = null_if_empty(item.meta.url);
  j["contact"] = null_if_empty(item.contact);
  j["decision"] = null_if_empty(item.decision());
  nlohmann::json sections = nlohmann::json::array();
  for (const Section& s : item.sections)
    sections.push_back({{"name", s.name}, {"heading", s.heading}, {"text", s.text}});
  j["sections"] = sections;
  j["attachments"] = item.attachments;
  j["text"] = item.full_text();
  j["line"] = item.line;
  return j;
}

AgendaItem item_from_json(const nlohmann::json& j) {
  AgendaItem item;
  item.meta.source = string_or_empty(j, "source");
  item.meta.date = string_or_empty(j, "date");
  item.meta.committee = string_or_empty(j, "committee");
  item.meta.organisation = string_or_empty(j, "organisation");
  item.meta.kind = string_or_empty(j, "kind");
  item.meta.url = string_or_empty(j, "url");
  item.number = j.value("item", 0);
  item.title = string_or_empty(j, "title");
  item.type = string_or_empty(j, "type");
  item.access = string_or_empty(j, "access") == "confidential" ? Access::confidential : Access::public_item;
  item.case_id = string_or_empty(j, "case_id");
  if (j.contains("case_refs")) item.case_refs = j["case_refs"].get<std::vector<std::string>>();
  item.contact = string_or_empty(j, "contact");
  if (j.contains("sections"))
    for (const auto& s : j["sections"])
      item.sections.push_back({string_or_empty(s, "name"), string_or_empty(s, "heading"), string_or_empty(s, "text")});
  if (j.contains("attachments")) item.attachments = j["attachments"].get<std::vector<std::string>>();
  item.line = j.value("line", 0);
  return item;
}

}  // namespace sagsoeg
