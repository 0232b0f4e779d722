#include "parse/line.h"

#include <algorithm>
#include <cctype>

#include "parse/access_markers.h"
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

std::string clean_text_line(std::string_view raw, int* heading_level) {
  std::string_view t = trim(raw);
  int level = 0;
  while (level < static_cast<int>(t.size()) && t[level] == '#') ++level;
  if (level > 0 && level <= 6 && (static_cast<size_t>(level) == t.size() || t[level] == ' ')) {
    t.remove_prefix(level);
  } else {
    level = 0;
  }
  if (heading_level) *heading_level = level;
  std::string clean = collapse_spaces(strip_markdown_syntax(strip_inline_tags(t)));
  // Exporters also leave superscript footnote marks ("2022¹").
  while (!clean.empty() && (ends_with(clean, "\xC2\xB9") || ends_with(clean, "\xC2\xB2")))
    clean.resize(clean.size() - 2);
  return clean;
}

void Lines::add(std::string_view clean, const Line& a) {
  arena_.append(clean);
  offsets_.push_back(static_cast<uint32_t>(arena_.size()));
  attributes_.push_back(static_cast<uint8_t>(std::min<int>(a.heading_level, 7) | (a.indented ? 8 : 0) |
                                             (a.emphasis ? 16 : 0) | (a.item_row ? 32 : 0) | (a.caption ? 64 : 0) |
                                             (a.stamped ? 128 : 0)));
}

Line Lines::operator[](size_t i) const {
  Line l;
  l.text = std::string_view(arena_).substr(offsets_[i], offsets_[i + 1] - offsets_[i]);
  const uint8_t a = attributes_[i];
  l.heading_level = a & 7;
  l.indented = a & 8;
  l.emphasis = a & 16;
  l.item_row = a & 32;
  l.caption = a & 64;
  l.stamped = a & 128;
  l.source_line = source_lines_.empty() ? static_cast<uint32_t>(i + 1) : source_lines_[i];
  l.page = pages_.empty() ? 0 : pages_[i];
  return l;
}

Lines Lines::from_text(std::string_view text) {
  Lines out;
  // Cleaning never lengthens a line, so the text's size bounds the buffer.
  out.arena_.reserve(text.size() + 1);
  size_t count = 1;
  for (char c : text) count += c == '\n';
  out.offsets_.reserve(count + 1);
  out.attributes_.reserve(count);
  size_t start = 0;
  while (start <= text.size()) {
    size_t nl = text.find('\n', start);
    if (nl == std::string_view::npos) nl = text.size();
    std::string_view raw = text.substr(start, nl - start);
    start = nl + 1;
    if (!raw.empty() && raw.back() == '\r') raw.remove_suffix(1);
    Line attributes;
    size_t indent = 0;
    while (indent < raw.size() && (raw[indent] == ' ' || raw[indent] == '\t')) ++indent;
    attributes.indented = indent >= 2;
    int level = 0;
    const std::string clean = clean_text_line(raw, &level);
    attributes.heading_level = static_cast<uint8_t>(level);
    out.add(clean, attributes);
    if (nl == text.size()) break;
  }
  return out;
}

namespace {

// "3", "3.", "2.1": an item number alone (at most four digits before any
// sub-number, so a journal number is not one).
bool is_bare_number(std::string_view s) {
  s = trim(s);
  if (!s.empty() && s.back() == '.') s.remove_suffix(1);
  if (s.empty() || s.size() > 12) return false;
  size_t run = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (c >= '0' && c <= '9') {
      if (++run > 4) return false;
    } else if (c == '.' && run > 0 && i + 1 < s.size()) {
      run = 0;
    } else {
      return false;
    }
  }
  return run > 0;
}

size_t block_count(const std::vector<Block>& blocks) {
  size_t n = 0;
  for (const Block& b : blocks) {
    n += 2;
    for (const auto& cell : b.cells) n += block_count(cell);
  }
  return n;
}

// Blocks of one list, one after the other, as lines.
class BlockFlattener {
 public:
  BlockFlattener(std::vector<std::pair<std::string, Line>>& out, std::vector<std::pair<size_t, std::string>>& links)
      : out_(out), links_(links) {}

  void flatten(const std::vector<Block>& blocks) {
    for (size_t i = 0; i < blocks.size(); ++i) {
      // Number and title in elements of their own (eDoc/Fujitsu pages):
      // "1" then a heading "Godkendelse af dagsorden" is item 1.
      if (i + 1 < blocks.size() && blocks[i].kind != BlockKind::table_row && is_bare_number(blocks[i].text) &&
          (blocks[i + 1].kind == BlockKind::heading || blocks[i + 1].emphasis) && !blocks[i + 1].text.empty()) {
        std::string number(trim(blocks[i].text));
        if (number.back() != '.') number += '.';
        const Block& head = blocks[i + 1];
        emit(number + " " + head.text, head, static_cast<uint8_t>(std::max(1, head.level)), true);
        blank(head);
        ++i;
        continue;
      }
      block(blocks[i]);
    }
  }

 private:
  void emit(std::string text, const Block& b, uint8_t level, bool item_row = false) {
    Line a;
    a.caption = b.caption;
    a.stamped = b.stamped;
    a.source_line = static_cast<uint32_t>(std::max(0, b.line));
    a.page = static_cast<uint16_t>(std::min(65535, std::max(0, b.page)));
    a.heading_level = level;
    a.emphasis = b.emphasis || level > 0;
    a.item_row = item_row;
    if (!b.href.empty() && !text.empty()) links_.emplace_back(out_.size(), b.href);
    out_.emplace_back(std::move(text), a);
  }
  void blank(const Block& b) {
    Block plain = b;
    plain.caption = false;
    emit({}, plain, 0);
  }

  void block(const Block& b) {
    if (b.kind == BlockKind::table_row) return row(b);
    if (b.caption) {  // a stated caption is a line even when empty: an untitled section
      emit(b.text, b, static_cast<uint8_t>(std::max(1, b.level)));
      return blank(b);
    }
    if (b.text.empty()) return blank(b);
    std::string text = b.text;
    if (b.kind == BlockKind::list_item && !(text[0] >= '0' && text[0] <= '9')) text = "- " + text;
    emit(std::move(text), b, static_cast<uint8_t>(b.kind == BlockKind::heading ? std::max(1, b.level) : 0));
    // HTML blocks are paragraphs of their own; PDF lines (which have a page)
    // wrap into paragraphs, and the reader marks the gaps between them.
    if (b.page == 0 && (b.kind == BlockKind::paragraph || b.kind == BlockKind::heading)) blank(b);
  }

  // "1. | <h3>Title</h3> ..." is an agenda item; other rows are read cell by cell.
  void row(const Block& b) {
    const auto& cells = b.cells;
    size_t first = 0;
    while (first < cells.size() && cells[first].empty()) ++first;
    if (first + 1 < cells.size() && cells[first].size() == 1 && is_bare_number(cells[first][0].text) &&
        !cells[first + 1].empty()) {
      const Block& head = cells[first + 1][0];
      if (head.kind == BlockKind::heading || head.emphasis) {
        std::string number(trim(cells[first][0].text));
        if (number.back() != '.') number += '.';
        emit(number + " " + head.text, b, static_cast<uint8_t>(std::max(1, head.level)), true);
        blank(b);
        flatten(std::vector<Block>(cells[first + 1].begin() + 1, cells[first + 1].end()));
        for (size_t c = first + 2; c < cells.size(); ++c) flatten(cells[c]);
        blank(b);
        return;
      }
    }
    bool simple = true;
    for (const auto& cell : cells) simple = simple && cell.size() <= 1;
    if (simple) {
      emit(b.text, b, 0);  // "Udvalg: | Byrådet" reads as one line
      // An access label in a cell of its own ("Sagsnr.: ... | Lukket") is
      // also a line of its own, where the parser sees it.
      for (const auto& cell : cells)
        if (!cell.empty() && is_standalone_closed_marker(cell[0].text)) emit(cell[0].text, cell[0], 0);
      blank(b);
      return;
    }
    for (const auto& cell : cells) flatten(cell);
    blank(b);
  }

  std::vector<std::pair<std::string, Line>>& out_;
  std::vector<std::pair<size_t, std::string>>& links_;
};

}  // namespace

Lines Lines::from_blocks(const std::vector<Block>& blocks) {
  std::vector<std::pair<std::string, Line>> flat;
  flat.reserve(block_count(blocks));
  Lines out;
  BlockFlattener(flat, out.links_).flatten(blocks);
  size_t bytes = 1;
  for (const auto& f : flat) bytes += f.first.size();
  out.arena_.reserve(bytes);
  out.offsets_.reserve(flat.size() + 1);
  out.attributes_.reserve(flat.size());
  out.source_lines_.reserve(flat.size());
  out.pages_.reserve(flat.size());
  for (auto& [text, attributes] : flat) {
    out.add(text, attributes);
    out.source_lines_.push_back(attributes.source_line);
    out.pages_.push_back(attributes.page);
  }
  return out;
}

std::string_view Lines::href(size_t i) const {
  const auto it = std::lower_bound(links_.begin(), links_.end(), i,
                                   [](const std::pair<size_t, std::string>& l, size_t line) { return l.first < line; });
  return it != links_.end() && it->first == i ? std::string_view(it->second) : std::string_view();
}

bool is_rule(std::string_view clean) {
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

bool is_list_start(std::string_view s) {
  if (starts_with(s, "- ") || starts_with(s, "* ") || starts_with(s, "\xE2\x80\xA2")) return true;
  size_t i = 0;
  while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i]))) ++i;
  return i > 0 && i <= 3 && i + 1 < s.size() && (s[i] == '.' || s[i] == ')') && s[i + 1] == ' ';
}

}  // namespace

std::string join_paragraphs(const Lines& lines, size_t begin, size_t end) {
  std::string out;
  bool in_paragraph = false;
  bool pending_break = false;
  for (size_t i = begin; i < end && i < lines.size(); ++i) {
    const Line l = lines[i];
    if (l.blank() || is_rule(l.clean())) {
      if (in_paragraph) pending_break = true;
      in_paragraph = false;
      continue;
    }
    if (pending_break) {
      out += "\n\n";
      pending_break = false;
    } else if (in_paragraph) {
      out += (is_list_start(l.clean()) || l.heading_level > 0) ? "\n" : " ";
    }
    out += l.clean();
    in_paragraph = l.heading_level == 0;
    if (l.heading_level > 0) pending_break = true;
  }
  return out;
}

}  // namespace sagsoeg
