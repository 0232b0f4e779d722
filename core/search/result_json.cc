#include "search/result_json.h"

#include <cmath>

#include "model/item_json.h"

namespace sagsoeg {

namespace {

nlohmann::json null_if_empty(const std::string& s) {
  return s.empty() ? nlohmann::json() : nlohmann::json(s);
}

}  // namespace

nlohmann::json hit_to_json(const SearchHit& hit) {
  const AgendaItem& it = hit.item;
  const bool closed = it.is_confidential();
  nlohmann::json j;
  j["rank"] = hit.rank;
  j["score"] = std::round(hit.score * 1000.0) / 1000.0;
  j["id"] = it.id();
  j["source"] = it.meta.source;
  j["item"] = it.number;
  j["number"] = it.printed_number();
  j["title"] = it.title;  // a closed item: the title its document prints publicly, or ""
  j["date"] = null_if_empty(it.meta.date);
  j["committee"] = null_if_empty(it.meta.committee);
  j["organisation"] = null_if_empty(it.meta.organisation);
  j["case_id"] = null_if_empty(it.case_id);
  j["type"] = closed ? nlohmann::json() : null_if_empty(it.type);
  j["kind"] = null_if_empty(it.meta.kind);
  j["topics"] = closed ? std::vector<std::string>{} : hit.topics;
  j["access"] = access_name(it.access);
  j["snippet"] = closed ? "" : hit.snippet;
  j["decision"] = closed ? nlohmann::json() : null_if_empty(hit.decision);
  j["outcome"] = closed ? nlohmann::json() : null_if_empty(it.outcome);
  j["split"] = closed ? nlohmann::json() : null_if_empty(it.split);
  j["url"] = null_if_empty(it.meta.url);
  j["format"] = null_if_empty(it.meta.format);
  return j;
}

nlohmann::json response_to_json(const SearchResponse& r) {
  nlohmann::json j;
  j["query"] = r.query;
  j["total"] = r.total;
  j["total_exact"] = r.total_exact;
  j["total_min"] = r.total_min;
  j["total_max"] = r.total_max;
  j["has_more"] = r.has_more;
  j["offset"] = r.offset;
  j["limit"] = r.limit;
  j["results"] = nlohmann::json::array();
  for (const SearchHit& h : r.hits) j["results"].push_back(hit_to_json(h));
  j["facets"] = nlohmann::json::object();
  for (const auto& [name, values] : r.facets) {
    nlohmann::json arr = nlohmann::json::array();
    for (const FacetValue& v : values) {
      nlohmann::json f = {{"value", v.value}, {"count", v.count}};
      if (!v.label.empty()) f["label"] = v.label;
      arr.push_back(f);
    }
    j["facets"][name] = arr;
  }
  j["suggestion"] = null_if_empty(r.suggestion);
  // The results are the suggestion's when the query itself found nothing.
  j["suggestion_applied"] = r.suggestion_applied;
  // Stop words typed ("og"): not searched, so the page can say why a query
  // of them alone finds nothing.
  j["ignored_words"] = r.ignored_words;
  // Over several databases, which answered (as Elasticsearch's _shards).
  if (r.shards_total > 1)
    j["shards"] = {{"total", r.shards_total}, {"failed", r.failed_shards}, {"partial", !r.failed_shards.empty()}};
  return j;
}

nlohmann::json case_history_to_json(const std::string& case_id, const std::vector<SearchHit>& hits,
                                    size_t confidential) {
  nlohmann::json j;
  j["case_id"] = case_id;
  j["total"] = hits.size();
  j["confidential_items"] = confidential;
  j["results"] = nlohmann::json::array();
  for (const SearchHit& h : hits) {
    nlohmann::json r = hit_to_json(h);
    r["decision"] = h.item.is_confidential() ? nlohmann::json() : null_if_empty(h.item.decision());
    r["decisions"] = decisions_json(h.item);
    j["results"].push_back(r);
  }
  return j;
}

nlohmann::json similar_to_json(const std::string& id, const std::vector<SearchHit>& hits) {
  nlohmann::json j;
  j["id"] = id;
  j["total"] = hits.size();
  j["results"] = nlohmann::json::array();
  for (const SearchHit& h : hits) j["results"].push_back(hit_to_json(h));
  return j;
}

nlohmann::json item_detail_to_json(const AgendaItem& item) {
  SearchHit hit;
  hit.item = item;
  nlohmann::json j = hit_to_json(hit);
  j.erase("rank");
  j.erase("score");
  j.erase("snippet");
  j.erase("topics");
  j["case_refs"] = item.is_confidential() ? std::vector<std::string>{} : item.case_refs;
  j["contact"] = item.is_confidential() ? nlohmann::json() : null_if_empty(item.contact);
  j["decision"] = item.is_confidential() ? nlohmann::json() : null_if_empty(item.decision());
  nlohmann::json sections = nlohmann::json::array();
  if (!item.is_confidential())
    for (const Section& s : item.sections)
      sections.push_back({{"name", s.name}, {"heading", s.heading}, {"text", s.text}});
  j["sections"] = sections;
  j["attachments"] = item.is_confidential() ? nlohmann::json::array() : attachment_names_json(item);
  j["attachment_links"] = item.is_confidential() ? nlohmann::json::array() : attachment_links_json(item);
  j["decisions"] = decisions_json(item);
  j["url"] = null_if_empty(item.meta.url);
  return j;
}

}  // namespace sagsoeg
