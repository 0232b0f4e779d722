#include "parse/access_vocabulary.h"

#include <stdexcept>

#include "parse/access_rule.h"
#include "text/embedded_data.h"
#include "util/utf8.h"

namespace sagsoeg {

bool mentions_access_word(std::string_view s) {
  static constexpr std::string_view fragments[] = {"ukke",
                                                   "UKKE",
                                                   "ortrolig",
                                                   "ORTROLIG",
                                                   "ffentlig",
                                                   "FFENTLIG",
                                                   "\xC3\xA5"
                                                   "b",
                                                   "\xC3\x85"
                                                   "b",
                                                   "\xC3\x85"
                                                   "B"};
  for (std::string_view w : fragments)
    if (s.find(w) != std::string_view::npos) return true;
  return false;
}

AccessVocabulary AccessVocabulary::parse(std::string_view text) {
  AccessVocabulary v;
  size_t line_no = 0;
  for (std::string_view line : split_lines(text)) {
    ++line_no;
    if (trim(line).empty() || trim(line)[0] == '#') continue;
    const size_t tab = line.find('\t');
    if (tab == std::string_view::npos) throw std::logic_error("access.tsv:" + std::to_string(line_no) + ": no tab");
    const std::string_view kind = trim(line.substr(0, tab));
    const std::string raw = to_lower_latin(line.substr(tab + 1));  // endings keep their leading space
    struct Kind {
      const char* name;
      std::vector<std::string>* list;
      bool text_marker;
    };
    const Kind kinds[] = {{"flag", &v.public_flags, false},
                          {"label", &v.public_labels, false},
                          {"closed-word", &v.closed_words, true},
                          {"closed-ending", &v.closed_endings, true},
                          {"closed-line", &v.closed_lines, true},
                          {"closed-line-start", &v.closed_line_starts, true},
                          {"closed-line-phrase", &v.closed_line_phrases, true},
                          {"closed-group", &v.closed_groups, true},
                          {"open-group", &v.open_groups, true},
                          {"closed-label", &v.closed_labels, false}};
    bool known = false;
    for (const Kind& k : kinds) {
      if (kind != k.name) continue;
      known = true;
      const bool keep_spaces = kind == "closed-ending";
      const std::string value = k.list == &v.public_flags || k.list == &v.public_labels || k.list == &v.closed_labels
                                    ? normalise_access_value(raw)
                                    : std::string(keep_spaces ? std::string_view(raw) : trim(raw));
      if (k.text_marker && !mentions_access_word(value))
        throw std::logic_error("access.tsv:" + std::to_string(line_no) + ": '" + value +
                               "' holds none of lukke, fortrolig, offentlig, åb");
      k.list->push_back(value);
    }
    if (!known) throw std::logic_error("access.tsv:" + std::to_string(line_no) + ": unknown kind");
  }
  return v;
}

const AccessVocabulary& AccessVocabulary::standard() {
  static const AccessVocabulary v = parse(kAccessText);
  return v;
}

}  // namespace sagsoeg
