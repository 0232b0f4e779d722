#include "searcher/text_output.h"

namespace sagsoeg {

namespace {

const char* const kBold = "\x1b[1m";
const char* const kDim = "\x1b[2m";
const char* const kMatch = "\x1b[1;33m";
const char* const kReset = "\x1b[0m";

std::string style_on(const TextStyle& s, const char* code) {
  return s.color ? code : "";
}

std::string meta_line(const AgendaItem& it) {
  std::string line = it.meta.date.empty() ? "(uden dato)" : it.meta.date;
  if (!it.meta.committee.empty()) line += " · " + it.meta.committee;
  if (!it.case_id.empty()) line += " · " + it.case_id;
  if (!it.type.empty()) line += " · " + it.type;
  line += " · " + it.meta.source + " punkt " + std::to_string(it.number);
  return line;
}

}  // namespace

std::string snippet_to_terminal(const std::string& html, const TextStyle& style) {
  std::string out;
  for (size_t i = 0; i < html.size();) {
    if (html.compare(i, 6, "<mark>") == 0) {
      out += style.color ? kMatch : "";
      i += 6;
    } else if (html.compare(i, 7, "</mark>") == 0) {
      out += style.color ? kReset : "";
      i += 7;
    } else if (html[i] == '&') {
      static const std::pair<const char*, char> entities[] = {
          {"&amp;", '&'}, {"&lt;", '<'}, {"&gt;", '>'}, {"&quot;", '"'}, {"&#39;", '\''}};
      bool done = false;
      for (const auto& [name, ch] : entities)
        if (html.compare(i, std::char_traits<char>::length(name), name) == 0) {
          out += ch;
          i += std::char_traits<char>::length(name);
          done = true;
          break;
        }
      if (!done) out += html[i++];
    } else if (html[i] == '\n') {
      out += ' ';
      ++i;
    } else {
      out += html[i++];
    }
  }
  return out;
}

void print_results(const SearchResponse& r, const TextStyle& style, std::ostream& out) {
  if (!r.suggestion.empty()) out << "Mente du: " << r.suggestion << "\n\n";
  for (const SearchHit& h : r.hits) {
    const AgendaItem& it = h.item;
    const std::string title = it.is_confidential() ? "(Fortroligt punkt)" : it.title;
    out << style_on(style, kBold) << h.rank << ". " << title << style_on(style, kReset) << "\n";
    out << "   " << style_on(style, kDim) << meta_line(it) << style_on(style, kReset) << "\n";
    if (!h.snippet.empty()) out << "   " << snippet_to_terminal(h.snippet, style) << "\n";
    out << "\n";
  }
  out << "Omkring " << r.total << " resultater";
  if (!r.hits.empty()) out << " (viser " << r.hits.front().rank << "-" << r.hits.back().rank << ")";
  out << "\n";
  for (const auto& [name, values] : r.facets) {
    if (values.empty()) continue;
    out << "\n" << name << ":";
    for (const FacetValue& v : values) out << "\n  " << v.value << " (" << v.count << ")";
    out << "\n";
  }
}

void print_case_history(const std::string& case_id, const std::vector<SearchHit>& hits, const TextStyle& style,
                        std::ostream& out) {
  out << style_on(style, kBold) << "Sag " << case_id << ": " << hits.size() << " punkter" << style_on(style, kReset)
      << "\n\n";
  for (const SearchHit& h : hits) {
    const AgendaItem& it = h.item;
    out << style_on(style, kBold) << (it.meta.date.empty() ? "(uden dato)" : it.meta.date) << "  "
        << (it.is_confidential() ? "(Fortroligt punkt)" : it.title) << style_on(style, kReset) << "\n";
    out << "   " << style_on(style, kDim) << meta_line(it) << style_on(style, kReset) << "\n";
    const std::string decision = it.decision();
    if (!decision.empty()) out << "   Beslutning: " << snippet_to_terminal(decision, TextStyle{}) << "\n";
    out << "\n";
  }
}

void print_item(const AgendaItem& it, const TextStyle& style, std::ostream& out) {
  out << style_on(style, kBold) << it.number << ". " << (it.is_confidential() ? "(Fortroligt punkt)" : it.title)
      << style_on(style, kReset) << "\n";
  out << style_on(style, kDim) << meta_line(it) << style_on(style, kReset) << "\n";
  if (!it.contact.empty()) out << "Kontakt: " << it.contact << "\n";
  if (!it.case_refs.empty()) {
    out << "Henvisninger:";
    for (const auto& ref : it.case_refs) out << " " << ref;
    out << "\n";
  }
  for (const Section& s : it.sections) {
    out << "\n"
        << style_on(style, kBold) << (s.heading.empty() ? "Tekst" : s.heading) << style_on(style, kReset) << "\n";
    out << s.text << "\n";
  }
}

void print_analysis(const std::vector<AnalyzedToken>& tokens, std::ostream& out) {
  for (const AnalyzedToken& t : tokens) out << t.token << "\t" << t.stem << (t.stopword ? "\t(stopord)" : "") << "\n";
}

}  // namespace sagsoeg
