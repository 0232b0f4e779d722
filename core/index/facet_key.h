// The facet key: the low-cardinality facets of an item in one value slot
// (schema::kSlotFacetKey), so one value lookup per match counts them all.
// Short codes for the closed vocabularies (type, kind, outcome, topics):
// the key is stored for every item, and a byte saved is 110 KB per 110,000.
#pragma once

#include <string>
#include <vector>

namespace sagsoeg {

struct FacetKeyValues {
  std::string committee, year, type, kind, organisation, outcome;
  std::vector<std::string> topics;  ///< slugs
};

std::string encode_facet_key(const FacetKeyValues& values);
/// Unknown codes decode to "" (a key written by another vocabulary).
FacetKeyValues decode_facet_key(const std::string& key);

}  // namespace sagsoeg
