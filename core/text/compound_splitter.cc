#include "text/compound_splitter.h"

#include <algorithm>

#include "text/embedded_data.h"
#include "text/text_pipeline.h"
#include "util/hash.h"
#include "util/utf8.h"

namespace sagsoeg {

namespace {

constexpr size_t kMinPart = 4;      // letters: "ryge", "tand"; never "is" or "ben"
constexpr size_t kMinCompound = 8;  // letters
constexpr size_t kMinStem = 3;      // bytes of the last part's stem ("baner" -> "ban")
constexpr int kMaxParts = 4;
constexpr size_t kCacheLimit = 200000;

}  // namespace

const std::string& CompoundVocabulary::standard_version() {
  static const std::string version = [] {
    const std::string path = hunspell_da_path();
    return fnv1a_hex(read_file_or_empty(path + ".aff") + read_file_or_empty(path + ".dic")).substr(0, 8) + "." +
           fnv1a_hex(kCompoundPartsText).substr(0, 8);
  }();
  return version;
}

const CompoundVocabulary& CompoundVocabulary::standard() {
  static const CompoundVocabulary vocabulary = [] {
    const std::string path = hunspell_da_path();
    const std::string aff = read_file_or_empty(path + ".aff"), dic = read_file_or_empty(path + ".dic");
    HunspellCompounds lexicon;
    if (!aff.empty() && !dic.empty()) lexicon = read_hunspell_compounds(aff, dic);
    Xapian::Stem stem = TextPipeline::standard().make_stemmer();
    return CompoundVocabulary(lexicon, kCompoundPartsText, stem);
  }();
  return vocabulary;
}

CompoundVocabulary::CompoundVocabulary(const HunspellCompounds& lexicon, const std::string& domain_words,
                                       Xapian::Stem& stem)
    : lexicon_found_(!lexicon.heads.empty()) {
  const TextPipeline& pipeline = TextPipeline::standard();
  std::unordered_map<std::string, std::string> stems;  // many forms share a word
  auto stem_of = [&](const std::string& word) -> const std::string& {
    auto it = stems.find(word);
    if (it == stems.end()) it = stems.emplace(word, stem(word)).first;
    return it->second;
  };
  std::vector<std::string> domain;
  std::unordered_set<std::string> never;  // "!hed": never a part
  for (std::string_view line : split_lines(domain_words)) {
    line = trim(line);
    if (line.empty() || line[0] == '#') continue;
    if (line[0] == '!') {
      never.insert(to_lower_latin(trim(line.substr(1))));
    } else {
      domain.push_back(to_lower_latin(line));
    }
  }
  auto usable = [&](const std::string& w) { return !never.count(w) && !pipeline.is_stopword(w); };
  for (const auto& h : lexicon.heads)
    if (usable(h.word) && usable(h.form)) heads_.emplace(h.form, stem_of(h.word));
  for (const std::string& t : lexicon.tails)
    if (usable(t)) tail_stems_.insert(stem_of(t));
  // Domain words: a part anywhere, with a linking s or e after it.
  for (const std::string& word : domain) {
    if (!usable(word)) continue;
    const std::string s = stem_of(word);
    for (const char* linking : {"", "s", "e"}) heads_.emplace(word + linking, s);
    tail_stems_.insert(s);
  }
  // A stem shared with a never-part ("hed" of heden) cannot end a compound.
  for (const std::string& w : never) tail_stems_.erase(stem(w));
}

const std::string* CompoundVocabulary::head_stem(const std::string& form) const {
  const auto it = heads_.find(form);
  return it == heads_.end() ? nullptr : &it->second;
}

CompoundSplitter::CompoundSplitter(const CompoundVocabulary& vocabulary, Xapian::Stem stem)
    : vocabulary_(vocabulary), stem_(std::move(stem)) {}

bool CompoundSplitter::find_cuts(const std::vector<size_t>& offsets, const std::string& word, size_t from, int depth,
                                 std::vector<size_t>& cuts) {
  // offsets[i] = byte offset of letter i; offsets.back() = word.size()
  const size_t letters = offsets.size() - 1;
  if (depth >= kMaxParts - 1 || letters - from < 2 * kMinPart) return false;
  for (size_t cut = from + kMinPart; cut + kMinPart <= letters; ++cut) {
    if (!vocabulary_.head_stem(word.substr(offsets[from], offsets[cut] - offsets[from]))) continue;
    // The finest split first (tand|plejen before tandplejen): runs of parts
    // are indexed too, so nothing a coarser split finds is lost.
    std::vector<size_t> rest;
    if (find_cuts(offsets, word, cut, depth + 1, rest)) {
      cuts.push_back(cut);
      cuts.insert(cuts.end(), rest.begin(), rest.end());
      return true;
    }
    if (!tail_stem(word.substr(offsets[cut])).empty()) {
      cuts.push_back(cut);
      return true;
    }
  }
  return false;
}

std::string CompoundSplitter::tail_stem(const std::string& tail) {
  const std::string stem = stem_(tail);
  if (stem.size() >= kMinStem && vocabulary_.is_tail_stem(stem)) return stem;
  // Snowball does not always bring an inflected form to its word's stem
  // (stier -> stier, sti -> sti): try the word without its ending.
  for (const char* ending : {"erne", "ene", "er", "en", "et", "e", "r", "s", "ne", "n", "t"}) {
    const size_t n = std::char_traits<char>::length(ending);
    if (tail.size() < n + kMinStem || tail.compare(tail.size() - n, n, ending) != 0) continue;
    const std::string base = stem_(tail.substr(0, tail.size() - n));
    if (base.size() >= kMinStem && vocabulary_.is_tail_stem(base)) return base;
  }
  return {};
}

const std::vector<std::string>& CompoundSplitter::split(const std::string& word) {
  auto it = cache_.find(word);
  if (it != cache_.end()) return it->second;
  if (cache_.size() > kCacheLimit) cache_.clear();
  std::vector<size_t> offsets;
  size_t pos = 0;
  bool letters_only = true;
  while (pos < word.size()) {
    offsets.push_back(pos);
    const uint32_t cp = next_code_point(word, pos);  // always advance
    letters_only = letters_only && is_letter(cp);
  }
  offsets.push_back(word.size());
  std::vector<std::string> parts;
  std::vector<size_t> cuts;
  if (letters_only && offsets.size() - 1 >= kMinCompound && find_cuts(offsets, word, 0, 0, cuts)) {
    // Boundaries 0, cuts..., end; part i runs from bounds[i] to bounds[i + 1].
    std::vector<size_t> bounds{0};
    bounds.insert(bounds.end(), cuts.begin(), cuts.end());
    bounds.push_back(offsets.size() - 1);
    const size_t n = bounds.size() - 1;
    auto piece = [&](size_t a, size_t b) {
      return word.substr(offsets[bounds[a]], offsets[bounds[b]] - offsets[bounds[a]]);
    };
    for (size_t i = 0; i < n; ++i) {
      const std::string surface = piece(i, i + 1);
      parts.push_back(i + 1 < n ? *vocabulary_.head_stem(surface) : tail_stem(surface));
    }
    for (size_t a = 0; a < n; ++a)
      for (size_t b = a + 2; b <= n; ++b)
        if (b - a < n) parts.push_back(stem_(piece(a, b)));
    std::sort(parts.begin(), parts.end());
    parts.erase(std::unique(parts.begin(), parts.end()), parts.end());
  }
  return cache_.emplace(word, std::move(parts)).first->second;
}

}  // namespace sagsoeg
