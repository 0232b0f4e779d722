#include "search/snippet.h"

#include <algorithm>

#include "util/utf8.h"

namespace sagsoeg {

namespace {

struct Word {
  size_t begin, end;  // byte range in the text
  int term;           // index of the matching term, or -1
};

bool is_word_byte(unsigned char c) {
  return std::isalnum(c) || c >= 0x80;
}

// Lower-cases one word (ASCII and Latin-1 letters) for matching.
std::string lower_word(const std::string& text, size_t b, size_t e) {
  return to_lower_latin(std::string_view(text).substr(b, e - b));
}

}  // namespace

std::string html_escape(const std::string& s) {
  std::string out;
  out.reserve(s.size() + s.size() / 16);
  for (char c : s) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::vector<std::string> highlight_terms(const Xapian::Query& query) {
  std::vector<std::string> terms;
  for (auto t = query.get_unique_terms_begin(); t != query.get_unique_terms_end(); ++t) {
    std::string term = *t;
    if (term.empty()) continue;
    if (term[0] == 'Z') term.erase(0, 1);
    // Field and compound prefixes are upper case; boolean filters (XCASE,
    // Y2024, ...) have upper-case prefixes too and end up empty or digits.
    size_t p = 0;
    while (p < term.size() && term[p] >= 'A' && term[p] <= 'Z') ++p;
    if (p > 0 && p != 1 && p != 2) continue;  // XCASE..., XTOPIC...: not text
    if (p == 2 && term.compare(0, 2, "XD") != 0 && term.compare(0, 2, "XR") != 0 && term.compare(0, 2, "XI") != 0 &&
        term.compare(0, 2, "XP") != 0)
      continue;
    if (p == 1 && term[0] != 'S') continue;
    term.erase(0, p);
    if (term.size() >= 2 && std::find(terms.begin(), terms.end(), term) == terms.end()) terms.push_back(term);
  }
  return terms;
}

std::string make_snippet(const std::string& text, const std::vector<std::string>& terms, size_t length) {
  // Words and which term each matches.
  std::vector<Word> words;
  for (size_t i = 0; i < text.size();) {
    while (i < text.size() && !is_word_byte(static_cast<unsigned char>(text[i]))) ++i;
    const size_t b = i;
    while (i < text.size() && is_word_byte(static_cast<unsigned char>(text[i]))) ++i;
    if (i == b) break;
    int match = -1;
    if (!terms.empty()) {
      const std::string w = lower_word(text, b, i);
      for (size_t t = 0; t < terms.size() && match < 0; ++t)
        if (starts_with(w, terms[t]) && (terms[t].size() >= 3 || w == terms[t])) match = static_cast<int>(t);
    }
    words.push_back({b, i, match});
  }
  if (words.empty()) return {};
  // Best window: most distinct terms, then most matches, then earliest.
  size_t best_start = 0;
  int best_distinct = -1, best_count = -1;
  for (size_t s = 0; s < words.size(); ++s) {
    if (words[s].term < 0 && s != 0) continue;
    std::vector<bool> seen(terms.size(), false);
    int distinct = 0, count = 0;
    for (size_t k = s; k < words.size() && words[k].end - words[s].begin <= length; ++k) {
      if (words[k].term < 0) continue;
      ++count;
      if (!seen[static_cast<size_t>(words[k].term)]) seen[static_cast<size_t>(words[k].term)] = true, ++distinct;
    }
    if (distinct > best_distinct || (distinct == best_distinct && count > best_count)) {
      best_start = s, best_distinct = distinct, best_count = count;
    }
  }
  // Start a few words before the first match for context.
  size_t first = best_start;
  for (int back = 0; back < 4 && first > 0 && words[best_start].begin - words[first - 1].begin < length / 4; ++back)
    --first;
  const size_t begin = words[first].begin;
  size_t end = begin;
  size_t last = first;
  while (last < words.size() && words[last].end - begin <= length) end = words[last++].end;
  std::string out = first > 0 ? "…" : "";
  size_t pos = begin;
  for (size_t k = first; k < last; ++k) {
    out += html_escape(text.substr(pos, words[k].begin - pos));
    const std::string w = html_escape(text.substr(words[k].begin, words[k].end - words[k].begin));
    out += words[k].term >= 0 ? "<mark>" + w + "</mark>" : w;
    pos = words[k].end;
  }
  if (end < text.size()) {
    // Keep a closing full stop, drop dangling separators.
    if (text[end] == '.') out += '.';
    out += "…";
  }
  for (char& c : out)
    if (c == '\n') c = ' ';
  return out;
}

}  // namespace sagsoeg
