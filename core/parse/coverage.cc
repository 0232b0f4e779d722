#include "parse/coverage.h"

#include "util/utf8.h"

namespace sagsoeg {

void WordSet::add(std::string_view text) {
  std::string current;
  size_t letters = 0;
  auto flush = [&] {
    if (letters >= 6) words_.insert(to_lower_latin(current));
    current.clear();
    letters = 0;
  };
  size_t pos = 0;
  while (pos < text.size()) {
    const size_t start = pos;
    const uint32_t cp = next_code_point(text, pos);
    if (is_letter(cp)) {
      current.append(text, start, pos - start);
      ++letters;
    } else {
      flush();
    }
  }
  flush();
}

TextCoverage measure_coverage(const WordSet& document, const WordSet& items) {
  TextCoverage c;
  c.words = document.size();
  for (const std::string& w : document.words()) c.covered += items.contains(w);
  return c;
}

}  // namespace sagsoeg
