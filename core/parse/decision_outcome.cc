#include "parse/decision_outcome.h"

#include <algorithm>
#include <stdexcept>

#include "text/embedded_data.h"
#include "text/words.h"
#include "util/utf8.h"

namespace sagsoeg {

namespace {

constexpr size_t kGapWords = 12;

std::vector<std::string> words_of(const std::string& text) {
  std::vector<std::string> out;
  for_each_word(text, [&](const std::string& w) { out.push_back(w); });
  return out;
}

bool word_matches(const std::string& pattern, const std::string& word) {
  if (!pattern.empty() && pattern.back() == '*')
    return starts_with(word, std::string_view(pattern).substr(0, pattern.size() - 1));
  return pattern == word;
}

// The pattern's words from sentence word `at` on (a "..." lets up to
// kGapWords pass).
bool matches_at(const std::vector<std::string>& pattern, size_t p, const std::vector<std::string>& words, size_t at) {
  if (p == pattern.size()) return true;
  if (pattern[p] == "...") {
    for (size_t skip = 0; skip <= kGapWords && at + skip <= words.size(); ++skip)
      if (matches_at(pattern, p + 1, words, at + skip)) return true;
    return false;
  }
  return at < words.size() && word_matches(pattern[p], words[at]) && matches_at(pattern, p + 1, words, at + 1);
}

bool matches(const std::vector<std::string>& pattern, const std::vector<std::string>& words) {
  for (size_t at = 0; at < words.size(); ++at)
    if (matches_at(pattern, 0, words, at)) return true;
  return false;
}

// Clauses, as words: sentences, split again where a reason or condition
// begins (", idet", ", dog", ...). A full stop before a digit or a
// lower-case letter ("kl. 16", "pkt. 3") ends nothing.
std::vector<std::vector<std::string>> clauses(const std::string& text) {
  static const char* const joints[] = {", idet ",      ", dog ", ", men ", ", indtil ", ", således ",
                                       ", hvorefter ", ", når ", ", da ",  ", fordi "};
  std::vector<std::vector<std::string>> out;
  size_t from = 0;
  auto cut = [&](size_t to) {
    std::vector<std::string> w = words_of(text.substr(from, to - from));
    if (!w.empty()) out.push_back(std::move(w));
  };
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == ',') {
      for (const char* j : joints)
        if (text.compare(i, std::char_traits<char>::length(j), j) == 0) {
          cut(i);
          from = i + 1;
          break;
        }
      continue;
    }
    if (std::string_view(".!?;:\n").find(c) == std::string_view::npos) continue;
    if (c == '.' && i + 2 < text.size() && text[i + 1] == ' ' &&
        (std::isdigit(static_cast<unsigned char>(text[i + 2])) ||
         std::islower(static_cast<unsigned char>(text[i + 2]))))
      continue;
    cut(i);
    from = i + 1;
  }
  cut(text.size());
  return out;
}

}  // namespace

const OutcomeRules& OutcomeRules::standard() {
  static const OutcomeRules rules(kOutcomesText);
  return rules;
}

OutcomeRules::OutcomeRules(const std::string& tsv) {
  int line_no = 0;
  for (std::string_view line : split_lines(tsv)) {
    ++line_no;
    if (trim(line).empty() || trim(line)[0] == '#') continue;
    const size_t tab = line.find('\t');
    if (tab == std::string_view::npos)
      throw std::runtime_error("data/outcomes.tsv:" + std::to_string(line_no) + ": want outcome<TAB>pattern");
    Rule r{std::string(trim(line.substr(0, tab))), {}, false};
    if (!r.outcome.empty() && r.outcome[0] == '~') {
      r.weak = true;
      r.outcome.erase(0, 1);
    }
    for (std::string_view w : split_words(line.substr(tab + 1))) r.words.push_back(to_lower_latin(w));
    if (r.outcome.empty() || r.words.empty())
      throw std::runtime_error("data/outcomes.tsv:" + std::to_string(line_no) + ": want outcome<TAB>pattern");
    if (r.outcome == "delt") {
      split_rules_.push_back(std::move(r));
      continue;
    }
    if (std::find(outcomes_.begin(), outcomes_.end(), r.outcome) == outcomes_.end()) outcomes_.push_back(r.outcome);
    rules_.push_back(std::move(r));
  }
  outcomes_.push_back("ukendt");
}

DecisionOutcome OutcomeRules::classify(const std::string& decision_text) const {
  DecisionOutcome d;
  const auto all = clauses(decision_text);
  if (all.empty()) return d;
  d.split = "enig";
  std::vector<const std::vector<std::string>*> deciding;
  for (const auto& c : all) {
    for (const Rule& r : split_rules_)
      if (matches(r.words, c)) d.split = "delt";
    // What a minority said or voted is not what the body did.
    const bool minority =
        std::any_of(c.begin(), c.end(), [](const std::string& w) { return starts_with(w, "mindretal"); });
    if (!minority) deciding.push_back(&c);
  }
  for (const bool weak : {false, true})
    for (const auto* c : deciding)
      for (const Rule& r : rules_)
        if (r.weak == weak && matches(r.words, *c)) {
          d.outcome = r.outcome;
          return d;
        }
  d.outcome = "ukendt";
  return d;
}

std::string outcome_from_text(const std::string& text) {
  const std::string want = to_lower_latin(trim(text));
  if (want.empty()) return {};
  const std::vector<std::string>& all = OutcomeRules::standard().outcomes();
  for (const std::string& o : all)
    if (o == want) return o;
  for (const std::string& o : all)
    for (std::string_view w : split_words(o))
      if (w == want && w != "til") return o;
  // A word of the rules themselves ("vedtaget", "afvist", "udskudt"): the
  // outcome a decision saying just that would get.
  const DecisionOutcome o = OutcomeRules::standard().classify(want);
  return o.outcome == "ukendt" ? std::string() : o.outcome;
}

}  // namespace sagsoeg
