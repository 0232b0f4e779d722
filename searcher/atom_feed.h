// An Atom feed of search results, newest first, so a journalist can follow
// a subject or a case in a feed reader.
#pragma once

#include <string>

#include "search/search_request.h"

namespace sagsoeg {

std::string atom_feed(const SearchResponse& response, const std::string& self_path, const SearchRequest& request);

}  // namespace sagsoeg
