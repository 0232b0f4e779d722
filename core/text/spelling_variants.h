// Danish spellings without a Danish keyboard, and the old double-a:
// Aalborg/Ålborg, laegedaekning/lægedækning, aeldre/ældre, paa/på.
#pragma once

#include <string>
#include <vector>

namespace sagsoeg {

/// Other spellings of a lower-case word: every combination of aa<->å,
/// ae<->æ, oe<->ø (at most 16), not including the word itself.
std::vector<std::string> danish_spelling_variants(const std::string& word);

}  // namespace sagsoeg
