#include "searcher/atom_feed.h"
#include "util/clock.h"

#include <algorithm>
#include <ctime>

#include "search/snippet.h"
#include "searcher/query_string.h"
#include "searcher/text_output.h"
#include "util/utf8.h"

namespace sagsoeg {

std::string xml_text(const std::string& s) {
  std::string out;
  out.reserve(s.size());
  size_t pos = 0;
  while (pos < s.size()) {
    const size_t start = pos;
    const uint32_t cp = next_code_point(s, pos);
    if (cp == 0xFFFD && s.compare(start, 3, "\xEF\xBF\xBD") != 0) continue;  // a byte that is not UTF-8
    if ((cp < 0x20 && cp != '\t' && cp != '\n' && cp != '\r') || cp == 0xFFFE || cp == 0xFFFF) continue;
    const char* entity = cp < 0x80 ? html_entity(static_cast<char>(cp)) : nullptr;
    if (entity) {
      out += entity;
    } else {
      out.append(s, start, pos - start);
    }
  }
  return out;
}

namespace {

// An entry's date: the meeting's, else the day it was indexed, else today --
// never 1970.
std::string entry_date(const AgendaItem& it) {
  if (!it.meta.date.empty()) return it.meta.date;
  if (!it.meta.indexed.empty()) return it.meta.indexed;
  return utc_today();
}

}  // namespace

std::string atom_feed(const SearchResponse& r, const std::string& base, const std::string& self_path,
                      const SearchRequest& request) {
  std::string title = "Udvalgssøgning";
  if (!request.query.empty()) title += ": " + request.query;
  if (!request.committee.empty()) title += " (" + request.committee + ")";
  if (!request.case_id.empty()) title += " · sag " + request.case_id;
  std::string updated;
  for (const SearchHit& h : r.hits) updated = std::max(updated, entry_date(h.item));
  if (updated.empty()) updated = utc_today();
  std::string x =
      "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:base=\"" +
      xml_text(base + "/") + "\">\n";
  x += "  <title>" + xml_text(title) + "</title>\n";
  x += "  <id>" + xml_text(base + self_path) + "</id>\n";
  x += "  <link rel=\"self\" href=\"" + xml_text(base + self_path) + "\"/>\n";
  x += "  <updated>" + updated + "T00:00:00Z</updated>\n";
  x += "  <author><name>sagsoeg</name></author>\n";
  for (const SearchHit& h : r.hits) {
    const AgendaItem& it = h.item;
    const std::string link = base + "/?view=item&item=" + percent_encode(it.id());
    x += "  <entry>\n";
    x += "    <title>" + xml_text(it.title.empty() ? "(uden titel)" : it.title) + "</title>\n";
    x += "    <id>" + xml_text(link) + "</id>\n";
    x += "    <link rel=\"alternate\" type=\"text/html\" href=\"" + xml_text(link) + "\"/>\n";
    x += "    <updated>" + entry_date(it) + "T00:00:00Z</updated>\n";
    std::string summary = it.meta.committee;
    if (!it.case_id.empty()) summary += " · " + it.case_id;
    if (!h.decision.empty()) summary += " — Beslutning: " + h.decision;
    if (!h.snippet.empty()) summary += " — " + snippet_to_terminal(h.snippet, TextStyle{});
    x += "    <summary>" + xml_text(summary) + "</summary>\n";
    x += "  </entry>\n";
  }
  x += "</feed>\n";
  return x;
}

std::string case_feed(const std::string& case_id, const std::vector<SearchHit>& hits, const std::string& base,
                      const std::string& self_path) {
  std::string updated;
  for (const SearchHit& h : hits) updated = std::max(updated, entry_date(h.item));
  if (updated.empty()) updated = utc_today();
  const std::string page = base + "/?view=case&case=" + percent_encode(case_id);
  std::string x =
      "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:base=\"" +
      xml_text(base + "/") + "\">\n";
  x += "  <title>" + xml_text("Sag " + case_id) + "</title>\n";
  x += "  <id>" + xml_text(base + self_path) + "</id>\n";
  x += "  <link rel=\"self\" href=\"" + xml_text(base + self_path) + "\"/>\n";
  x += "  <link rel=\"alternate\" type=\"text/html\" href=\"" + xml_text(page) + "\"/>\n";
  x += "  <updated>" + updated + "T00:00:00Z</updated>\n";
  x += "  <author><name>sagsoeg</name></author>\n";
  for (const SearchHit& h : hits) {
    const AgendaItem& it = h.item;
    const std::string link = base + "/?view=item&item=" + percent_encode(it.id());
    std::string title = it.title.empty() ? "(uden titel)" : it.title;
    if (!it.outcome.empty()) title += " — " + it.outcome;
    x += "  <entry>\n";
    x += "    <title>" + xml_text(title) + "</title>\n";
    x += "    <id>" + xml_text(link) + "</id>\n";
    x += "    <link rel=\"alternate\" type=\"text/html\" href=\"" + xml_text(link) + "\"/>\n";
    x += "    <updated>" + entry_date(it) + "T00:00:00Z</updated>\n";
    std::string summary = it.meta.committee.empty() ? it.meta.source : it.meta.committee;
    if (!it.meta.date.empty()) summary += " " + it.meta.date;
    if (!it.outcome.empty()) summary += " · udfald: " + it.outcome + (it.split == "delt" ? " (delt)" : "");
    x += "    <summary>" + xml_text(summary) + "</summary>\n";
    std::string content;
    for (const Decision& d : it.decisions()) {
      if (!content.empty()) content += "\n\n";
      content += (d.body.empty() ? "Beslutning" : d.body) + (d.date.empty() ? "" : " " + d.date) + ": " + d.text;
    }
    if (!content.empty()) x += "    <content type=\"text\">" + xml_text(content) + "</content>\n";
    x += "  </entry>\n";
  }
  x += "</feed>\n";
  return x;
}

}  // namespace sagsoeg
