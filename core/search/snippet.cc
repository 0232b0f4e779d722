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
  const unsigned char l = c | 0x20;
  return (c >= '0' && c <= '9') || (l >= 'a' && l <= 'z') || c >= 0x80;
}

// Which first letters (lower case; Latin-1 letters by their second UTF-8
// byte) start some query term: most words of a text are rejected by this.
struct FirstLetters {
  bool ascii[128] = {};
  bool latin1[64] = {};
  explicit FirstLetters(const std::vector<std::string>& terms) {
    for (const std::string& t : terms) {
      const auto c = static_cast<unsigned char>(t[0]);
      if (c < 0x80) ascii[c] = true;
      if (c == 0xC3 && t.size() > 1) latin1[static_cast<unsigned char>(t[1]) & 0x3F] = true;
    }
  }
  bool may_match(const std::string& text, size_t b) const {
    const auto c = static_cast<unsigned char>(text[b]);
    if (c < 0x80) return ascii[c >= 'A' && c <= 'Z' ? c | 0x20 : c];
    if (c != 0xC3 || b + 1 >= text.size()) return true;  // other scripts: check the slow way
    auto d = static_cast<unsigned char>(text[b + 1]);
    if (d >= 0x80 && d <= 0x9E && d != 0x97) d = static_cast<unsigned char>(d + 0x20);
    return latin1[d & 0x3F];
  }
};

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
  // Words and which term each matches; most words are rejected by their
  // first letter without being lower-cased.
  const FirstLetters first_letters(terms);
  std::vector<Word> words;
  for (size_t i = 0; i < text.size();) {
    while (i < text.size() && !is_word_byte(static_cast<unsigned char>(text[i]))) ++i;
    const size_t b = i;
    while (i < text.size() && is_word_byte(static_cast<unsigned char>(text[i]))) ++i;
    if (i == b) break;
    int match = -1;
    if (!terms.empty() && first_letters.may_match(text, b)) {
      const std::string w = lower_word(text, b, i);
      for (size_t t = 0; t < terms.size() && match < 0; ++t)
        if (starts_with(w, terms[t]) && (terms[t].size() >= 3 || w == terms[t])) match = static_cast<int>(t);
    }
    words.push_back({b, i, match});
  }
  if (words.empty()) return {};
  // Best window: most distinct terms, then most matches, then earliest.
  // Two pointers over the matching words only.
  std::vector<size_t> matches;
  for (size_t k = 0; k < words.size(); ++k)
    if (words[k].term >= 0) matches.push_back(k);
  size_t best_start = 0;
  int best_distinct = 0, best_count = 0;
  std::vector<int> in_window(terms.size(), 0);
  int distinct = 0;
  size_t hi = 0;
  for (size_t lo = 0; lo < matches.size(); ++lo) {
    const size_t begin = words[matches[lo]].begin;
    while (hi < matches.size() && words[matches[hi]].end - begin <= length) {
      if (in_window[static_cast<size_t>(words[matches[hi]].term)]++ == 0) ++distinct;
      ++hi;
    }
    const int count = static_cast<int>(hi - lo);
    if (distinct > best_distinct || (distinct == best_distinct && count > best_count)) {
      best_start = matches[lo], best_distinct = distinct, best_count = count;
    }
    if (--in_window[static_cast<size_t>(words[matches[lo]].term)] == 0) --distinct;
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
