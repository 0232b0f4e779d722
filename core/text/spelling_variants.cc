#include "text/spelling_variants.h"

#include <algorithm>

namespace sagsoeg {

namespace {

struct Pair {
  const char* ascii;
  const char* danish;
};
const Pair kPairs[] = {{"aa", "\xC3\xA5"}, {"ae", "\xC3\xA6"}, {"oe", "\xC3\xB8"}};

struct Site {
  size_t pos;
  size_t len;
  std::string other;
};

}  // namespace

std::vector<std::string> danish_spelling_variants(const std::string& word) {
  std::vector<Site> sites;
  for (size_t i = 0; i + 1 < word.size() && sites.size() < 4;) {
    bool found = false;
    for (const Pair& p : kPairs) {
      if (word.compare(i, 2, p.ascii) == 0 || word.compare(i, 2, p.danish) == 0) {
        const bool is_ascii = word.compare(i, 2, p.ascii) == 0;
        sites.push_back({i, 2, is_ascii ? p.danish : p.ascii});
        i += 2;
        found = true;
        break;
      }
    }
    if (!found) ++i;
  }
  std::vector<std::string> out;
  const size_t combos = size_t(1) << sites.size();
  for (size_t mask = 1; mask < combos; ++mask) {
    std::string v;
    size_t from = 0;
    for (size_t s = 0; s < sites.size(); ++s) {
      v.append(word, from, sites[s].pos - from);
      v += (mask & (size_t(1) << s)) ? sites[s].other : word.substr(sites[s].pos, sites[s].len);
      from = sites[s].pos + sites[s].len;
    }
    v.append(word, from, std::string::npos);
    if (v != word && std::find(out.begin(), out.end(), v) == out.end()) out.push_back(v);
  }
  return out;
}

}  // namespace sagsoeg
