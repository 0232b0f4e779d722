// data/access.tsv as lists by kind: the public values every reader accepts
// and the closed markers every layout recognises, in one file (see its
// comments for the kinds). Loaded once, embedded at build time.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace sagsoeg {

struct AccessVocabulary {
  std::vector<std::string> public_flags, public_labels;
  std::vector<std::string> closed_words, closed_endings, closed_lines, closed_line_starts, closed_line_phrases;
  std::vector<std::string> closed_groups, open_groups, closed_labels;

  /// The embedded data/access.tsv. Throws std::logic_error on a malformed
  /// entry (an unknown kind, a text marker without a fast-check fragment).
  static const AccessVocabulary& standard();
  /// Parses a file in that format (tests).
  static AccessVocabulary parse(std::string_view text);
};

/// True when the text may hold an access marker: it contains "lukke",
/// "fortrolig", "offentlig" or "åb" in some case. Most lines do not, and are
/// rejected without being lower-cased.
bool mentions_access_word(std::string_view s);

}  // namespace sagsoeg
