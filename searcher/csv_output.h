// Search results as CSV for a spreadsheet (RFC 4180: CRLF line ends, fields
// quoted where needed, quotes doubled; UTF-8 with a byte-order mark so a
// spreadsheet reads æ, ø and å right), one row per result.
#pragma once

#include <string>

#include "search/search_request.h"

namespace sagsoeg {

/// Header row: id, date, committee, case, title, outcome, url, organisation,
/// kind, decision, page. The first seven keep their names and places
/// (scripts read them); new columns only ever go at the end. `url` is the
/// publisher's page; `page` the item on this server's page, when
/// `page_base` ("http://host:port") is known (HTTP), else empty.
std::string results_csv(const SearchResponse& response, const std::string& page_base = "");

/// One field, quoted when it holds a comma, a quote or a line end.
std::string csv_field(const std::string& value);

}  // namespace sagsoeg
