#include "parse/access_rule.h"

#include <algorithm>
#include <utility>

#include "parse/access_vocabulary.h"
#include "util/utf8.h"

namespace sagsoeg {

namespace {

// Accented Latin letters other than the Danish æ ø å, to their base letter.
uint32_t fold_accent(uint32_t cp) {
  static const std::pair<uint32_t, char> folds[] = {
      {0xE0, 'a'}, {0xE1, 'a'}, {0xE2, 'a'}, {0xE3, 'a'}, {0xE4, 'a'}, {0xE7, 'c'}, {0xE8, 'e'},
      {0xE9, 'e'}, {0xEA, 'e'}, {0xEB, 'e'}, {0xEC, 'i'}, {0xED, 'i'}, {0xEE, 'i'}, {0xEF, 'i'},
      {0xF1, 'n'}, {0xF2, 'o'}, {0xF3, 'o'}, {0xF4, 'o'}, {0xF5, 'o'}, {0xF6, 'o'}, {0xF9, 'u'},
      {0xFA, 'u'}, {0xFB, 'u'}, {0xFC, 'u'}, {0xFD, 'y'}, {0xFF, 'y'}};
  for (const auto& [from, to] : folds)
    if (cp == from) return static_cast<uint32_t>(to);
  return cp;
}

bool is_edge_char(uint32_t cp) {
  return cp == ' ' || cp == '.' || cp == ':' || cp == ';' || cp == '-' || cp == '\t' || cp == 0xA0;
}

}  // namespace

std::string normalise_access_value(std::string_view value) {
  const std::string lower = to_lower_latin(value);
  std::string out;
  bool space = false;
  size_t pos = 0;
  while (pos < lower.size()) {
    uint32_t cp = next_code_point(lower, pos);
    if (cp == '\t' || cp == '\n' || cp == '\r' || cp == 0xA0) cp = ' ';
    if (cp == ' ') {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    append_utf8(out, fold_accent(cp));
  }
  // Trim edge punctuation: "Åben." and "- Lukket -" read as their words.
  size_t begin = 0, end = out.size();
  while (begin < end && is_edge_char(static_cast<unsigned char>(out[begin]))) ++begin;
  while (end > begin && is_edge_char(static_cast<unsigned char>(out[end - 1]))) --end;
  return out.substr(begin, end - begin);
}

bool is_public_flag(std::string_view flag) {
  const auto& flags = AccessVocabulary::standard().public_flags;
  return std::find(flags.begin(), flags.end(), normalise_access_value(flag)) != flags.end();
}

bool is_public_label(std::string_view label) {
  const auto& labels = AccessVocabulary::standard().public_labels;
  return std::find(labels.begin(), labels.end(), normalise_access_value(label)) != labels.end();
}

bool is_public_value(std::string_view value) {
  return is_public_flag(value) || is_public_label(value);
}

bool is_closed_label(std::string_view label) {
  const std::string l = normalise_access_value(label);
  for (const std::string& c : AccessVocabulary::standard().closed_labels)
    if (l.find(c) != std::string::npos) return true;
  return false;
}

AccessSignal access_signal(std::string_view value, bool flag) {
  if (trim(value).empty()) return AccessSignal::absent;
  const bool open = flag ? is_public_flag(value) : is_public_label(value);
  return open ? AccessSignal::public_value : AccessSignal::closed;
}

bool all_public(std::initializer_list<AccessSignal> signals) {
  bool any_public = false;
  for (AccessSignal s : signals) {
    if (s == AccessSignal::closed) return false;
    any_public = any_public || s == AccessSignal::public_value;
  }
  return any_public;
}

}  // namespace sagsoeg
