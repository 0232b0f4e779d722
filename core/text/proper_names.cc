#include "text/proper_names.h"

#include <xapian.h>

#include "text/hunspell_compounds.h"
#include "util/utf8.h"

namespace sagsoeg {

namespace {

constexpr size_t kMaxAbbreviationLetters = 5;

bool is_upper(unsigned ch) {
  return Xapian::Unicode::get_category(ch) == Xapian::Unicode::UPPERCASE_LETTER;
}

std::string lower_utf8(std::string_view word) {
  std::string out;
  for (Xapian::Utf8Iterator it(word.data(), word.size()); it != Xapian::Utf8Iterator(); ++it)
    Xapian::Unicode::append_utf8(out, Xapian::Unicode::tolower(*it));
  return out;
}

}  // namespace

const ProperNames& ProperNames::standard() {
  static const ProperNames names(read_file_or_empty(hunspell_da_path() + ".dic"));
  return names;
}

ProperNames::ProperNames(std::string_view dic) {
  bool first = true;
  for (std::string_view line : split_lines(dic)) {
    if (first) {  // the entry count
      first = false;
      continue;
    }
    const size_t end = line.find_first_of("/\t ");
    const std::string_view word = line.substr(0, end);
    if (word.empty()) continue;
    Xapian::Utf8Iterator it(word.data(), word.size());
    if (!is_upper(*it)) continue;
    bool single_word = true;
    for (; it != Xapian::Utf8Iterator(); ++it) single_word = single_word && Xapian::Unicode::is_wordchar(*it);
    if (single_word) names_.insert(lower_utf8(word));
  }
}

bool ProperNames::is_name(std::string_view written) const {
  Xapian::Utf8Iterator it(written.data(), written.size());
  if (it == Xapian::Utf8Iterator() || !is_upper(*it)) return false;
  size_t letters = 0;
  bool all_upper = true;
  for (; it != Xapian::Utf8Iterator(); ++it) {
    const unsigned ch = *it;
    if (Xapian::Unicode::is_wordchar(ch) &&
        Xapian::Unicode::get_category(ch) != Xapian::Unicode::DECIMAL_DIGIT_NUMBER) {
      ++letters;
      all_upper = all_upper && is_upper(ch);
    }
  }
  // An abbreviation is short (KL, SAPA, COVID); a longer word in capitals
  // is a heading or caps lock (KOMMUNERNE): a name only if listed as one.
  if (all_upper && letters >= 2 && letters <= kMaxAbbreviationLetters) return true;
  return names_.count(lower_utf8(written)) != 0;
}

}  // namespace sagsoeg
