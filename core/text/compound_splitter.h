// Danish compound words: sundhedsreformen = sundheds|reformen,
// Socialtandplejen = social|tand|plejen. The index gets the parts' stems as
// extra terms (prefix XP, no positions) so a query for "gigt" or "tandpleje"
// finds items that only say "Gigtforeningen" or "Socialtandplejen"; the
// searcher weighs them below exact matches.
#pragma once

#include <xapian.h>

#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace sagsoeg {

/// The vocabulary of possible parts (data/compound_parts.txt), as stems.
class CompoundVocabulary {
 public:
  static const CompoundVocabulary& standard();
  CompoundVocabulary(const std::string& word_list, Xapian::Stem& stem);
  bool contains_stem(const std::string& stem) const { return stems_.count(stem) != 0; }
  const std::string& version() const { return version_; }

 private:
  std::unordered_set<std::string> stems_;
  std::string version_;
};

/// Splits lower-case words into the stems of their parts. One per thread.
class CompoundSplitter {
 public:
  CompoundSplitter(const CompoundVocabulary& vocabulary, Xapian::Stem stem);

  /// Stems of the parts, and of each multi-part tail ("tandplej" for
  /// social|tand|plejen); empty if the word is not a compound of known parts.
  /// Parts and tails have at least 4 letters; a part may end in a linking
  /// s or e (sundheds-, hjemme-).
  const std::vector<std::string>& split(const std::string& word);

 private:
  bool split_into(const std::vector<size_t>& offsets, const std::string& word, size_t from,
                  std::vector<std::string>& parts, int depth);
  bool known(const std::string& piece, bool allow_linking, std::string& stem_out);

  const CompoundVocabulary& vocabulary_;
  Xapian::Stem stem_;
  std::unordered_map<std::string, std::vector<std::string>> cache_;
};

}  // namespace sagsoeg
