// Whether a database built by one build can be read and extended by this
// one: the recorded pipeline signature ("sagsoeg-text-2;xapian-1.4;
// stemmer=...;stop=...;overrides=...;topics=...;compounds=D.P;schema=7")
// compared part by part. Only what changes results refuses: our stop
// words, stemmer overrides, topics, compound parts, schema, the stemmer and
// Xapian's release series. A new Danish dictionary from the system
// (hunspell-da, D) or a Xapian patch release does not: the first is named
// as a note, the second is not compared at all.
#pragma once

#include <string>
#include <vector>

namespace sagsoeg {

struct PipelineComparison {
  std::vector<std::string> breaking;  ///< "stop words (stop=1234abcd, now 5678ef90)"
  std::vector<std::string> notes;     ///< changes that need no rebuild
  bool compatible() const { return breaking.empty(); }
  /// The breaking changes as one sentence part.
  std::string describe() const;
};

/// `have`: recorded in the database; `want`: this build's. `with_compounds`
/// false compares as a searcher does (compound splitting shapes only what
/// the indexer adds).
PipelineComparison compare_pipelines(const std::string& have, const std::string& want, bool with_compounds = true);

}  // namespace sagsoeg
