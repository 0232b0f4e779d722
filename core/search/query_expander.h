// Danish relevance beyond stemming, applied to a parsed query: each stemmed
// query term also matches
//  - compounds that contain it (index terms XP<stem>, weighted at half), and
//  - its other Danish spellings (laegedaekning -> lægedækning, Aalborg <-> Ålborg)
// where those terms exist in the database; a word typed as a name
// ("Anders") matches the name, not its stem ("and" of "anden", "andet"). Phrases lose their stop words
// (the index has none: a phrase is its other words in order), and a phrase
// in a text field becomes the words in the field and the phrase in the text.
#pragma once

#include <xapian.h>

#include <string>
#include <unordered_set>

namespace sagsoeg {

struct ExpansionOptions {
  bool compounds = true;
  bool variants = true;
  /// Stems of the stop words (TextPipeline::stopword_stems()), dropped from phrases.
  const std::unordered_set<std::string>* stopword_stems = nullptr;
  /// Words the query typed as names the stemmer would change ("anders" for
  /// "Anders", TextPipeline::protected_name): they match themselves, not
  /// their stem.
  const std::unordered_set<std::string>* names = nullptr;
};

/// `qp` must be the parser that produced `query` (for the unstemmed forms).
Xapian::Query expand_query(const Xapian::Query& query, const Xapian::QueryParser& qp, const Xapian::Database& db,
                           Xapian::Stem& stem, const ExpansionOptions& options);

}  // namespace sagsoeg
