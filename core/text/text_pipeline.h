// THE Danish text pipeline, shared by indexer and searcher: Xapian's Unicode
// tokenizer (letters with æ ø å é ü, case folding, hyphenated words as
// adjacent positions), the Danish Snowball stemmer with overrides, and the
// stop list. Both sides get their TermGenerator and QueryParser configured
// here, so they analyse text identically.
#pragma once

#include <xapian.h>

#include <memory>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "text/danish_stemmer.h"
#include "util/hash.h"

namespace sagsoeg {

struct AnalyzedToken {
  std::string token;  ///< the indexed (lower-cased) word
  std::string stem;
  bool stopword = false;
};

/// Immutable configuration (stop list, overrides); cheap to share between
/// threads. The Xapian objects it makes are per thread.
class TextPipeline {
 public:
  /// The pipeline built from the embedded data files.
  static const TextPipeline& standard();
  TextPipeline(const std::string& stopwords_text, const std::string& overrides_text);

  /// Identifies stemmer, stop list and overrides; recorded in the database.
  const std::string& version() const { return version_; }

  Xapian::Stem make_stemmer() const;
  /// A stopper; Xapian keeps a reference, the caller keeps it alive.
  std::unique_ptr<Xapian::Stopper> make_stopper() const;
  bool is_stopword(const std::string& lower_word) const;
  /// The stems of the stop words: what a phrase's stop words parse to.
  const std::unordered_set<std::string>& stopword_stems() const { return stopword_stems_; }

  /// A TermGenerator with stemmer and stopper set (stopper owned by `keep`).
  Xapian::TermGenerator make_term_generator(std::unique_ptr<Xapian::Stopper>& keep) const;
  /// Sets stemmer, stemming strategy and stopper on a QueryParser.
  void configure(Xapian::QueryParser& qp, std::unique_ptr<Xapian::Stopper>& keep) const;

  /// The word itself, lower-cased, when `written` is a name the stemmer
  /// would change ("Anders" -> "anders", whose stem is "and"); else "".
  /// The indexer adds it as a term of its own and the query matches it
  /// there instead of the stem (proper_names.h).
  std::string protected_name(std::string_view written, Xapian::Stem& stem) const;

  /// What the pipeline makes of `text`, token by token, in order.
  std::vector<AnalyzedToken> analyze(const std::string& text) const;

 private:
  std::unordered_set<std::string> stopwords_;
  std::unordered_set<std::string> stopword_stems_;
  StemOverrides overrides_;
  std::string version_;
};

}  // namespace sagsoeg
