// Facet counts over a query's whole match set: committee, year, type, kind,
// organisation and outcome from one value (the facet key slot: its
// combinations are counted, then split), topics from the topics slot, the
// case ID from its own slot. Three value lookups per match; over remote
// shards Xapian's own spies count (the shard servers know them).
#pragma once

#include <xapian.h>

#include <map>
#include <string>
#include <vector>

#include "search/search_request.h"

namespace sagsoeg {

/// Fills `facets` (the top 20 values of each, most frequent first) and
/// returns the exact number of matches. `remote`: some database is a remote
/// shard (Xapian's own spies are used, which the shard servers know).
size_t count_facets(const Xapian::Database& db, const Xapian::Query& query,
                    std::map<std::string, std::vector<FacetValue>>& facets, double time_budget, bool remote);

}  // namespace sagsoeg
