#include "searcher/csv_output.h"

namespace sagsoeg {

std::string csv_field(const std::string& value) {
  if (value.find_first_of(",\"\r\n") == std::string::npos) return value;
  std::string out = "\"";
  for (char c : value) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

std::string results_csv(const SearchResponse& r) {
  std::string out =
      "\xEF\xBB\xBF"
      "id,date,committee,case,title,outcome,url\r\n";
  for (const SearchHit& h : r.hits) {
    const AgendaItem& it = h.item;
    const bool closed = it.is_confidential();
    const std::string fields[] = {it.id(),    it.meta.date, it.meta.committee,
                                  it.case_id, it.title,     closed ? std::string() : it.outcome,
                                  it.meta.url};
    for (size_t i = 0; i < 7; ++i) out += (i ? "," : "") + csv_field(fields[i]);
    out += "\r\n";
  }
  return out;
}

}  // namespace sagsoeg
