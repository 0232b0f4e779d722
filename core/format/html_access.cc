#include "format/html_access.h"

#include "parse/access_markers.h"
#include "parse/access_rule.h"
#include "parse/access_vocabulary.h"
#include "util/utf8.h"

namespace sagsoeg {

bool element_marks_closed(const xmlNode* n) {
  if (!n || n->type != XML_ELEMENT_NODE || !n->properties) return false;
  const std::string classes = attribute(n, "class");  // the words are views into it
  for (std::string_view word : split_words(classes)) {
    const std::string w = normalise_access_value(word);
    if (w.find("lukket") != std::string::npos || w.find("fortrolig") != std::string::npos || w == "closed" ||
        w == "confidential" || w == "is-closed")
      return true;
  }
  for (const char* name : {"title", "alt", "aria-label", "data-access"}) {
    const std::string v = attribute(n, name);
    if (v.empty() || !mentions_access_word(v)) continue;
    // A marker, not a caption that happens to start with "Lukket" ("Lukket
    // vej ved skolen" under a photo): a whole marker, "Lukket: <title>", or
    // the words "lukket punkt", "lukket sag", "fortrolig(t)" anywhere in it.
    const std::string lower = to_lower_latin(v);
    if (is_standalone_closed_marker(v) || lower.find("lukket:") != std::string::npos ||
        lower.find("lukket punkt") != std::string::npos || lower.find("lukket sag") != std::string::npos ||
        lower.find("fortrolig") != std::string::npos || group_marker(v) == GroupMarker::closed)
      return true;
  }
  return false;
}

}  // namespace sagsoeg
