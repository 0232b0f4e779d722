#include "text/hunspell_compounds.h"

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <unordered_map>

#include "io/input_error.h"
#include "util/utf8.h"

namespace sagsoeg {

namespace {

enum class FlagType { chars, long_pairs, numbers };

// A flag as a number: "29" (FLAG num), two bytes (FLAG long) or one
// character. 0 means "none".
using Flag = uint32_t;
using Flags = std::vector<Flag>;

Flags split_flags(std::string_view s, FlagType type) {
  Flags flags;
  if (type == FlagType::numbers) {
    Flag n = 0;
    bool digits = false;
    for (char c : s) {
      if (c >= '0' && c <= '9') {
        n = n * 10 + static_cast<Flag>(c - '0');
        digits = true;
      } else {
        if (digits) flags.push_back(n);
        n = 0;
        digits = false;
      }
    }
    if (digits) flags.push_back(n);
  } else if (type == FlagType::long_pairs) {
    for (size_t i = 0; i + 1 < s.size(); i += 2)
      flags.push_back(static_cast<unsigned char>(s[i]) << 8 | static_cast<unsigned char>(s[i + 1]));
  } else {
    size_t pos = 0;
    while (pos < s.size()) flags.push_back(next_code_point(s, pos));
  }
  return flags;
}

Flag one_flag(std::string_view s, FlagType type) {
  const Flags f = split_flags(s, type);
  return f.empty() ? 0 : f.front();
}

std::vector<uint32_t> code_points(std::string_view s) {
  std::vector<uint32_t> out;
  size_t pos = 0;
  while (pos < s.size()) out.push_back(next_code_point(s, pos));
  return out;
}

// A suffix rule's condition ("." , "e", "[^sxz]", "[^e]er"): what the end of
// the word must look like.
class Condition {
 public:
  explicit Condition(std::string_view text) {
    const std::vector<uint32_t> cps = code_points(text);
    for (size_t i = 0; i < cps.size(); ++i) {
      Element e;
      if (cps[i] == '.') {
        e.any = true;
      } else if (cps[i] == '[') {
        size_t j = i + 1;
        if (j < cps.size() && cps[j] == '^') e.negated = true, ++j;
        for (; j < cps.size() && cps[j] != ']'; ++j) e.set.push_back(cps[j]);
        i = j;
      } else {
        e.set.push_back(cps[i]);
      }
      elements_.push_back(std::move(e));
    }
  }

  bool matches_end_of(std::string_view word) const {
    // Walk back over the word's last code points, one element each.
    size_t end = word.size();
    for (size_t i = elements_.size(); i-- > 0;) {
      if (end == 0) return false;
      size_t start = end - 1;
      while (start > 0 && (static_cast<unsigned char>(word[start]) & 0xC0) == 0x80) --start;
      size_t pos = start;
      const uint32_t cp = next_code_point(word, pos);
      const Element& e = elements_[i];
      if (!e.any && (std::find(e.set.begin(), e.set.end(), cp) != e.set.end()) == e.negated) return false;
      end = start;
    }
    return true;
  }

 private:
  struct Element {
    bool any = false;
    bool negated = false;
    std::vector<uint32_t> set;
  };
  std::vector<Element> elements_;
};

struct SuffixRule {
  std::string strip;
  std::string add;
  Flags continuation;
  Condition condition;
};

struct AffixRules {
  FlagType flag_type = FlagType::chars;
  Flag begin = 0, middle = 0, end = 0, anywhere = 0;
  struct Group {
    std::vector<SuffixRule> rules;
    bool starts = false, ends = false;  ///< some rule makes a compound's first / last part
  };
  std::unordered_map<Flag, Group> suffixes;

  static bool has(const Flags& flags, Flag f) { return f && std::find(flags.begin(), flags.end(), f) != flags.end(); }
  bool starts_compound(const Flags& flags) const {
    return has(flags, begin) || has(flags, middle) || has(flags, anywhere);
  }
  bool ends_compound(const Flags& flags) const { return has(flags, end) || has(flags, anywhere); }
};

AffixRules read_aff(std::string_view aff) {
  AffixRules rules;
  const auto lines = split_lines(aff);
  for (std::string_view line : lines) {
    const auto f = split_words(line);
    if (f.size() < 2 || f[0] != "FLAG") continue;
    rules.flag_type = f[1] == "num" ? FlagType::numbers : f[1] == "long" ? FlagType::long_pairs : FlagType::chars;
  }
  for (std::string_view line : lines) {  // the compound flags may come after the rules that use them
    const auto f = split_words(line);
    if (f.size() < 2) continue;
    if (f[0] == "COMPOUNDBEGIN") rules.begin = one_flag(f[1], rules.flag_type);
    if (f[0] == "COMPOUNDMIDDLE") rules.middle = one_flag(f[1], rules.flag_type);
    if (f[0] == "COMPOUNDEND") rules.end = one_flag(f[1], rules.flag_type);
    if (f[0] == "COMPOUNDFLAG") rules.anywhere = one_flag(f[1], rules.flag_type);
  }
  for (std::string_view line : lines) {
    const auto f = split_words(line);
    // "SFX 29 Y 2" opens a group; "SFX 29 0 s/32,35,36 ." is a rule.
    if (f.size() < 5 || f[0] != "SFX") continue;
    const std::string_view add_field = f[3];
    const size_t slash = add_field.find('/');
    SuffixRule rule{f[2] == "0" ? "" : std::string(f[2]), std::string(add_field.substr(0, slash)), {}, Condition(f[4])};
    if (rule.add == "0") rule.add.clear();
    if (slash != std::string_view::npos) rule.continuation = split_flags(add_field.substr(slash + 1), rules.flag_type);
    AffixRules::Group& group = rules.suffixes[one_flag(f[1], rules.flag_type)];
    group.starts = group.starts || rules.starts_compound(rule.continuation);
    group.ends = group.ends || rules.ends_compound(rule.continuation);
    group.rules.push_back(std::move(rule));
  }
  return rules;
}

bool is_plain_lower_word(std::string_view w) {
  if (w.empty()) return false;
  size_t pos = 0;
  while (pos < w.size()) {
    const uint32_t cp = next_code_point(w, pos);
    if (!is_letter(cp) || is_upper_letter(cp)) return false;
  }
  return true;
}

}  // namespace

HunspellCompounds read_hunspell_compounds(std::string_view aff, std::string_view dic) {
  const AffixRules rules = read_aff(aff);
  HunspellCompounds out;
  if (!rules.begin && !rules.anywhere) return out;  // a dictionary without compounding
  const auto lines = split_lines(dic);
  for (size_t n = 0; n < lines.size(); ++n) {
    std::string_view line = lines[n];
    if (n == 0) {
      // The first line is the word count (here followed by a comment).
      if (line.empty() || line[0] < '0' || line[0] > '9')
        throw InputError("not a Hunspell word list: the first line is not a word count", 1);
      continue;
    }
    line = line.substr(0, std::min(line.find_first_of(" \t"), line.size()));
    const size_t slash = line.find('/');
    const std::string_view word = line.substr(0, slash);
    if (!is_plain_lower_word(word)) continue;  // names, abbreviations, multi-word entries
    const Flags flags =
        slash == std::string_view::npos ? Flags{} : split_flags(line.substr(slash + 1), rules.flag_type);
    const std::string w(word);
    if (rules.starts_compound(flags)) out.heads.push_back({w, w});
    bool tail = rules.ends_compound(flags);
    for (const Flag f : flags) {
      const auto group = rules.suffixes.find(f);
      if (group == rules.suffixes.end() || (!group->second.starts && (tail || !group->second.ends))) continue;
      for (const SuffixRule& r : group->second.rules) {
        const bool head = rules.starts_compound(r.continuation), ends = rules.ends_compound(r.continuation);
        if ((!head && (!ends || tail)) || !ends_with(w, r.strip) || !r.condition.matches_end_of(word)) continue;
        if (head) {
          std::string form = w.substr(0, w.size() - r.strip.size()) + r.add;
          if (is_plain_lower_word(form)) out.heads.push_back({std::move(form), w});  // not "stop-" (a hyphen)
        }
        tail = tail || ends;
      }
    }
    if (tail) out.tails.push_back(w);
  }
  return out;
}

std::string hunspell_da_path() {
  const char* env = std::getenv("SAGSOEG_HUNSPELL_DA");
  return env && *env ? env : "/usr/share/hunspell/da_DK";
}

std::string read_file_or_empty(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return {};
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

}  // namespace sagsoeg
