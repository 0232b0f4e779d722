#include "parse/access_markers.h"

#include <cctype>

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

// Every marker holds one of these fragments (any case); most lines hold
// none, and are rejected without being lower-cased.
bool mentions_access_word(std::string_view s) {
  static constexpr std::string_view fragments[] = {"ukke",
                                                   "UKKE",
                                                   "ortrolig",
                                                   "ORTROLIG",
                                                   "ffentlig",
                                                   "FFENTLIG",
                                                   "\xC3\xA5"
                                                   "b",
                                                   "\xC3\x85"
                                                   "b",
                                                   "\xC3\x85"
                                                   "B"};
  for (std::string_view w : fragments)
    if (s.find(w) != std::string_view::npos) return true;
  return false;
}

}  // namespace

bool starts_with_closed_word(std::string_view lower) {
  // Not "lukkede": "3 lukkede institutioner" is a sentence, not a heading.
  return word_at(lower, 0, "fortrolig") || word_at(lower, 0, "fortroligt") || word_at(lower, 0, "fortrolige") ||
         word_at(lower, 0, "lukket") || starts_with(lower, "ikke offentlig") || starts_with(lower, "ikke-offentlig");
}

bool title_has_closed_marker(std::string_view t) {
  for (size_t i = 0; i < t.size(); ++i) {
    if (t[i] != '(' && t[i] != '[') continue;
    if (starts_with_closed_word(skip_spaces_and(t.substr(i + 1), ""))) return true;
  }
  // "... - lukket punkt", "... – Lukket", "...: lukket"
  static const char* const endings[] = {" lukket punkt", "- lukket",     "\xE2\x80\x93 lukket",
                                        ": lukket",      "- fortrolig",  "\xE2\x80\x93 fortrolig",
                                        "- fortroligt",  ": fortrolig",  "\xE2\x80\x93 fortroligt",
                                        ": fortroligt",  "- lukket sag", "\xE2\x80\x93 lukket sag"};
  std::string_view trimmed = t;
  while (!trimmed.empty() && (trimmed.back() == '.' || trimmed.back() == ' ')) trimmed.remove_suffix(1);
  for (const char* e : endings)
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
    static const std::string_view words[] = {"lukket punkt",    "lukket sag",     "fortroligt punkt", "fortrolig sag",
                                             "ikke-offentligt", "ikke-offentlig", "ikke offentligt",  "ikke offentlig",
                                             "fortroligt",      "fortrolige",     "fortrolig",        "lukket"};
    for (std::string_view w : words)
      if (starts_with(rest, w)) {
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
  static const char* const endings[] = {
      " - lukket punkt", " \xE2\x80\x93 lukket punkt", " lukket punkt", " - lukket sag",
      " - lukket",       " \xE2\x80\x93 lukket",       ": lukket",      " - fortroligt",
      " - fortrolig",    " \xE2\x80\x93 fortroligt",   ": fortroligt",  ": fortrolig"};
  std::string_view trimmed = lower;
  while (!trimmed.empty() && (trimmed.back() == '.' || trimmed.back() == ' ')) trimmed.remove_suffix(1);
  for (const char* e : endings)
    if (ends_with(trimmed, e)) return std::string(trim(t.substr(0, trimmed.size() - std::string_view(e).size())));
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
  static const std::string_view whole[] = {
      "fortrolig",         "fortroligt",         "fortrolige",       "lukket",
      "lukket punkt",      "lukket sag",         "fortroligt punkt", "fortrolig sag",
      "ikke offentlig",    "ikke offentligt",    "ikke-offentlig",   "lukket punkt - fortroligt",
      "punktet er lukket", "sagen er fortrolig", "lukket del"};
  for (std::string_view w : whole)
    if (s == w) return true;
  // "Sagen behandles for lukkede døre."
  if (s.size() < 100 && s.find("for lukkede d\xC3\xB8re") != std::string_view::npos) return true;
  // "Lukket: Salg af grund", "Fortroligt: ..."
  return (starts_with(s, "lukket:") || starts_with(s, "fortrolig:") || starts_with(s, "fortroligt:")) && s.size() < 160;
}

GroupMarker group_marker(std::string_view clean) {
  if (clean.size() > 80 || !mentions_access_word(clean)) return GroupMarker::none;
  const std::string lower = to_lower_latin(trim(clean));
  std::string_view s = skip_spaces_and(lower, "#*");
  static const char* const closed[] = {"lukkede sager",      "lukket dagsorden", "lukkede punkter",
                                       "lukket møde",        "lukket del",       "lukket referat",
                                       "fortrolige punkter", "fortrolige sager", "lukkede dagsordenspunkter",
                                       "dagsorden - lukket", "referat - lukket"};
  static const char* const open[] = {"åbne sager",
                                     "åben dagsorden",
                                     "åbne punkter",
                                     "åbent møde",
                                     "åben del",
                                     "åbent referat",
                                     "offentlige punkter",
                                     "offentlig dagsorden",
                                     "åbne dagsordenspunkter",
                                     "dagsorden - åben"};
  auto matches = [&](const char* m) {
    const std::string_view w(m);
    if (!starts_with(s, w)) return false;
    std::string_view tail = skip_spaces_and(s.substr(w.size()), ":.-");
    return tail.empty() || tail.front() == '(' || tail.size() < 20;
  };
  for (const char* m : closed)
    if (matches(m)) return GroupMarker::closed;
  for (const char* m : open)
    if (matches(m)) return GroupMarker::open;
  return GroupMarker::none;
}

}  // namespace sagsoeg
