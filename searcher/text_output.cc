#include "searcher/text_output.h"

#include "util/utf8.h"

namespace sagsoeg {

namespace {

const char* const kBold = "\x1b[1m";
const char* const kDim = "\x1b[2m";
const char* const kMatch = "\x1b[1;33m";
const char* const kReset = "\x1b[0m";

// Text from documents, file names and queries, safe for a terminal.
std::string shown(const std::string& s) {
  return escape_controls(s);
}

std::string style_on(const TextStyle& s, const char* code) {
  return s.color ? code : "";
}

std::string meta_line(const AgendaItem& it) {
  std::string line = it.meta.date.empty() ? "(uden dato)" : it.meta.date;
  if (!it.meta.committee.empty()) line += " · " + it.meta.committee;
  if (!it.case_id.empty()) line += " · " + it.case_id;
  if (!it.type.empty()) line += " · " + it.type;
  if (!it.outcome.empty()) line += " · " + it.outcome + (it.split == "delt" ? " (delt)" : "");
  line += " · " + it.meta.source + " punkt " + it.printed_number();
  return shown(line);
}

// A closed item shows only the title its document prints publicly.
std::string closed_item_title(const AgendaItem& it) {
  if (!it.is_confidential()) return shown(it.title);
  return it.title.empty() ? "(Lukket punkt)" : "Lukket: " + shown(it.title);
}

std::string count_text(size_t n, const char* one, const char* many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

const char* facet_heading(const std::string& name) {
  static const std::pair<const char*, const char*> names[] = {
      {"committee", "Udvalg"}, {"year", "År"},           {"topic", "Emne"},     {"type", "Type"},
      {"case_id", "Sag"},      {"kind", "Dokumenttype"}, {"outcome", "Udfald"}, {"organisation", "Organisation"}};
  for (const auto& [key, heading] : names)
    if (name == key) return heading;
  return name.c_str();
}

}  // namespace

std::string snippet_to_terminal(const std::string& raw_html, const TextStyle& style) {
  const std::string html = shown(raw_html);
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

namespace {

void print_hit(const SearchHit& h, const TextStyle& style, std::ostream& out) {
  const AgendaItem& it = h.item;
  const std::string title = closed_item_title(it);
  out << style_on(style, kBold) << h.rank << ". " << title << style_on(style, kReset) << "\n";
  out << "   " << style_on(style, kDim) << meta_line(it) << style_on(style, kReset) << "\n";
  if (!h.snippet.empty()) out << "   " << snippet_to_terminal(h.snippet, style) << "\n";
  if (!h.decision.empty()) out << "   Beslutning: " << shown(h.decision) << "\n";
  if (!it.meta.url.empty())
    out << "   " << style_on(style, kDim) << shown(it.meta.url) << style_on(style, kReset) << "\n";
  out << "\n";
}

}  // namespace

void print_similar(const std::string& id, const std::vector<SearchHit>& hits, const TextStyle& style,
                   std::ostream& out) {
  out << style_on(style, kBold) << "Lignende sager for " << shown(id) << style_on(style, kReset) << "\n\n";
  for (const SearchHit& h : hits) print_hit(h, style, out);
  out << count_text(hits.size(), "lignende punkt", "lignende punkter") << " fra andre møder\n";
}

void print_results(const SearchResponse& r, const TextStyle& style, std::ostream& out) {
  if (r.suggestion_applied) {
    out << "Viser resultater for »" << shown(r.suggestion) << "«; søg i stedet efter »" << shown(r.query)
        << "« med --no-spelling\n\n";
  } else if (!r.suggestion.empty()) {
    out << "Mente du: " << shown(r.suggestion) << "\n\n";
  }
  for (const SearchHit& h : r.hits) print_hit(h, style, out);
  out << (r.total_exact ? "" : "Omkring ") << count_text(r.total, "resultat", "resultater");
  if (!r.hits.empty()) out << " (viser " << r.hits.front().rank << "-" << r.hits.back().rank << ")";
  if (r.hits.empty() && r.total > 0 && r.offset > 0)
    out << " (ingen at vise efter nr. " << r.offset << ": --offset er større end antallet)";
  out << "\n";
  if (r.total == 0 && !r.ignored_words.empty()) {
    out << "Fyldord søges ikke:";
    for (const std::string& w : r.ignored_words) out << " »" << shown(w) << "«";
    out << ". Søg med flere ord.\n";
  }
  for (const auto& [name, values] : r.facets) {
    if (values.empty()) continue;
    out << "\n" << facet_heading(name) << ":";
    for (const FacetValue& v : values)
      out << "\n  " << shown(v.label.empty() ? v.value : v.label) << " (" << v.count << ")";
    out << "\n";
  }
}

void print_case_history(const std::string& case_id, const std::vector<SearchHit>& hits, size_t confidential,
                        const TextStyle& style, std::ostream& out) {
  size_t shown_closed = 0;
  for (const SearchHit& h : hits) shown_closed += h.item.is_confidential();
  out << style_on(style, kBold) << "Sag " << shown(case_id) << ": "
      << count_text(hits.size() - shown_closed, "offentligt punkt", "offentlige punkter") << style_on(style, kReset);
  if (confidential)
    out << " (" << count_text(confidential, "fortroligt punkt findes", "fortrolige punkter findes")
        << "; indholdet vises ikke)";
  out << "\n\n";
  for (const SearchHit& h : hits) {
    const AgendaItem& it = h.item;
    out << style_on(style, kBold) << (it.meta.date.empty() ? "(uden dato)" : it.meta.date) << "  "
        << closed_item_title(it) << style_on(style, kReset) << "\n";
    out << "   " << style_on(style, kDim) << meta_line(it) << style_on(style, kReset) << "\n";
    const std::string decision = it.decision();
    if (!decision.empty()) out << "   Beslutning: " << snippet_to_terminal(decision, TextStyle{}) << "\n";
    out << "\n";
  }
}

void print_item(const AgendaItem& it, const TextStyle& style, std::ostream& out) {
  out << style_on(style, kBold) << it.printed_number() << ". " << closed_item_title(it) << style_on(style, kReset)
      << "\n";
  out << style_on(style, kDim) << meta_line(it) << style_on(style, kReset) << "\n";
  out << "Kilde: " << shown(it.meta.url.empty() ? it.meta.source : it.meta.url) << "\n";
  if (!it.contact.empty()) out << "Kontakt: " << shown(it.contact) << "\n";
  if (!it.case_refs.empty()) {
    out << "Henvisninger:";
    for (const auto& ref : it.case_refs) out << " " << shown(ref);
    out << "\n";
  }
  for (const Section& s : it.sections) {
    out << "\n"
        << style_on(style, kBold) << (s.heading.empty() ? "Tekst" : shown(s.heading)) << style_on(style, kReset)
        << "\n";
    out << escape_controls(s.text, true) << "\n";
  }
}

void print_analysis(const std::vector<AnalyzedToken>& tokens, const std::vector<std::string>& search_terms,
                    std::ostream& out) {
  for (const AnalyzedToken& t : tokens)
    out << shown(t.token) << "\t" << shown(t.stem) << (t.stopword ? "\t(stopord)" : "") << "\n";
  if (search_terms.empty()) return;
  out << "\nSøgningen bruger:";
  for (const std::string& term : search_terms) out << "\n  " << shown(term);
  out << "\n";
}

}  // namespace sagsoeg
