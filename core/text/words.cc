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

}  // namespace sagsoeg
