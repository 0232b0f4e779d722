#include "parse/danish_date.h"

#include <algorithm>
#include <cstdio>
#include <regex>

#include "util/utf8.h"

namespace sagsoeg {

namespace {

bool valid_date(int y, int m, int d) {
  static const int days[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return y >= 1900 && y <= 2199 && m >= 1 && m <= 12 && d >= 1 && d <= days[m - 1];
}

std::string iso(int y, int m, int d) {
  char buf[40];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
  return buf;
}

}  // namespace

int danish_month(std::string_view name) {
  static const char* const full[] = {"januar", "februar", "marts",     "april",   "maj",      "juni",
                                     "juli",   "august",  "september", "oktober", "november", "december"};
  static const char* const abbr[] = {"jan", "feb", "mar", "apr", "maj", "jun",
                                     "jul", "aug", "sep", "okt", "nov", "dec"};
  for (int i = 0; i < 12; ++i)
    if (name == full[i] || name == abbr[i]) return i + 1;
  if (name == "sept") return 9;
  return 0;
}

std::vector<FoundDate> find_dates(std::string_view text) {
  // The regexes run on lower-cased text; lower-casing Latin letters keeps
  // byte offsets because the replaced letters have equal UTF-8 lengths.
  static const std::regex numeric(
      R"((^|[^0-9])(\d{4})-(\d{2})-(\d{2})(?![0-9])|(^|[^0-9.\-])(\d{1,2})[-./](\d{1,2})[-./](\d{4}|\d{2})(?![0-9]))");
  static const std::regex textual(
      R"((^|[^0-9])(\d{1,2})\.?\s*(januar|februar|marts|april|maj|juni|juli|august|september|oktober|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|okt|nov|dec)\.?\s+(\d{4})(?![0-9]))");
  const std::string lower = to_lower_latin(text);
  std::vector<FoundDate> found;
  for (auto it = std::sregex_iterator(lower.begin(), lower.end(), numeric); it != std::sregex_iterator(); ++it) {
    const std::smatch& m = *it;
    int y, mo, d;
    size_t pos;
    if (m[2].matched) {
      y = std::stoi(m[2]);
      mo = std::stoi(m[3]);
      d = std::stoi(m[4]);
      pos = m.position(2);
    } else {
      d = std::stoi(m[6]);
      mo = std::stoi(m[7]);
      y = std::stoi(m[8]);
      if (m[8].length() == 2) y += 2000;
      pos = m.position(6);
    }
    if (valid_date(y, mo, d))
      found.push_back({pos, static_cast<size_t>(m.position(0) + m.length(0)) - pos, iso(y, mo, d)});
  }
  for (auto it = std::sregex_iterator(lower.begin(), lower.end(), textual); it != std::sregex_iterator(); ++it) {
    const std::smatch& m = *it;
    const int d = std::stoi(m[2]);
    const int mo = danish_month(m[3].str());
    const int y = std::stoi(m[4]);
    const size_t pos = m.position(2);
    if (valid_date(y, mo, d))
      found.push_back({pos, static_cast<size_t>(m.position(0) + m.length(0)) - pos, iso(y, mo, d)});
  }
  std::sort(found.begin(), found.end(), [](const FoundDate& a, const FoundDate& b) { return a.pos < b.pos; });
  return found;
}

std::string parse_date_prefix(std::string_view text) {
  const std::string_view t = trim(text);
  auto dates = find_dates(t);
  if (!dates.empty() && dates.front().pos == 0) return dates.front().iso;
  return {};
}

}  // namespace sagsoeg
