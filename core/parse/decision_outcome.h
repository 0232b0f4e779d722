// What a body did with an item, from the text of its decision: godkendt,
// anbefalet, taget til efterretning, oversendt, udsat, forkastet, drøftet
// (or ukendt), and whether the decision was split (delt) or not (enig).
// The rules are data (data/outcomes.tsv), read once.
#pragma once

#include <string>
#include <vector>

namespace sagsoeg {

struct DecisionOutcome {
  std::string outcome;  ///< "" when there is no decision text
  std::string split;    ///< "enig" | "delt" | "" (no decision)
};

class OutcomeRules {
 public:
  /// The rules embedded from data/outcomes.tsv.
  static const OutcomeRules& standard();
  /// Parses "outcome<TAB>pattern" lines; throws std::runtime_error naming
  /// the line of a malformed one.
  explicit OutcomeRules(const std::string& tsv);

  DecisionOutcome classify(const std::string& decision_text) const;
  /// Every outcome the rules can give, in the file's order, and "ukendt".
  const std::vector<std::string>& outcomes() const { return outcomes_; }

 private:
  struct Rule {
    std::string outcome;
    std::vector<std::string> words;  ///< "..." for a gap, "x*" for a prefix
    bool weak = false;               ///< counts only when nothing else matches
  };
  std::vector<Rule> rules_;
  std::vector<Rule> split_rules_;
  std::vector<std::string> outcomes_;
};

/// The outcome named by user text: a whole outcome ("taget til efterretning")
/// or one of its words ("efterretning"); "" if none.
std::string outcome_from_text(const std::string& text);

}  // namespace sagsoeg
