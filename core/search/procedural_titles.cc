#include "search/procedural_titles.h"

#include <string>
#include <vector>

#include "text/embedded_data.h"
#include "util/utf8.h"

namespace sagsoeg {

namespace {

constexpr size_t kMaxWords = 8;

const std::vector<std::string>& procedural_titles() {
  static const std::vector<std::string> titles = [] {
    std::vector<std::string> out;
    for (std::string_view line : split_lines(kProceduralTitlesText)) {
      line = trim(line);
      if (!line.empty() && line[0] != '#') out.push_back(to_lower_latin(line));
    }
    return out;
  }();
  return titles;
}

// "3. Eventuelt." -> "eventuelt": lower case, no number, no end punctuation.
std::string normalised(std::string_view title) {
  std::string t = to_lower_latin(trim(title));
  size_t b = 0;
  while (b < t.size() && (std::isdigit(static_cast<unsigned char>(t[b])) || t[b] == '.' || t[b] == ' ')) ++b;
  t.erase(0, b);
  while (!t.empty() && (t.back() == '.' || t.back() == ':' || t.back() == ' ')) t.pop_back();
  return t;
}

size_t words(const std::string& s) {
  size_t n = 0;
  bool in_word = false;
  for (char c : s) {
    const bool space = c == ' ';
    if (!space && !in_word) ++n;
    in_word = !space;
  }
  return n;
}

}  // namespace

bool is_procedural_title(std::string_view title) {
  const std::string t = normalised(title);
  if (t.empty()) return false;
  for (const std::string& p : procedural_titles()) {
    if (t == p) return true;
    if (t.size() > p.size() && t.compare(0, p.size(), p) == 0 &&
        !std::isalnum(static_cast<unsigned char>(t[p.size()])) && static_cast<unsigned char>(t[p.size()]) < 0x80 &&
        words(t) <= kMaxWords)
      return true;
  }
  return false;
}

}  // namespace sagsoeg
