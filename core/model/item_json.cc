#include "model/item_json.h"

namespace sagsoeg {

namespace {

nlohmann::json null_if_empty(const std::string& s) {
  return s.empty() ? nlohmann::json() : nlohmann::json(s);
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

}  // namespace sagsoeg
