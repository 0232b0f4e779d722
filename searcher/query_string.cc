#include "searcher/query_string.h"

#include <cctype>

namespace sagsoeg {

namespace {

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

}  // namespace

std::string percent_decode(const std::string& s, bool plus_is_space) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 2 < s.size() && hex_value(s[i + 1]) >= 0 && hex_value(s[i + 2]) >= 0) {
      out += static_cast<char>(hex_value(s[i + 1]) * 16 + hex_value(s[i + 2]));
      i += 2;
    } else if (s[i] == '+' && plus_is_space) {
      out += ' ';
    } else {
      out += s[i];
    }
  }
  return out;
}

std::string percent_encode(const std::string& s) {
  static const char hex[] = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : s) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += hex[c >> 4];
      out += hex[c & 15];
    }
  }
  return out;
}

QueryString QueryString::from_target(const std::string& target) {
  QueryString q;
  const size_t mark = target.find('?');
  if (mark == std::string::npos) return q;
  q.raw_ = target.substr(mark + 1);
  const size_t hash = q.raw_.find('#');
  if (hash != std::string::npos) q.raw_.resize(hash);
  size_t start = 0;
  while (start <= q.raw_.size()) {
    size_t amp = q.raw_.find('&', start);
    if (amp == std::string::npos) amp = q.raw_.size();
    const std::string pair = q.raw_.substr(start, amp - start);
    if (!pair.empty()) {
      const size_t eq = pair.find('=');
      q.params_.emplace(percent_decode(pair.substr(0, eq), true),
                        eq == std::string::npos ? std::string() : percent_decode(pair.substr(eq + 1), true));
    }
    start = amp + 1;
  }
  return q;
}

std::vector<std::string> QueryString::get_all(const std::string& name) const {
  std::vector<std::string> values;
  const auto [first, last] = params_.equal_range(name);
  for (auto it = first; it != last; ++it) values.push_back(it->second);
  return values;
}

std::string QueryString::get(const std::string& name) const {
  const auto it = params_.find(name);
  return it == params_.end() ? std::string() : it->second;
}

}  // namespace sagsoeg
