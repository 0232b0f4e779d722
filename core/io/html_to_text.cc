#include "io/html_to_text.h"

#include <cctype>
#include <cstdlib>
#include <unordered_map>

#include "util/utf8.h"

namespace sagsoeg {

namespace {

std::string lower_ascii(std::string_view s) {
  std::string r(s);
  for (char& c : r) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return r;
}

bool is_block_tag(const std::string& t) {
  static const char* const blocks[] = {
      "p",      "div",    "br", "li", "ul",     "ol",         "tr",   "table", "section", "article",
      "header", "footer", "dt", "dd", "dl",     "blockquote", "pre",  "hr",    "main",    "nav",
      "aside",  "title",  "td", "th", "figure", "figcaption", "form", "body",  "html"};
  for (const char* b : blocks)
    if (t == b) return true;
  return false;
}

// Decodes the entity starting at text[i] == '&'; appends to out and returns
// the number of bytes consumed (1 if it was not an entity).
size_t decode_entity(std::string_view text, size_t i, std::string& out) {
  static const std::unordered_map<std::string, uint32_t> named = {
      {"amp", '&'},      {"lt", '<'},       {"gt", '>'},       {"quot", '"'},     {"apos", '\''},     {"nbsp", 0xA0},
      {"aelig", 0xE6},   {"AElig", 0xC6},   {"oslash", 0xF8},  {"Oslash", 0xD8},  {"aring", 0xE5},    {"Aring", 0xC5},
      {"eacute", 0xE9},  {"Eacute", 0xC9},  {"uuml", 0xFC},    {"Uuml", 0xDC},    {"ouml", 0xF6},     {"Ouml", 0xD6},
      {"auml", 0xE4},    {"Auml", 0xC4},    {"ndash", 0x2013}, {"mdash", 0x2014}, {"hellip", 0x2026}, {"rsquo", 0x2019},
      {"lsquo", 0x2018}, {"rdquo", 0x201D}, {"ldquo", 0x201C}, {"bull", 0x2022},  {"shy", 0xAD},      {"copy", 0xA9},
      {"sect", 0xA7},    {"deg", 0xB0},     {"frac12", 0xBD},  {"euro", 0x20AC}};
  size_t semi = text.find(';', i + 1);
  if (semi == std::string_view::npos || semi - i > 12) {
    out += '&';
    return 1;
  }
  std::string name(text.substr(i + 1, semi - i - 1));
  uint32_t cp = 0;
  if (!name.empty() && name[0] == '#') {
    const bool hex = name.size() > 1 && (name[1] == 'x' || name[1] == 'X');
    char* end = nullptr;
    const std::string digits = name.substr(hex ? 2 : 1);
    cp = static_cast<uint32_t>(std::strtoul(digits.c_str(), &end, hex ? 16 : 10));
    if (digits.empty() || *end != '\0' || cp == 0 || cp > 0x10FFFF) {
      out += '&';
      return 1;
    }
  } else {
    auto it = named.find(name);
    if (it == named.end()) {
      out += '&';
      return 1;
    }
    cp = it->second;
  }
  if (cp == 0xAD) return semi - i + 1;  // soft hyphen: drop
  if (cp == 0xA0) cp = ' ';
  append_utf8(out, cp);
  return semi - i + 1;
}

}  // namespace

bool looks_like_html(std::string_view text) {
  const std::string head = lower_ascii(text.substr(0, 2048));
  return head.find("<!doctype html") != std::string::npos || head.find("<html") != std::string::npos ||
         head.find("<body") != std::string::npos;
}

std::string html_to_text(std::string_view html) {
  std::string out;
  out.reserve(html.size() / 2);
  size_t i = 0;
  const size_t n = html.size();
  auto newline = [&out](int count = 1) {
    while (!out.empty() && (out.back() == ' ')) out.pop_back();
    int have = 0;
    for (size_t k = out.size(); k > 0 && out[k - 1] == '\n'; --k) ++have;
    for (; have < count && !out.empty(); ++have) out += '\n';
  };
  while (i < n) {
    const char c = html[i];
    if (c == '<') {
      if (html.compare(i, 4, "<!--") == 0) {
        size_t end = html.find("-->", i + 4);
        i = end == std::string_view::npos ? n : end + 3;
        continue;
      }
      size_t end = html.find('>', i);
      if (end == std::string_view::npos) break;
      std::string_view tag = html.substr(i + 1, end - i - 1);
      const bool closing = !tag.empty() && tag[0] == '/';
      if (closing) tag.remove_prefix(1);
      size_t name_len = 0;
      while (name_len < tag.size() && std::isalnum(static_cast<unsigned char>(tag[name_len]))) ++name_len;
      const std::string name = lower_ascii(tag.substr(0, name_len));
      i = end + 1;
      if (!closing && (name == "script" || name == "style" || name == "noscript")) {
        const std::string close = "</" + name;
        size_t pos = i;
        for (;;) {
          pos = html.find("</", pos);
          if (pos == std::string_view::npos) break;
          if (lower_ascii(html.substr(pos, close.size())) == close) break;
          pos += 2;
        }
        if (pos == std::string_view::npos) {
          i = n;
        } else {
          size_t gt = html.find('>', pos);
          i = gt == std::string_view::npos ? n : gt + 1;
        }
        continue;
      }
      if (name.size() == 2 && name[0] == 'h' && name[1] >= '1' && name[1] <= '6') {
        newline(2);
        if (!closing) out.append(static_cast<size_t>(name[1] - '0'), '#') += ' ';
      } else if (name == "p" || name == "table" || name == "ul" || name == "ol" || name == "section") {
        newline(2);
      } else if (name == "li" && !closing) {
        newline();
        out += "- ";
      } else if (name == "td" || name == "th") {
        out += ' ';
      } else if (is_block_tag(name)) {
        newline();
      }
      continue;
    }
    if (c == '&') {
      i += decode_entity(html, i, out);
      continue;
    }
    if (c == '\n' || c == '\r' || c == '\t' || c == ' ') {
      if (!out.empty() && out.back() != ' ' && out.back() != '\n') out += ' ';
      ++i;
      continue;
    }
    out += c;
    ++i;
  }
  // Trim trailing spaces on each line.
  std::string cleaned;
  cleaned.reserve(out.size());
  for (std::string_view line : split_lines(out)) {
    cleaned.append(trim(line));
    cleaned += '\n';
  }
  return cleaned;
}

}  // namespace sagsoeg
