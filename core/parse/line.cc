#include "parse/line.h"

#include <algorithm>
#include <cctype>

#include "util/utf8.h"

namespace sagsoeg {

namespace {

// Removes simple HTML tags such as <b>, </b>, <i>, <br/> left by exporters.
std::string strip_inline_tags(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '<') {
      size_t j = i + 1;
      if (j < s.size() && s[j] == '/') ++j;
      size_t k = j;
      while (k < s.size() && std::isalpha(static_cast<unsigned char>(s[k]))) ++k;
      if (k > j && k - j <= 6) {
        while (k < s.size() && s[k] != '>' && s[k] != '<' && k - i < 40) ++k;
        if (k < s.size() && s[k] == '>') {
          out += ' ';
          i = k;
          continue;
        }
      }
    }
    out += s[i];
  }
  return out;
}

// "[text](url)" -> "text"; "\(" -> "(".
std::string strip_markdown_syntax(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (c == '\\' && i + 1 < s.size() && std::ispunct(static_cast<unsigned char>(s[i + 1]))) {
      out += s[++i];
    } else if (c == ']' && i + 1 < s.size() && s[i + 1] == '(') {
      size_t close = s.find(')', i + 2);
      if (close == std::string_view::npos) {
        out += c;
      } else {
        i = close;
      }
    } else if (c == '[') {
      // drop the opening bracket of a link; a lone '[' is rare in these texts
      if (s.find("](", i) == std::string_view::npos) out += c;
    } else if (c == '*' || c == '_') {
      // emphasis markers: drop runs of '*'/'_' that touch a word edge, keep a
      // leading "* " list marker (handled by the caller)
      const bool prev_space = i == 0 || s[i - 1] == ' ';
      const bool next_space = i + 1 >= s.size() || s[i + 1] == ' ';
      if (c == '_' && !prev_space && !next_space) {
        out += c;
      } else if (!(prev_space && next_space)) {
        // drop
      } else {
        out += c;
      }
    } else {
      out += c;
    }
  }
  return out;
}

}  // namespace

Line make_line(std::string_view raw) {
  Line line;
  line.raw = raw;
  size_t indent = 0;
  while (indent < raw.size() && (raw[indent] == ' ' || raw[indent] == '\t')) ++indent;
  line.indent = static_cast<int>(indent);
  std::string_view t = trim(raw);
  int level = 0;
  while (level < static_cast<int>(t.size()) && t[level] == '#') ++level;
  if (level > 0 && level <= 6 && (static_cast<size_t>(level) == t.size() || t[level] == ' ')) {
    line.heading_level = level;
    t.remove_prefix(level);
  }
  std::string s = strip_inline_tags(t);
  s = strip_markdown_syntax(s);
  line.clean = collapse_spaces(s);
  // Exporters also leave a trailing two-space Markdown line break and
  // superscript footnote marks ("2022¹").
  while (!line.clean.empty() && (ends_with(line.clean, "\xC2\xB9") || ends_with(line.clean, "\xC2\xB2")))
    line.clean.resize(line.clean.size() - 2);
  return line;
}

std::vector<Line> make_lines(std::string_view text) {
  std::vector<Line> lines;
  for (std::string_view raw : split_lines(text)) lines.push_back(make_line(raw));
  return lines;
}

bool is_rule(const std::string& clean) {
  if (clean.size() < 3) return false;
  return std::all_of(clean.begin(), clean.end(), [](char c) { return c == '-' || c == '*' || c == '_' || c == ' '; });
}

bool is_email(std::string_view s) {
  s = trim(s);
  const size_t at = s.find('@');
  if (at == std::string_view::npos || at == 0 || s.find(' ') != std::string_view::npos) return false;
  return s.find('.', at) != std::string_view::npos;
}

std::vector<std::string> heading_words(std::string_view s) {
  static const char* const ignore[] = {"og", "for", "til", "med", "den", "det", "der", "som", "vedr", "samt"};
  std::vector<std::string> words;
  const std::string lower = to_lower_latin(s);
  size_t pos = 0;
  std::string current;
  auto flush = [&]() {
    size_t letters = 0;
    for (size_t i = 0; i < current.size(); ++i)
      if ((static_cast<unsigned char>(current[i]) & 0xC0) != 0x80) ++letters;
    bool skip = letters < 3;
    for (const char* w : ignore) skip = skip || current == w;
    if (!skip) words.push_back(current);
    current.clear();
  };
  while (pos < lower.size()) {
    const size_t start = pos;
    const uint32_t cp = next_code_point(lower, pos);
    if (is_letter(cp) || (cp >= '0' && cp <= '9')) {
      current.append(lower, start, pos - start);
    } else if (!current.empty()) {
      flush();
    }
  }
  if (!current.empty()) flush();
  std::sort(words.begin(), words.end());
  words.erase(std::unique(words.begin(), words.end()), words.end());
  return words;
}

bool headings_match(std::string_view a, std::string_view b) {
  const auto wa = heading_words(a);
  const auto wb = heading_words(b);
  if (wa.empty() || wb.empty()) return to_lower_latin(trim(a)) == to_lower_latin(trim(b));
  std::vector<std::string> common;
  std::set_intersection(wa.begin(), wa.end(), wb.begin(), wb.end(), std::back_inserter(common));
  const size_t shorter = std::min(wa.size(), wb.size());
  return common.size() * 10 >= shorter * 6;  // 60 % of the shorter heading
}

namespace {

bool is_list_start(const std::string& s) {
  if (starts_with(s, "- ") || starts_with(s, "* ") || starts_with(s, "\xE2\x80\xA2")) return true;
  size_t i = 0;
  while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i]))) ++i;
  return i > 0 && i <= 3 && i + 1 < s.size() && (s[i] == '.' || s[i] == ')') && s[i + 1] == ' ';
}

}  // namespace

std::string join_paragraphs(const std::vector<Line>& lines, size_t begin, size_t end) {
  std::string out;
  bool in_paragraph = false;
  bool pending_break = false;
  for (size_t i = begin; i < end && i < lines.size(); ++i) {
    const Line& l = lines[i];
    if (l.blank() || is_rule(l.clean)) {
      if (in_paragraph) pending_break = true;
      in_paragraph = false;
      continue;
    }
    if (pending_break) {
      out += "\n\n";
      pending_break = false;
    } else if (in_paragraph) {
      out += (is_list_start(l.clean) || l.heading_level > 0) ? "\n" : " ";
    }
    out += l.clean;
    in_paragraph = l.heading_level == 0;
    if (l.heading_level > 0) pending_break = true;
  }
  return out;
}

}  // namespace sagsoeg
