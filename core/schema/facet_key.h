// The facet key: the low-cardinality facets of an item in one value slot
// (schema::kSlotFacetKey), so one value lookup per match counts them all;
// topics in a slot of their own (schema::kSlotTopics): in the key their
// combinations made nearly every key distinct (79,000 keys for 110,000 items),
// apart a corpus has a few hundred keys and a few hundred topic sets.
// Short codes for the closed vocabularies (type, kind, outcome, topics):
// values are stored for every item, and a byte saved is 110 KB per 110,000.
#pragma once

#include <string>
#include <vector>

namespace sagsoeg {

struct FacetKeyValues {
  std::string committee, year, type, kind, organisation, outcome;
};

std::string encode_facet_key(const FacetKeyValues& values);
/// Unknown codes decode to "" (a key written by another vocabulary).
FacetKeyValues decode_facet_key(const std::string& key);

/// Topic slugs as comma-separated codes, and back (unknown codes dropped).
std::string encode_topic_codes(const std::vector<std::string>& slugs);
std::vector<std::string> decode_topic_codes(const std::string& codes);

}  // namespace sagsoeg
