#include "search/snippet.h"

#include "schema/schema.h"

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

std::vector<std::string> highlight_terms(const Xapian::Query& query) {
  std::vector<std::string> terms;
  for (auto t = query.get_unique_terms_begin(); t != query.get_unique_terms_end(); ++t) {
    // Words of the text fields (title, decision, resumé, recommendation,
    // compound parts); boolean filters (XCASE..., XTOPIC...) are not text.
    const std::string whole = *t;
    const schema::SplitTerm split = schema::split_term(whole);
    const std::string_view p = split.prefix;
    const bool text = schema::is_text_field_prefix(p) || p == schema::kCompoundPart;
    if (!text) continue;
    const std::string term(split.word);
    if (term.size() >= 2 && std::find(terms.begin(), terms.end(), term) == terms.end()) terms.push_back(term);
  }
  return terms;
}

namespace {

// The next word at or after `i`: [begin, end), or begin == end at the end.
inline void next_word(const std::string& text, size_t& i, size_t& begin, size_t& end) {
  while (i < text.size() && !is_word_byte(static_cast<unsigned char>(text[i]))) ++i;
  begin = i;
  while (i < text.size() && is_word_byte(static_cast<unsigned char>(text[i]))) ++i;
  end = i;
}

void append_escaped(std::string& out, const std::string& text, size_t from, size_t to) {
  for (size_t i = from; i < to; ++i) {
    if (text[i] == '\n') {
      out += ' ';
    } else if (const char* entity = html_entity(text[i])) {
      out += entity;
    } else {
      out += text[i];
    }
  }
}

}  // namespace

std::string make_snippet(const std::string& text, const std::vector<std::string>& terms, size_t length) {
  // The matching words and which term each matches; most words are rejected
  // by their first letter without being lower-cased, and only matches are
  // kept (the window is cut from the text afterwards).
  const FirstLetters first_letters(terms);
  std::vector<Word> matches;
  size_t first_word = std::string::npos;
  std::string lower;
  for (size_t i = 0;;) {
    size_t b, e;
    next_word(text, i, b, e);
    if (b == e) break;
    if (first_word == std::string::npos) first_word = b;
    if (terms.empty() || !first_letters.may_match(text, b)) continue;
    lower = lower_word(text, b, e);
    for (size_t t = 0; t < terms.size(); ++t)
      if (starts_with(lower, terms[t]) && (terms[t].size() >= 3 || lower == terms[t])) {
        matches.push_back({b, e, static_cast<int>(t)});
        break;
      }
  }
  if (first_word == std::string::npos) return {};
  // Best window: most distinct terms, then most matches, then earliest.
  size_t begin = first_word;
  if (!matches.empty()) {
    size_t best = 0;
    int best_distinct = 0, best_count = 0;
    std::vector<int> in_window(terms.size(), 0);
    int distinct = 0;
    size_t hi = 0;
    for (size_t lo = 0; lo < matches.size(); ++lo) {
      while (hi < matches.size() && matches[hi].end - matches[lo].begin <= length) {
        if (in_window[static_cast<size_t>(matches[hi].term)]++ == 0) ++distinct;
        ++hi;
      }
      const int count = static_cast<int>(hi - lo);
      if (distinct > best_distinct || (distinct == best_distinct && count > best_count))
        best = lo, best_distinct = distinct, best_count = count;
      if (--in_window[static_cast<size_t>(matches[lo].term)] == 0) --distinct;
    }
    // Start up to four words before the first match, for context.
    begin = matches[best].begin;
    size_t start = matches[best].begin;
    for (int back = 0; back < 4; ++back) {
      size_t j = start;
      while (j > 0 && !is_word_byte(static_cast<unsigned char>(text[j - 1]))) --j;
      while (j > 0 && is_word_byte(static_cast<unsigned char>(text[j - 1]))) --j;
      if (j >= start || matches[best].begin - j >= length / 4 || j < first_word) break;
      begin = start = j;
    }
  }
  // Whole words from `begin` while they fit in `length` bytes.
  std::string out = begin > first_word ? "…" : "";
  out.reserve(length + 64);
  size_t pos = begin, end = begin;
  size_t m = 0;
  while (m < matches.size() && matches[m].begin < begin) ++m;
  for (size_t i = begin;;) {
    size_t b, e;
    next_word(text, i, b, e);
    if (b == e || e - begin > length) break;
    append_escaped(out, text, pos, b);
    const bool marked = m < matches.size() && matches[m].begin == b;
    if (marked) out += "<mark>";
    append_escaped(out, text, b, e);
    if (marked) {
      out += "</mark>";
      ++m;
    }
    pos = end = e;
  }
  if (end < text.size()) {
    // Keep a closing full stop, drop dangling separators.
    if (text[end] == '.') out += '.';
    out += "…";
  }
  return out;
}

}  // namespace sagsoeg
