// The compound rules of a Hunspell dictionary (Debian's hunspell-da): which
// words may begin a Danish compound, with their linking element as the
// dictionary states it (sundhed+s, ryge+Ø, tand+Ø), and which may end one.
// Hunspell accepts "kunstgræsbaner" by exactly these rules; the compound
// splitter uses them to find the parts. Words the dictionary does not allow
// as a first part ("fore", "uafhæng") never start a split.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace sagsoeg {

struct HunspellCompounds {
  /// A surface form a compound may start with, and the dictionary word it
  /// comes from: {"sundheds", "sundhed"}, {"ryge", "ryge"}.
  struct Head {
    std::string form;
    std::string word;
  };
  std::vector<Head> heads;
  /// Dictionary words (any inflection) that may end a compound: "bane", "kursus".
  std::vector<std::string> tails;
};

/// Reads a dictionary's .aff and .dic text (in dictionary order, with
/// repeats) (UTF-8; FLAG num, long or single
/// characters). Only lower-case single words are kept. Throws InputError
/// (with the line) when the .dic is not a Hunspell word list.
HunspellCompounds read_hunspell_compounds(std::string_view aff, std::string_view dic);

/// The Danish dictionary's path without .aff/.dic: $SAGSOEG_HUNSPELL_DA or
/// Debian's /usr/share/hunspell/da_DK.
std::string hunspell_da_path();
/// A file's bytes, or "" when it cannot be read (no dictionary installed).
std::string read_file_or_empty(const std::string& path);

}  // namespace sagsoeg
