#include "parse/danish_date.h"

#include <algorithm>
#include <cctype>
#include <cstdio>

#include "util/utf8.h"

namespace sagsoeg {

namespace {

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

// Digits at s[i], at most `max` of them: their value and count.
size_t read_digits(std::string_view s, size_t i, size_t max, int& value) {
  size_t n = 0;
  value = 0;
  while (i + n < s.size() && n < max && is_digit(s[i + n])) value = value * 10 + (s[i + n++] - '0');
  if (i + n < s.size() && is_digit(s[i + n])) return 0;  // longer than allowed
  return n;
}

std::string iso(int y, int m, int d) {
  char buf[40];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
  return buf;
}

bool is_separator(char c) {
  return c == '-' || c == '.' || c == '/';
}

// "2025-01-31" or "31-01-2025", "31.01.25", "31/1/2025" at i; bytes matched.
size_t numeric_date(std::string_view s, size_t i, std::string& out) {
  int a = 0, b = 0, c = 0;
  const size_t na = read_digits(s, i, 4, a);
  if (!na) return 0;
  if (na == 4) {
    size_t j = i + 4;
    if (j >= s.size() || s[j] != '-') return 0;
    const size_t nb = read_digits(s, j + 1, 2, b);
    if (nb != 2 || j + 3 >= s.size() || s[j + 3] != '-') return 0;
    const size_t nc = read_digits(s, j + 4, 2, c);
    if (nc != 2 || !valid_date(a, b, c)) return 0;
    out = iso(a, b, c);
    return 10;
  }
  if (na > 2) return 0;
  // Preceded by a digit run or a separator it is part of something longer.
  if (i > 0 && (s[i - 1] == '.' || s[i - 1] == '-')) return 0;
  size_t j = i + na;
  if (j >= s.size() || !is_separator(s[j])) return 0;
  const char sep = s[j];
  const size_t nb = read_digits(s, j + 1, 2, b);
  if (!nb) return 0;
  j += 1 + nb;
  if (j >= s.size() || s[j] != sep) return 0;
  const size_t nc = read_digits(s, j + 1, 4, c);
  if (nc != 2 && nc != 4) return 0;
  const int year = nc == 2 ? 2000 + c : c;
  if (!valid_date(year, b, a)) return 0;
  out = iso(year, b, a);
  return j + 1 + nc - i;
}

// "20. maj 2025", "1. jan. 2024", "13 juni 2022" at i (lower-case text).
size_t textual_date(std::string_view s, size_t i, std::string& out) {
  int day = 0;
  const size_t nd = read_digits(s, i, 2, day);
  if (!nd) return 0;
  size_t j = i + nd;
  if (j < s.size() && s[j] == '.') ++j;
  while (j < s.size() && s[j] == ' ') ++j;
  size_t k = j;
  while (k < s.size() && s[k] >= 'a' && s[k] <= 'z') ++k;
  const int month = danish_month(s.substr(j, k - j));
  if (!month) return 0;
  if (k < s.size() && s[k] == '.') ++k;
  const size_t spaces = k;
  while (k < s.size() && s[k] == ' ') ++k;
  if (k == spaces) return 0;
  int year = 0;
  if (read_digits(s, k, 4, year) != 4 || !valid_date(year, month, day)) return 0;
  out = iso(year, month, day);
  return k + 4 - i;
}

}  // namespace

bool valid_date(int y, int m, int d) {
  static const int days[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (y < 1900 || y > 2199 || m < 1 || m > 12 || d < 1 || d > days[m - 1]) return false;
  const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  return m != 2 || d <= 28 || leap;
}

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
  // Lower-casing Latin letters keeps byte offsets (equal UTF-8 lengths).
  const std::string lower = to_lower_latin(text);
  std::vector<FoundDate> found;
  for (size_t i = 0; i < lower.size(); ++i) {
    if (!is_digit(lower[i]) || (i > 0 && is_digit(lower[i - 1]))) continue;
    std::string iso_date;
    size_t n = numeric_date(lower, i, iso_date);
    if (!n) n = textual_date(lower, i, iso_date);
    if (n) {
      found.push_back({i, n, iso_date});
      i += n - 1;
    }
  }
  return found;
}

std::string parse_date_prefix(std::string_view text) {
  const std::string_view t = trim(text);
  const std::string lower = to_lower_latin(t.substr(0, 40));
  std::string out;
  if (numeric_date(lower, 0, out) || textual_date(lower, 0, out)) return out;
  return {};
}

std::string sortable_time(std::string_view stated) {
  const std::vector<FoundDate> dates = find_dates(stated.substr(0, 60));
  if (dates.empty()) return {};
  std::string out = dates.front().iso + "T00:00:00";
  // The time after the date: "14:07:07", "14:07", "kl. 16.00".
  const std::string_view rest = stated.substr(std::min(stated.size(), dates.front().pos + dates.front().length));
  auto digits = [&](size_t i) {
    return i + 1 < rest.size() && std::isdigit(static_cast<unsigned char>(rest[i])) &&
           std::isdigit(static_cast<unsigned char>(rest[i + 1]));
  };
  for (size_t i = 0; i < rest.size() && i < 20; ++i) {
    if (!digits(i) || i + 2 >= rest.size() || (rest[i + 2] != ':' && rest[i + 2] != '.') || !digits(i + 3)) continue;
    out.replace(11, 2, rest.substr(i, 2));
    out.replace(14, 2, rest.substr(i + 3, 2));
    if (i + 5 < rest.size() && rest[i + 5] == ':' && digits(i + 6)) out.replace(17, 2, rest.substr(i + 6, 2));
    break;
  }
  return out;
}

}  // namespace sagsoeg
