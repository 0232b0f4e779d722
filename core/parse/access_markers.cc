#include "parse/access_markers.h"

#include <algorithm>
#include <cctype>

#include "parse/access_vocabulary.h"
#include "util/utf8.h"

namespace sagsoeg {

namespace {

bool is_word_char_at(std::string_view s, size_t i) {
  if (i >= s.size()) return false;
  size_t pos = i;
  const uint32_t cp = next_code_point(s, pos);
  return is_letter(cp) || (cp >= '0' && cp <= '9');
}

// `word` at s[i], ending at a word boundary.
bool word_at(std::string_view s, size_t i, std::string_view word) {
  return s.compare(i, word.size(), word) == 0 && !is_word_char_at(s, i + word.size());
}

std::string_view skip_spaces_and(std::string_view s, std::string_view chars) {
  while (!s.empty() && (s.front() == ' ' || chars.find(s.front()) != std::string_view::npos)) s.remove_prefix(1);
  return s;
}

// The number an item heading starts with: "12", "2a", "1.1", "715".
size_t number_length(std::string_view s) {
  size_t i = 0;
  while (i < s.size() && i < 4 && std::isdigit(static_cast<unsigned char>(s[i]))) ++i;
  if (i == 0 || (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i])))) return 0;
  while (i + 1 < s.size() && s[i] == '.' && std::isdigit(static_cast<unsigned char>(s[i + 1]))) {
    size_t j = i + 1;
    while (j < s.size() && j - i <= 3 && std::isdigit(static_cast<unsigned char>(s[j]))) ++j;
    i = j;
  }
  if (i < s.size() && s[i] >= 'a' && s[i] <= 'z' && !is_word_char_at(s, i + 1)) ++i;  // "2a"
  return i;
}

}  // namespace

static const AccessVocabulary& vocabulary() {
  return AccessVocabulary::standard();
}

bool starts_with_closed_word(std::string_view lower) {
  // Whole words: not "lukkede" ("3 lukkede institutioner" is a sentence, not
  // a heading) nor "lukketid".
  for (const std::string& w : vocabulary().closed_words)
    if (word_at(lower, 0, w)) return true;
  return false;
}

bool title_has_closed_marker(std::string_view t) {
  for (size_t i = 0; i < t.size(); ++i) {
    if (t[i] != '(' && t[i] != '[') continue;
    if (starts_with_closed_word(skip_spaces_and(t.substr(i + 1), ""))) return true;
  }
  // "... - lukket punkt", "... – Lukket", "...: lukket"
  std::string_view trimmed = t;
  while (!trimmed.empty() && (trimmed.back() == '.' || trimmed.back() == ' ')) trimmed.remove_suffix(1);
  for (const std::string& e : vocabulary().closed_endings)
    if (ends_with(trimmed, e)) return true;
  return false;
}

bool title_marks_closed(std::string_view title) {
  if (title.size() > 1000 || !mentions_access_word(title)) return false;
  const std::string lower = to_lower_latin(trim(title));
  return starts_with_closed_word(skip_spaces_and(lower, "([")) || title_has_closed_marker(lower);
}

bool publishes_closed_title(std::string_view title) {
  const std::string lower = to_lower_latin(trim(title));
  if (!starts_with(lower, "lukket:")) return false;
  return !trim(std::string_view(lower).substr(7)).empty();
}

std::string title_without_closed_marker(std::string_view title) {
  std::string t(trim(title));
  if (!title_marks_closed(t)) return t;
  const std::string lower = to_lower_latin(t);
  // A leading marker: "Lukket:", "(Fortrolig)", "Lukket punkt -", "Fortroligt punkt:".
  std::string_view rest = skip_spaces_and(lower, "([");
  if (starts_with_closed_word(rest)) {
    // The longest marker the title starts with goes ("Lukket punkt -" before "Lukket").
    std::vector<std::string> markers = vocabulary().closed_lines;
    markers.insert(markers.end(), vocabulary().closed_words.begin(), vocabulary().closed_words.end());
    std::sort(markers.begin(), markers.end(),
              [](const std::string& a, const std::string& b) { return a.size() > b.size(); });
    for (const std::string& w : markers)
      if (word_at(rest, 0, w)) {
        rest = skip_spaces_and(rest.substr(w.size()), ")]:.-");
        if (starts_with(rest, "\xE2\x80\x93")) rest = skip_spaces_and(rest.substr(3), "");
        break;
      }
    t = t.substr(static_cast<size_t>(rest.data() - lower.data()));
    return std::string(trim(t));
  }
  // A trailing or parenthesised marker: "Salg af grund (lukket punkt)", "Salg - Lukket".
  for (size_t i = 0; i < lower.size(); ++i) {
    if ((lower[i] == '(' || lower[i] == '[') && starts_with_closed_word(skip_spaces_and(lower.substr(i + 1), ""))) {
      const size_t close = lower.find_first_of(")]", i);
      std::string out = t.substr(0, i);
      if (close != std::string::npos) out += t.substr(close + 1);
      return collapse_spaces(out);
    }
  }
  std::string_view trimmed = lower;
  while (!trimmed.empty() && (trimmed.back() == '.' || trimmed.back() == ' ')) trimmed.remove_suffix(1);
  for (const std::string& e : vocabulary().closed_endings)
    if (ends_with(trimmed, e)) {
      std::string out(trim(t.substr(0, trimmed.size() - e.size())));
      while (!out.empty() && (out.back() == '-' || out.back() == ' ' || out.back() == ':')) out.pop_back();
      if (ends_with(out, "\xE2\x80\x93")) out.resize(out.size() - 3);
      return std::string(trim(out));
    }
  return t;
}

bool is_closed_heading_line(std::string_view clean, std::string* number) {
  if (clean.size() > 300 || !mentions_access_word(clean)) return false;
  const std::string lower = to_lower_latin(clean);
  std::string_view s = skip_spaces_and(lower, "#*");
  for (std::string_view prefix : {"punkt ", "pkt. ", "pkt ", "dagsordenspunkt ", "sag nr. ", "sag "})
    if (starts_with(s, prefix)) {
      s.remove_prefix(prefix.size());
      break;
    }
  const size_t n = number_length(s);
  if (!n) return false;
  if (number) *number = std::string(clean.substr(static_cast<size_t>(s.data() - lower.data()), n));
  std::string_view rest = s.substr(n);
  if (!rest.empty() && rest.front() != ' ' && rest.front() != '.' && rest.front() != ':' && rest.front() != ')' &&
      rest.front() != '(' && rest.front() != '-' && rest.front() != '[')
    return false;                                                              // "12%", "2024rapport"
  if (rest.size() > 1 && rest.front() == '-' && rest[1] != ' ') return false;  // "2024-rapport"
  rest = skip_spaces_and(rest, ".:)-");
  if (starts_with(rest, "\xE2\x80\x93")) rest = skip_spaces_and(rest.substr(3), "");  // en dash
  if (starts_with_closed_word(skip_spaces_and(rest, "([")) || title_has_closed_marker(rest)) return true;
  // "Punkt 3: Beslutning: Lukket: Salg" -- a label, then the marker.
  const size_t colon = rest.find(':');
  return colon != std::string_view::npos && colon < 30 &&
         starts_with_closed_word(skip_spaces_and(rest.substr(colon + 1), "(["));
}

bool is_standalone_closed_marker(std::string_view clean) {
  if (clean.size() > 200 || !mentions_access_word(clean)) return false;
  std::string lower = to_lower_latin(trim(clean));
  std::string_view s = skip_spaces_and(lower, "#*([-");
  while (!s.empty() && (s.back() == '.' || s.back() == ')' || s.back() == ']' || s.back() == '*' || s.back() == ' ' ||
                        s.back() == '!'))
    s.remove_suffix(1);
  const AccessVocabulary& v = vocabulary();
  if (std::find(v.closed_lines.begin(), v.closed_lines.end(), s) != v.closed_lines.end()) return true;
  // "Sagen behandles for lukkede døre."
  for (const std::string& p : v.closed_line_phrases)
    if (s.size() < 100 && s.find(p) != std::string_view::npos) return true;
  // "Lukket: Salg af grund", "Lukket punkt jf. styrelseslovens § 10"
  for (const std::string& p : v.closed_line_starts)
    if (s.size() < 160 && starts_with(s, p)) return true;
  return false;
}

GroupMarker group_marker(std::string_view clean) {
  if (clean.size() > 80 || !mentions_access_word(clean)) return GroupMarker::none;
  const std::string lower = to_lower_latin(trim(clean));
  std::string_view s = skip_spaces_and(lower, "#*");
  auto matches = [&](const std::string& w) {
    if (!starts_with(s, w)) return false;
    std::string_view tail = skip_spaces_and(s.substr(w.size()), ":.-");
    return tail.empty() || tail.front() == '(' || tail.size() < 20;
  };
  for (const std::string& m : vocabulary().closed_groups)
    if (matches(m)) return GroupMarker::closed;
  for (const std::string& m : vocabulary().open_groups)
    if (matches(m)) return GroupMarker::open;
  return GroupMarker::none;
}

}  // namespace sagsoeg
