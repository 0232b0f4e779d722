// How much of a document's text reaches its items: the share of its
// distinct words (six letters or more, lower case) that stand in some item
// -- in a public item's title, text or attachment names, or inside the
// region of a closed item, whose text is withheld by design. The indexer
// names files that leave much of their text outside every item, so nothing
// is lost in silence.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_set>

namespace sagsoeg {

/// Distinct words of six letters or more, lower-cased, collected from texts.
class WordSet {
 public:
  void add(std::string_view text);
  bool contains(const std::string& word) const { return words_.count(word) > 0; }
  size_t size() const { return words_.size(); }
  const std::unordered_set<std::string>& words() const { return words_; }

 private:
  std::unordered_set<std::string> words_;
};

struct TextCoverage {
  size_t words = 0;    ///< distinct words of the document
  size_t covered = 0;  ///< of them, those that reach an item
  /// Covered share in percent (100 for a document without words).
  int percent() const { return words ? static_cast<int>(covered * 100 / words) : 100; }
};

/// Coverage of `document` by `items`.
TextCoverage measure_coverage(const WordSet& document, const WordSet& items);

/// Below this share a file is named in the indexer's summary.
inline constexpr int kLowCoveragePercent = 70;

}  // namespace sagsoeg
