// The words of a text, lower-cased, split like Xapian's TermGenerator splits
// them (runs of word characters; "6.500" and "plo's" are one word there, two
// here, which only matters for words that are no compound and no spelling
// candidate). For what needs surface words once the index holds only stems:
// compound splitting and the spelling table.
#pragma once

#include <functional>
#include <string>
#include <string_view>

namespace sagsoeg {

/// Calls `word` for every word of `text`, lower-cased, in order.
void for_each_word(std::string_view text, const std::function<void(const std::string&)>& word);

/// Calls `word` for every word of `text` that begins with a capital letter,
/// as written ("Anders", "KL"): the candidates for names (proper_names.h).
void for_each_capitalised_word(std::string_view text, const std::function<void(const std::string&)>& word);

}  // namespace sagsoeg
