// Snippets: the window of an item's text that holds most of the query's
// words, HTML-escaped, with <mark> around the matches. A word matches a
// query stem when it starts with it (lægedækningen, Gigtforeningen for
// "gigt"), so no stemming is needed per word of text: this is cheap enough
// for ten results per query on a slow machine.
#pragma once

#include <xapian.h>

#include <string>
#include <vector>

namespace sagsoeg {

/// The stems and words of a query worth highlighting (from its terms: Z
/// stems, unstemmed phrase words, compound parts), lower case.
std::vector<std::string> highlight_terms(const Xapian::Query& query);

/// At most about `length` bytes of `text` around the best cluster of
/// matches ("…" marks cuts); the start of the text if nothing matches.
std::string make_snippet(const std::string& text, const std::vector<std::string>& terms, size_t length);

/// The entity for a character that HTML and XML text must escape (& < > "),
/// or nullptr: the one escaping rule for snippets, pages and the feed.
inline const char* html_entity(char c) {
  switch (c) {
    case '&':
      return "&amp;";
    case '<':
      return "&lt;";
    case '>':
      return "&gt;";
    case '"':
      return "&quot;";
    default:
      return nullptr;
  }
}

}  // namespace sagsoeg
