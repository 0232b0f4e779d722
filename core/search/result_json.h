// JSON shapes shared by `searcher --json` and the HTTP API. The key names
// are a public contract.
#pragma once

#include <nlohmann/json.hpp>

#include "search/search_request.h"

namespace sagsoeg {

/// {rank, score, id, source, item, number, title, date, committee,
///  organisation, case_id, type, kind, topics, access, snippet, decision, url,
///  format}; a confidential hit shows only item number, case ID and meeting
///  metadata.
nlohmann::json hit_to_json(const SearchHit& hit);

/// {query, total, total_exact, total_min, total_max, has_more, offset, limit,
///  results, facets, suggestion, suggestion_applied}
nlohmann::json response_to_json(const SearchResponse& response);

/// {case_id, total, confidential_items, results: [hit + decision, decisions]} oldest first.
nlohmann::json case_history_to_json(const std::string& case_id, const std::vector<SearchHit>& hits,
                                    size_t confidential = 0);

/// {id, total, results: [hit]}: the items most like item `id`.
nlohmann::json similar_to_json(const std::string& id, const std::vector<SearchHit>& hits);

/// One item with its sections in order (metadata only if confidential).
nlohmann::json item_detail_to_json(const AgendaItem& item);

}  // namespace sagsoeg
