// Abbreviations and synonyms (data/synonyms.tsv), applied to the query text:
// "KOL" also searches "kronisk obstruktiv lungesygdom" and the other way round.
#pragma once

#include <string>
#include <vector>

namespace sagsoeg {

class SynonymTable {
 public:
  static const SynonymTable& standard();
  explicit SynonymTable(const std::string& tsv);

  /// Rewrites a (lower-cased) query: each form of a group found outside
  /// quotes and field prefixes becomes "(form OR "other form" OR ...)".
  std::string expand(const std::string& query) const;
  size_t size() const { return groups_.size(); }

 private:
  std::vector<std::vector<std::vector<std::string>>> groups_;  // group -> form -> words
};

}  // namespace sagsoeg
