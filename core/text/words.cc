#include "text/words.h"

#include <xapian.h>

namespace sagsoeg {

void for_each_word(std::string_view text, const std::function<void(const std::string&)>& word) {
  std::string current;
  for (Xapian::Utf8Iterator it(text.data(), text.size()); it != Xapian::Utf8Iterator(); ++it) {
    const unsigned ch = *it;
    if (Xapian::Unicode::is_wordchar(ch)) {
      Xapian::Unicode::append_utf8(current, Xapian::Unicode::tolower(ch));
    } else if (!current.empty()) {
      word(current);
      current.clear();
    }
  }
  if (!current.empty()) word(current);
}

void for_each_capitalised_word(std::string_view text, const std::function<void(const std::string&)>& word) {
  std::string current;
  bool in_word = false, wanted = false;
  for (Xapian::Utf8Iterator it(text.data(), text.size()); it != Xapian::Utf8Iterator(); ++it) {
    const unsigned ch = *it;
    if (Xapian::Unicode::is_wordchar(ch)) {
      if (!in_word) {
        in_word = true;
        wanted = Xapian::Unicode::get_category(ch) == Xapian::Unicode::UPPERCASE_LETTER;
      }
      if (wanted) Xapian::Unicode::append_utf8(current, ch);
    } else if (in_word) {
      if (wanted) word(current);
      current.clear();
      in_word = false;
    }
  }
  if (in_word && wanted) word(current);
}

}  // namespace sagsoeg
