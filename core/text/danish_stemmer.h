// Snowball's Danish stemmer (libstemmer) as a Xapian stemmer, with a small
// override list for words it over-stems. TermGenerator and QueryParser are
// both given this stemmer, so index and queries stem identically.
#pragma once

#include <xapian.h>

#include <array>
#include <map>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

struct sb_stemmer;

namespace sagsoeg {

using StemOverrides = std::map<std::string, std::string>;

/// Parses "word<TAB>stem" and "*suffix<TAB>*replacement" lines ('#'
/// comments). Throws InputError on a bad line.
StemOverrides parse_stem_overrides(const std::string& text);

class DanishStemmer : public Xapian::StemImplementation {
 public:
  /// Throws std::runtime_error if libstemmer has no Danish algorithm, so a
  /// DanishStemmer can never exist in a state that silently does nothing.
  explicit DanishStemmer(StemOverrides overrides);
  ~DanishStemmer() override;
  DanishStemmer(const DanishStemmer&) = delete;
  DanishStemmer& operator=(const DanishStemmer&) = delete;

  /// Stems a lower-case word. Not thread-safe: one stemmer per thread.
  ///  1. An inflected form is rewritten to its base by the longest suffix
  ///     rule ("*pladserne" -> "*plads": hospicepladserne -> hospiceplads;
  ///     Danish compounds inflect on their last part).
  ///  2. A word with an override takes it (plads -> plads, not Snowball's plad).
  ///  3. Snowball.
  std::string operator()(const std::string& word) override;
  std::string get_description() const override;

 private:
  std::string stem_uncached(const std::string& word);
  sb_stemmer* stemmer_;
  StemOverrides overrides_;
  std::unordered_map<std::string, std::string> words_;
  /// Suffix rules by the suffix's last byte, longest first.
  std::array<std::vector<std::pair<std::string, std::string>>, 256> suffixes_;
  std::unordered_map<std::string, std::string> cache_;
};

}  // namespace sagsoeg
