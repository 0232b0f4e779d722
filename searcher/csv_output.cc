#include "searcher/csv_output.h"

#include <string_view>

#include "searcher/query_string.h"
#include "util/utf8.h"

namespace sagsoeg {

std::string csv_field(const std::string& raw) {
  std::string value = escape_controls(raw);
  // A cell a spreadsheet would take for a formula (OWASP: = + - @, and a
  // tab or carriage return before them) is made text with a leading quote.
  if (!value.empty() && std::string_view("=+-@\t\r").find(value[0]) != std::string_view::npos) value.insert(0, "'");
  if (value.find_first_of(",\"\r\n") == std::string::npos) return value;
  std::string out = "\"";
  for (char c : value) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

// Only http(s) links reach a spreadsheet (never javascript: or file:).
std::string web_link(const std::string& url) {
  return starts_with(url, "https://") || starts_with(url, "http://") ? url : std::string();
}

std::string results_csv(const SearchResponse& r, const std::string& page_base) {
  std::string out =
      "\xEF\xBB\xBF"
      "id,date,committee,case,title,outcome,url,organisation,kind,decision,page\r\n";
  for (const SearchHit& h : r.hits) {
    const AgendaItem& it = h.item;
    const bool closed = it.is_confidential();
    const std::string fields[] = {it.id(),
                                  it.meta.date,
                                  it.meta.committee,
                                  it.case_id,
                                  it.title,
                                  closed ? std::string() : it.outcome,
                                  web_link(it.meta.url),
                                  it.meta.organisation,
                                  it.meta.kind,
                                  closed ? std::string() : it.decision(),
                                  page_base.empty() || closed
                                      ? std::string()
                                      : web_link(page_base + "/?view=item&item=" + percent_encode(it.id()))};
    bool first = true;
    for (const std::string& field : fields) {
      out += (first ? "" : ",") + csv_field(field);
      first = false;
    }
    out += "\r\n";
  }
  return out;
}

}  // namespace sagsoeg
