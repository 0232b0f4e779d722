#include "text/danish_stemmer.h"

#include <libstemmer.h>

#include <algorithm>
#include <stdexcept>

#include "io/input_error.h"
#include "util/utf8.h"

namespace sagsoeg {

StemOverrides parse_stem_overrides(const std::string& text) {
  StemOverrides overrides;
  int line_no = 0;
  for (std::string_view line : split_lines(text)) {
    ++line_no;
    line = trim(line);
    if (line.empty() || line[0] == '#') continue;
    const size_t tab = line.find('\t');
    if (tab == std::string_view::npos) throw InputError("stem overrides: expected 'word<TAB>stem'", line_no);
    overrides[std::string(trim(line.substr(0, tab)))] = std::string(trim(line.substr(tab + 1)));
  }
  return overrides;
}

DanishStemmer::DanishStemmer(StemOverrides overrides)
    : stemmer_(sb_stemmer_new("danish", "UTF_8")), overrides_(std::move(overrides)) {
  if (!stemmer_) throw std::runtime_error("libstemmer has no Danish stemmer");
  for (const auto& [key, value] : overrides_) {
    if (key.size() > 1 && key[0] == '*') {
      const std::string suffix = key.substr(1);
      suffixes_[static_cast<unsigned char>(suffix.back())].emplace_back(
          suffix, value.substr(value.empty() || value[0] != '*' ? 0 : 1));
    } else {
      words_.emplace(key, value);
    }
  }
  for (auto& rules : suffixes_)
    std::stable_sort(rules.begin(), rules.end(),
                     [](const auto& a, const auto& b) { return a.first.size() > b.first.size(); });
}

DanishStemmer::~DanishStemmer() {
  sb_stemmer_delete(stemmer_);
}

namespace {

// Words repeat (Zipf): a bounded cache of the last stems costs a hash lookup
// instead of the suffix rules and Snowball for most of an indexer's words.
constexpr size_t kCacheLimit = 50000;

}  // namespace

std::string DanishStemmer::operator()(const std::string& word) {
  const auto cached = cache_.find(word);
  if (cached != cache_.end()) return cached->second;
  if (cache_.size() >= kCacheLimit) cache_.clear();
  return cache_.emplace(word, stem_uncached(word)).first->second;
}

std::string DanishStemmer::stem_uncached(const std::string& original) {
  std::string word = original;
  if (!word.empty())
    for (const auto& [suffix, base] : suffixes_[static_cast<unsigned char>(word.back())])
      if (word.size() >= suffix.size() && word.compare(word.size() - suffix.size(), suffix.size(), suffix) == 0) {
        word = word.substr(0, word.size() - suffix.size()) + base;
        break;
      }
  const auto it = words_.find(word);
  if (it != words_.end()) return it->second;
  const sb_symbol* stemmed =
      sb_stemmer_stem(stemmer_, reinterpret_cast<const sb_symbol*>(word.data()), static_cast<int>(word.size()));
  if (!stemmed) return word;  // out of memory in libstemmer: fall back to the word
  return std::string(reinterpret_cast<const char*>(stemmed), static_cast<size_t>(sb_stemmer_length(stemmer_)));
}

std::string DanishStemmer::get_description() const {
  return "snowball-danish+" + std::to_string(overrides_.size()) + "-overrides";
}

}  // namespace sagsoeg
