#include "parse/document_header.h"

#include <map>
#include <regex>

#include "parse/danish_date.h"
#include "util/utf8.h"

namespace sagsoeg {

namespace {

std::string capitalise(std::string s) {
  s = std::string(trim(s));
  if (!s.empty() && s[0] >= 'a' && s[0] <= 'z') s[0] = static_cast<char>(s[0] - 32);
  return s;
}

// "Referat fra møde i X den 31-01-2025 11:00" and the agenda equivalent.
bool read_meeting_line(const std::string& clean, DocumentMeta& meta) {
  static const std::regex re(
      R"(^(referat|dagsorden|beslutningsprotokol|mødereferat)\s+(?:fra|for|til|af)?\s*(?:møde|mødet|ordinært møde)\s+i\s+(.+?)\s+(?:den|d\.)\s+(.+)$)",
      std::regex::icase);
  const std::string lower = to_lower_latin(clean);
  std::smatch m;
  if (!std::regex_search(lower, m, re)) return false;
  const std::string date = parse_date_prefix(m[3].str());
  if (date.empty()) return false;
  meta.kind = m[1].str() == "dagsorden" ? "dagsorden" : "referat";
  meta.committee = capitalise(clean.substr(m.position(2), m.length(2)));
  meta.date = date;
  return true;
}

// "Udvalget for ... - mødesager" / "... – dagsorden" / "... - referat".
bool read_page_title(const std::string& clean, DocumentMeta& meta) {
  static const std::regex re(R"(^(.+?)\s+(?:-|–|—|:)\s+(mødesager|dagsorden|referat|beslutninger|mødereferat)\s*$)",
                             std::regex::icase);
  const std::string lower = to_lower_latin(clean);
  std::smatch m;
  if (!std::regex_search(lower, m, re)) return false;
  meta.committee = capitalise(clean.substr(0, m.length(1)));
  const std::string kind = m[2].str();
  meta.kind = (kind == "referat" || kind == "mødereferat" || kind == "beslutninger") ? "referat" : "dagsorden";
  return true;
}

// "Aftale mellem regeringen, Danske Regioner og KL om ..." / "Aftale om ...".
bool read_agreement_title(const std::string& clean, DocumentMeta& meta) {
  const std::string lower = to_lower_latin(clean);
  if (!starts_with(lower, "aftale ") && !starts_with(lower, "økonomiaftale") && !starts_with(lower, "rammeaftale"))
    return false;
  meta.kind = "aftale";
  const size_t between = lower.find("mellem ");
  if (between != std::string::npos) {
    const size_t about = lower.find(" om ", between);
    meta.organisation =
        capitalise(clean.substr(between + 7, about == std::string::npos ? std::string::npos : about - between - 7));
  }
  return true;
}

// The meeting date named in the items: "Sagen forelægges udvalget ... den 20. maj 2025".
std::string meeting_date_from_phrases(const std::vector<Line>& lines) {
  std::map<std::string, int> votes;
  for (const Line& l : lines) {
    const std::string lower = to_lower_latin(l.clean);
    const size_t p = lower.find("forelægges");
    if (p == std::string::npos) continue;
    for (const FoundDate& d : find_dates(lower.substr(p)))
      if (d.pos < 200) {
        ++votes[d.iso];
        break;
      }
  }
  std::string best;
  int best_votes = 0;
  for (const auto& [date, n] : votes)
    if (n > best_votes) best = date, best_votes = n;
  return best;
}

}  // namespace

void read_document_header(const std::vector<Line>& lines, size_t header_end, DocumentMeta& meta) {
  const size_t limit = std::min(header_end, lines.size());
  bool found_title = false;
  for (size_t i = 0; i < limit && i < 120; ++i) {
    const std::string& c = lines[i].clean;
    if (c.empty()) continue;
    if (!found_title && (read_meeting_line(c, meta) || read_page_title(c, meta) || read_agreement_title(c, meta))) {
      found_title = true;
      continue;
    }
    // A dated line under an agreement's title: "D. 13. juni 2022".
    if (found_title && meta.date.empty() && c.size() < 40) {
      std::string_view rest = c;
      const std::string lower = to_lower_latin(c.substr(0, 4));
      if (starts_with(lower, "d. ")) rest.remove_prefix(3);
      if (starts_with(lower, "den ")) rest.remove_prefix(4);
      meta.date = parse_date_prefix(rest);
    }
  }
  if (meta.date.empty() && meta.kind != "aftale") meta.date = meeting_date_from_phrases(lines);
}

}  // namespace sagsoeg
