#include "search/date_range.h"

#include <cstdio>
#include <vector>

#include "parse/danish_date.h"
#include "search/search_request.h"
#include "util/utf8.h"

namespace sagsoeg {

namespace {

struct Period {
  std::string first, last;  // YYYYMMDD
};

std::string ymd(int y, int m, int d) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d%02d%02d", y, m, d);
  return buf;
}

int days_in(int y, int m) {
  for (int d = 31; d >= 28; --d)
    if (valid_date(y, m, d)) return d;
  return 0;
}

bool all_digits(const std::string& s) {
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return !s.empty();
}

// Splits "31-01-2025" / "2025.01" into numbers, or fails.
bool split_numbers(const std::string& s, std::vector<std::string>& parts) {
  std::string current;
  for (char c : s) {
    if (c >= '0' && c <= '9') {
      current += c;
    } else if (c == '-' || c == '.' || c == '/') {
      if (current.empty()) return false;
      parts.push_back(current);
      current.clear();
    } else {
      return false;
    }
  }
  if (current.empty()) return false;
  parts.push_back(current);
  return true;
}

bool parse_period(const std::string& text, Period& out) {
  const std::string t(trim(text));
  std::vector<std::string> p;
  if (!split_numbers(t, p)) return false;
  int y = 0, m = 0, d = 0;
  if (p.size() == 1 && p[0].size() == 4) {  // 2025
    y = std::stoi(p[0]);
    if (!valid_date(y, 1, 1)) return false;
    out = {ymd(y, 1, 1), ymd(y, 12, 31)};
    return true;
  }
  if (p.size() == 1 && p[0].size() == 8 && all_digits(p[0])) {  // 20250131
    y = std::stoi(p[0].substr(0, 4)), m = std::stoi(p[0].substr(4, 2)), d = std::stoi(p[0].substr(6, 2));
  } else if (p.size() == 2 && p[0].size() == 4 && p[1].size() <= 2) {  // 2025-01
    y = std::stoi(p[0]), m = std::stoi(p[1]);
    if (!valid_date(y, m, 1)) return false;
    out = {ymd(y, m, 1), ymd(y, m, days_in(y, m))};
    return true;
  } else if (p.size() == 2 && p[1].size() == 4 && p[0].size() <= 2) {  // 01-2025
    y = std::stoi(p[1]), m = std::stoi(p[0]);
    if (!valid_date(y, m, 1)) return false;
    out = {ymd(y, m, 1), ymd(y, m, days_in(y, m))};
    return true;
  } else if (p.size() == 3 && p[0].size() == 4 && p[1].size() <= 2 && p[2].size() <= 2) {  // 2025-01-31
    y = std::stoi(p[0]), m = std::stoi(p[1]), d = std::stoi(p[2]);
  } else if (p.size() == 3 && p[2].size() == 4 && p[0].size() <= 2 && p[1].size() <= 2) {  // 31-01-2025
    y = std::stoi(p[2]), m = std::stoi(p[1]), d = std::stoi(p[0]);
  } else {
    return false;
  }
  if (!valid_date(y, m, d)) return false;
  out = {ymd(y, m, d), ymd(y, m, d)};
  return true;
}

QueryError bad_date(const std::string& what, const std::string& text) {
  return QueryError(what + " '" + text +
                    "' is not a date: use a day (2025-01-31, 31-01-2025, 20250131), a month (2025-01), a year "
                    "(2025) or a range (2024..2025, 2025-01..2025-03)");
}

}  // namespace

DateRange parse_date_range(const std::string& text, const std::string& what) {
  const std::string t(trim(text));
  DateRange r;
  const size_t dots = t.find("..");
  if (dots == std::string::npos) {
    Period p;
    if (!parse_period(t, p)) throw bad_date(what, text);
    return {p.first, p.last};
  }
  const std::string a = t.substr(0, dots), b = t.substr(dots + 2);
  if (a.empty() && b.empty()) throw bad_date(what, text);
  Period pa, pb;
  if (!a.empty()) {
    if (!parse_period(a, pa)) throw bad_date(what, text);
    r.from = pa.first;
  }
  if (!b.empty()) {
    if (!parse_period(b, pb)) throw bad_date(what, text);
    r.to = pb.last;
  }
  if (r.from > r.to) throw QueryError(what + " '" + text + "': the range ends before it starts");
  return r;
}

DateRange date_filter_range(const std::string& from, const std::string& to, const std::string& from_name,
                            const std::string& to_name) {
  DateRange r;
  if (!from.empty()) r.from = parse_date_range(from, from_name).from;
  if (!to.empty()) r.to = parse_date_range(to, to_name).to;
  if (r.from > r.to)
    throw QueryError(from_name + " " + from + " is after " + to_name + " " + to + ": nothing can match; swap them");
  return r;
}

}  // namespace sagsoeg
