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

std::string dump_json(const nlohmann::json& j, int indent) {
  return j.dump(indent, ' ', false, nlohmann::json::error_handler_t::replace);
}

nlohmann::json attachment_names_json(const AgendaItem& item) {
  nlohmann::json names = nlohmann::json::array();
  for (const Attachment& a : item.attachments) names.push_back(a.name);
  return names;
}

nlohmann::json attachment_links_json(const AgendaItem& item) {
  nlohmann::json links = nlohmann::json::array();
  for (const Attachment& a : item.attachments) links.push_back({{"name", a.name}, {"url", null_if_empty(a.url)}});
  return links;
}

nlohmann::json decisions_json(const AgendaItem& item) {
  nlohmann::json out = nlohmann::json::array();
  if (item.is_confidential()) return out;
  for (const Decision& d : item.decisions())
    out.push_back({{"body", null_if_empty(d.body)}, {"date", null_if_empty(d.date)}, {"text", d.text}});
  return out;
}

nlohmann::json item_to_json(const AgendaItem& item) {
  const bool closed = item.is_confidential();
  nlohmann::json j;
  j["source"] = item.meta.source;
  j["item"] = item.number;
  j["number"] = item.printed_number();
  j["id"] = item.id();
  j["title"] = item.title;  // a closed item: the title its document prints publicly, or ""
  j["type"] = null_if_empty(item.type);
  j["access"] = access_name(item.access);
  j["case_id"] = null_if_empty(item.case_id);
  j["case_refs"] = item.case_refs;
  j["date"] = null_if_empty(item.meta.date);
  j["committee"] = null_if_empty(item.meta.committee);
  j["organisation"] = null_if_empty(item.meta.organisation);
  j["kind"] = null_if_empty(item.meta.kind);
  j["format"] = null_if_empty(item.meta.format);
  j["url"] = null_if_empty(item.meta.url);
  j["contact"] = null_if_empty(item.contact);
  j["decision"] = null_if_empty(item.decision());
  j["decisions"] = decisions_json(item);
  j["outcome"] = closed ? nlohmann::json() : null_if_empty(item.outcome);
  j["split"] = closed ? nlohmann::json() : null_if_empty(item.split);
  nlohmann::json sections = nlohmann::json::array();
  for (const Section& s : item.sections)
    sections.push_back({{"name", s.name}, {"heading", s.heading}, {"text", s.text}});
  j["sections"] = sections;
  j["attachments"] = attachment_names_json(item);
  j["attachment_links"] = attachment_links_json(item);
  j["text"] = item.full_text();
  j["line"] = item.line;
  if (item.page) j["page"] = item.page;
  if (!item.meta.indexed.empty()) j["indexed"] = item.meta.indexed;
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
  item.meta.format = string_or_empty(j, "format");
  item.meta.indexed = string_or_empty(j, "indexed");
  item.number = j.value("item", 0);
  item.number_text = string_or_empty(j, "number");
  item.occurrence = j.value("occurrence", 1);
  item.title = string_or_empty(j, "title");
  item.type = string_or_empty(j, "type");
  item.outcome = string_or_empty(j, "outcome");
  item.split = string_or_empty(j, "split");
  item.access = string_or_empty(j, "access") == "confidential" ? Access::confidential : Access::public_item;
  item.case_id = string_or_empty(j, "case_id");
  if (j.contains("case_refs")) item.case_refs = j["case_refs"].get<std::vector<std::string>>();
  item.contact = string_or_empty(j, "contact");
  if (j.contains("sections"))
    for (const auto& s : j["sections"])
      item.sections.push_back({string_or_empty(s, "name"), string_or_empty(s, "heading"), string_or_empty(s, "text"),
                               string_or_empty(s, "body"), string_or_empty(s, "date")});
  if (j.contains("attachment_links")) {
    for (const auto& a : j["attachment_links"])
      item.attachments.push_back({string_or_empty(a, "name"), string_or_empty(a, "url")});
  } else if (j.contains("attachments")) {
    for (const auto& a : j["attachments"])
      if (a.is_string()) item.attachments.push_back({a.get<std::string>(), ""});
  }
  item.line = j.value("line", 0);
  item.page = j.value("page", 0);
  return item;
}

}  // namespace sagsoeg
