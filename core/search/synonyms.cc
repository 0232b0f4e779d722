#include "search/synonyms.h"

#include "text/embedded_data.h"
#include "util/utf8.h"

namespace sagsoeg {

namespace {

std::vector<std::string> words_of(std::string_view s) {
  std::vector<std::string> words;
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && s[i] == ' ') ++i;
    size_t end = s.find(' ', i);
    if (end == std::string_view::npos) end = s.size();
    if (end > i) words.emplace_back(s.substr(i, end - i));
    i = end;
  }
  return words;
}

// The user's own words stay separate stemmed words; the other forms must
// appear as written, so several words become a phrase. Inside a text field
// (titel:kol) every form keeps the field.
std::string form_text(const std::vector<std::string>& form, bool as_phrase, const std::string& field) {
  std::string t;
  for (const auto& w : form) t += (t.empty() ? "" : " ") + (field.empty() || as_phrase ? w : field + w);
  if (as_phrase && form.size() > 1) return field + "\"" + t + "\"";
  return as_phrase ? field + t : t;
}

// "titel:", "beslutning:", ... (the free-text fields), or "" for none.
std::string text_field_of(const std::string& token) {
  static const char* const fields[] = {"titel:",  "title:",   "beslutning:",  "decision:",      "resume:",
                                       "resumé:", "summary:", "indstilling:", "recommendation:"};
  for (const char* f : fields)
    if (token.compare(0, std::char_traits<char>::length(f), f) == 0) return f;
  return {};
}

// The word without surrounding punctuation, for matching.
std::string bare(const std::string& token) {
  size_t b = 0, e = token.size();
  while (b < e && (token[b] == '(' || token[b] == '+' || token[b] == '-')) ++b;
  while (e > b && (token[e - 1] == ')' || token[e - 1] == ',' || token[e - 1] == '.' || token[e - 1] == '?')) --e;
  return token.substr(b, e - b);
}

}  // namespace

const SynonymTable& SynonymTable::standard() {
  static const SynonymTable table(kSynonymsText);
  return table;
}

SynonymTable::SynonymTable(const std::string& tsv) {
  for (std::string_view line : split_lines(tsv)) {
    if (trim(line).empty() || trim(line)[0] == '#') continue;
    std::vector<std::vector<std::string>> group;
    size_t start = 0;
    for (;;) {
      const size_t tab = line.find('\t', start);
      const auto form =
          words_of(to_lower_latin(trim(line.substr(start, tab == std::string_view::npos ? tab : tab - start))));
      if (!form.empty()) group.push_back(form);
      if (tab == std::string_view::npos) break;
      start = tab + 1;
    }
    if (group.size() > 1) groups_.push_back(std::move(group));
  }
}

std::string SynonymTable::expand(const std::string& query) const {
  const std::vector<std::string> tokens = words_of(query);
  std::string out;
  bool in_quotes = false;
  for (size_t i = 0; i < tokens.size();) {
    const std::string& tok = tokens[i];
    const std::string field = in_quotes ? std::string() : text_field_of(tok);
    const std::string word = tok.substr(field.size());
    const bool plain = !in_quotes && word.find(':') == std::string::npos && word.find('"') == std::string::npos &&
                       tok != "AND" && tok != "OR" && tok != "NOT";
    size_t matched = 0;
    const std::vector<std::vector<std::string>>* group = nullptr;
    size_t matched_form = 0;
    if (plain) {
      for (const auto& g : groups_)
        for (size_t f = 0; f < g.size(); ++f) {
          const auto& form = g[f];
          if (form.size() <= matched || i + form.size() > tokens.size()) continue;
          // In a field only one-word forms are matched (titel:kol), as the
          // field applies to its one word.
          if (!field.empty() && form.size() > 1) continue;
          bool ok = true;
          for (size_t k = 0; k < form.size() && ok; ++k) ok = bare(k == 0 ? word : tokens[i + k]) == form[k];
          if (ok) matched = form.size(), group = &g, matched_form = f;
        }
    }
    if (!out.empty()) out += ' ';
    if (group) {
      // Keep the user's own prefix/suffix punctuation (+, -, parentheses).
      const std::string first = matched == 1 ? word : tokens[i];
      const std::string& last = matched == 1 ? word : tokens[i + matched - 1];
      const size_t lead = first.find(bare(first));
      const std::string prefix = first.substr(0, lead);
      const std::string suffix = last.substr(last.find(bare(last)) + bare(last).size());
      std::string alt = "(" + form_text((*group)[matched_form], false, field);
      for (size_t f = 0; f < group->size(); ++f)
        if (f != matched_form) alt += " OR " + form_text((*group)[f], true, field);
      out += prefix + alt + ")" + suffix;
      i += matched;
      continue;
    }
    for (char c : tok)
      if (c == '"') in_quotes = !in_quotes;
    out += tok;
    ++i;
  }
  return out;
}

}  // namespace sagsoeg
