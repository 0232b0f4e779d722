#include "searcher/atom_feed.h"

#include "search/snippet.h"
#include "searcher/text_output.h"

namespace sagsoeg {

namespace {

std::string url_encode(const std::string& s) {
  static const char hex[] = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : s) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~' || c == ':') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += hex[c >> 4];
      out += hex[c & 15];
    }
  }
  return out;
}

}  // namespace

std::string atom_feed(const SearchResponse& r, const std::string& self_path, const SearchRequest& request) {
  std::string title = "Udvalgssøgning";
  if (!request.query.empty()) title += ": " + request.query;
  if (!request.committee.empty()) title += " (" + request.committee + ")";
  std::string updated = "1970-01-01";
  for (const SearchHit& h : r.hits)
    if (h.item.meta.date > updated) updated = h.item.meta.date;
  std::string x = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">\n";
  x += "  <title>" + html_escape(title) + "</title>\n";
  x += "  <id>urn:sagsoeg:feed:" + html_escape(url_encode(self_path)) + "</id>\n";
  x += "  <link rel=\"self\" href=\"" + html_escape(self_path) + "\"/>\n";
  x += "  <updated>" + updated + "T00:00:00Z</updated>\n";
  x += "  <author><name>sagsoeg</name></author>\n";
  for (const SearchHit& h : r.hits) {
    const AgendaItem& it = h.item;
    const std::string date = it.meta.date.empty() ? "1970-01-01" : it.meta.date;
    x += "  <entry>\n";
    x += "    <title>" + html_escape(it.title) + "</title>\n";
    x += "    <id>urn:sagsoeg:item:" + html_escape(url_encode(it.id())) + "</id>\n";
    x += "    <link href=\"/#item=" + html_escape(url_encode(it.id())) + "\"/>\n";
    x += "    <updated>" + date + "T00:00:00Z</updated>\n";
    std::string summary = it.meta.committee;
    if (!it.case_id.empty()) summary += " · " + it.case_id;
    if (!h.snippet.empty()) summary += " — " + snippet_to_terminal(h.snippet, TextStyle{});
    x += "    <summary>" + html_escape(summary) + "</summary>\n";
    x += "  </entry>\n";
  }
  x += "</feed>\n";
  return x;
}

}  // namespace sagsoeg
