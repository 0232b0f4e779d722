#include "text/compound_splitter.h"

#include "text/embedded_data.h"
#include "text/text_pipeline.h"
#include "util/utf8.h"

namespace sagsoeg {

namespace {

constexpr size_t kMinPart = 4;      // letters
constexpr size_t kMinCompound = 8;  // letters
constexpr size_t kMinStem = 4;      // bytes of a part's stem: "for", "ing" are no parts
constexpr size_t kCacheLimit = 200000;

}  // namespace

const CompoundVocabulary& CompoundVocabulary::standard() {
  static Xapian::Stem stem = TextPipeline::standard().make_stemmer();
  static const CompoundVocabulary vocabulary(kCompoundPartsText, stem);
  return vocabulary;
}

CompoundVocabulary::CompoundVocabulary(const std::string& word_list, Xapian::Stem& stem)
    : version_(fnv1a_hex(word_list).substr(0, 8)) {
  for (std::string_view line : split_lines(word_list)) {
    line = trim(line);
    if (line.empty() || line[0] == '#') continue;
    const std::string word = to_lower_latin(line);
    if (!TextPipeline::standard().is_stopword(word)) stems_.insert(stem(word));
  }
}

CompoundSplitter::CompoundSplitter(const CompoundVocabulary& vocabulary, Xapian::Stem stem)
    : vocabulary_(vocabulary), stem_(std::move(stem)) {}

bool CompoundSplitter::known(const std::string& piece, bool allow_linking, std::string& stem_out) {
  // A linking s or e first: "sundheds" is "sundhed"+s, not the stem "sund".
  if (allow_linking && (piece.back() == 's' || piece.back() == 'e')) {
    stem_out = stem_(piece.substr(0, piece.size() - 1));
    if (stem_out.size() >= kMinStem && vocabulary_.contains_stem(stem_out)) return true;
  }
  stem_out = stem_(piece);
  return stem_out.size() >= kMinStem && vocabulary_.contains_stem(stem_out);
}

bool CompoundSplitter::split_into(const std::vector<size_t>& offsets, const std::string& word, size_t from,
                                  std::vector<std::string>& parts, int depth) {
  // offsets[i] = byte offset of letter i; offsets.back() = word.size()
  const size_t letters = offsets.size() - 1;
  if (depth > 3 || letters - from < 2 * kMinPart) return false;
  // Prefer the longest head: "sundheds|reformen" before shorter guesses.
  for (size_t cut = letters - kMinPart; cut >= from + kMinPart; --cut) {
    std::string head_stem, tail_stem;
    const std::string head = word.substr(offsets[from], offsets[cut] - offsets[from]);
    if (!known(head, true, head_stem)) continue;
    const std::string tail = word.substr(offsets[cut]);
    std::vector<std::string> tail_parts;
    const bool tail_known = known(tail, false, tail_stem);
    const bool tail_split = split_into(offsets, word, cut, tail_parts, depth + 1);
    if (!tail_known && !tail_split) continue;
    parts.push_back(head_stem);
    parts.push_back(stem_(tail));
    parts.insert(parts.end(), tail_parts.begin(), tail_parts.end());
    return true;
  }
  return false;
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
  if (letters_only && offsets.size() - 1 >= kMinCompound) split_into(offsets, word, 0, parts, 0);
  return cache_.emplace(word, std::move(parts)).first->second;
}

}  // namespace sagsoeg
