// Danish compound words: sundhedsreformen = sundheds|reformen,
// kunstgræsbaner = kunst|græs|baner. The index gets the parts' stems, and
// the stems of runs of parts (kunstgræs, græsbaner), as extra terms (prefix
// XP, no positions) so a query for "gigt", "kunstgræs" or "rygestop" finds
// items that only say "Gigtforeningen", "kunstgræsbaner" or
// "rygestopkurser"; the searcher weighs them below exact matches.
//
// Which pieces are parts comes from a real Danish lexicon: the compound
// rules of Debian's hunspell-da dictionary (which words may start a
// compound, with which linking letter, and which may end one), plus a short
// list of domain words (data/compound_parts.txt).
#pragma once

#include <xapian.h>

#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "text/hunspell_compounds.h"

namespace sagsoeg {

/// The vocabulary of parts, as stems. Immutable; shared between threads.
class CompoundVocabulary {
 public:
  /// Debian's hunspell-da (or $SAGSOEG_HUNSPELL_DA: a path without .aff/.dic)
  /// plus the embedded domain list. Without the dictionary, the domain list
  /// alone (see lexicon_found()).
  static const CompoundVocabulary& standard();
  /// Identifies the standard vocabulary's data without loading it (the
  /// dictionary's bytes and the domain list), for the database's version.
  static const std::string& standard_version();

  CompoundVocabulary(const HunspellCompounds& lexicon, const std::string& domain_words, Xapian::Stem& stem);

  /// The stem of the word a compound may start with in this form
  /// ("sundheds" -> "sundhed"), or nullptr.
  const std::string* head_stem(const std::string& form) const;
  bool is_tail_stem(const std::string& stem) const { return tail_stems_.count(stem) != 0; }
  bool lexicon_found() const { return lexicon_found_; }
  size_t head_count() const { return heads_.size(); }

 private:
  std::unordered_map<std::string, std::string> heads_;  ///< surface form -> stem of its word
  std::unordered_set<std::string> tail_stems_;
  bool lexicon_found_ = false;
};

/// Splits lower-case words into the stems of their parts. One per thread.
class CompoundSplitter {
 public:
  CompoundSplitter(const CompoundVocabulary& vocabulary, Xapian::Stem stem);

  /// Stems of the parts and of each run of two or more parts shorter than
  /// the word ("kunstgræs", "græsbaner" for kunst|græs|baner); empty if the
  /// word is not a compound of known parts. Every part has at least 4
  /// letters; the first part that fits wins, shortest first, so compounds
  /// split into their finest parts.
  const std::vector<std::string>& split(const std::string& word);

 private:
  /// Cut points (letter indexes) after `from` that split the rest of the
  /// word into known parts; false if there are none.
  bool find_cuts(const std::vector<size_t>& offsets, const std::string& word, size_t from, int depth,
                 std::vector<size_t>& cuts);

  /// The stem of the word a compound's last piece is an inflection of
  /// ("stier" -> "sti"), or "" if the piece cannot end a compound.
  std::string tail_stem(const std::string& piece);

  const CompoundVocabulary& vocabulary_;
  Xapian::Stem stem_;
  std::unordered_map<std::string, std::vector<std::string>> cache_;
};

}  // namespace sagsoeg
