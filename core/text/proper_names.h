// Names kept from the stemmer. Snowball's Danish stemmer takes "Anders" to
// "and" and "Hansen" to "hans", so a search for a person would find every
// "anden" and "andet". Snowball's own advice is to leave proper names
// unstemmed; what counts as a name here is what a reader sees as one: a word
// written with a capital that the Danish dictionary (Debian's hunspell-da,
// 35,000 names of people, places and firms) lists with a capital, or an
// abbreviation in capitals (at most five letters). Such a word is also indexed as itself, and a
// query that types it so matches it exactly (text_pipeline.h).
#pragma once

#include <string>
#include <string_view>
#include <unordered_set>

namespace sagsoeg {

class ProperNames {
 public:
  /// From the system's hunspell-da (SAGSOEG_HUNSPELL_DA); empty without it,
  /// when only abbreviations count as names.
  static const ProperNames& standard();
  /// From a Hunspell .dic text: its capitalised entries.
  explicit ProperNames(std::string_view dic);

  /// True for "Anders", "Aarhus", "KL", "SAPA" as written; false for
  /// "anders", "Aftalen", "Kl" or "KOMMUNERNE" (abbreviations have at most
  /// five letters; longer words in capitals are names only if listed).
  bool is_name(std::string_view written) const;
  /// True when the dictionary lists `lower` (lower-cased) as a name, however
  /// it was typed: "lisbjerg" is still Lisbjerg, never a misspelt "esbjerg".
  bool lists(const std::string& lower) const { return names_.count(lower) != 0; }
  size_t size() const { return names_.size(); }

 private:
  std::unordered_set<std::string> names_;  ///< lower-cased
};

}  // namespace sagsoeg
