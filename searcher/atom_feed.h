// An Atom feed of search results, newest first, so a journalist can follow
// a subject or a case in a feed reader.
#pragma once

#include <string>

#include "search/search_request.h"

namespace sagsoeg {

/// `base` is the server's address ("http://host:port"); `self_path` the
/// feed's own path with its query. Entry links open the item on the page.
std::string atom_feed(const SearchResponse& response, const std::string& base, const std::string& self_path,
                      const SearchRequest& request);

/// A case's items newest first, each with its decisions and outcome, so a
/// journalist can subscribe to one case.
std::string case_feed(const std::string& case_id, const std::vector<SearchHit>& hits_newest_first,
                      const std::string& base, const std::string& self_path);

/// Text safe inside XML 1.0: escaped, and characters XML forbids (C0
/// controls but tab and line ends, U+FFFE/U+FFFF, bad UTF-8) dropped.
std::string xml_text(const std::string& s);

}  // namespace sagsoeg
