#include "format/html_blocks.h"

#include <cstring>

#include "format/html_access.h"
#include "format/xml_tree.h"
#include "util/utf8.h"

namespace sagsoeg {

namespace {

constexpr int kMaxDepth = 200;  // deeper nesting is read as plain text

bool name_in(std::string_view n, std::initializer_list<const char*> names) {
  for (const char* x : names)
    if (n == x) return true;
  return false;
}

bool is_skipped(const xmlNode* n) {
  const std::string_view name = local_name(n);
  // Not <button> or <form>: publishers put item titles inside buttons
  // (FirstAgenda's expanding rows) and whole pages inside forms (ASP.NET).
  if (name_in(name, {"script", "style", "noscript", "template", "head", "nav", "select", "svg"})) return true;
  // Text a reader of the page does not see is not indexed either.
  if (xmlHasProp(n, reinterpret_cast<const xmlChar*>("hidden"))) return true;
  const std::string style = to_lower_latin(attribute(n, "style"));
  return style.find("display:none") != std::string::npos || style.find("display: none") != std::string::npos;
}

// The text a reader sees below `n`, without recursion (the nesting may be
// as deep as an attacker likes): scripts, styles and hidden elements left out.
std::string visible_text(const xmlNode* n) {
  std::string out;
  std::vector<const xmlNode*> stack;
  for (const xmlNode* c = n->last; c; c = c->prev) stack.push_back(c);
  while (!stack.empty()) {
    const xmlNode* c = stack.back();
    stack.pop_back();
    if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
      if (c->content) out.append(reinterpret_cast<const char*>(c->content)).push_back(' ');
      continue;
    }
    if (c->type != XML_ELEMENT_NODE || is_skipped(c)) continue;
    for (const xmlNode* g = c->last; g; g = g->prev) stack.push_back(g);
  }
  return out;
}

bool is_block_element(std::string_view n) {
  return name_in(n, {"p",  "div",  "section", "article", "main",       "header",  "footer", "aside", "ul",    "ol",
                     "li", "dl",   "dt",      "dd",      "blockquote", "pre",     "table",  "tbody", "thead", "tfoot",
                     "tr", "td",   "th",      "caption", "h1",         "h2",      "h3",     "h4",    "h5",    "h6",
                     "hr", "body", "html",    "figure",  "figcaption", "address", "center"});
}

int heading_level(std::string_view n) {
  return n.size() == 2 && n[0] == 'h' && n[1] >= '1' && n[1] <= '6' ? n[1] - '0' : 0;
}

class BlockBuilder {
 public:
  explicit BlockBuilder(std::vector<Block>& out, HtmlBlockOptions options = {}) : out_(out), options_(options) {}

  void walk(const xmlNode* n, int depth) {
    for (const xmlNode* c = n->children; c; c = c->next) visit(c, depth + 1);
  }

  void flush() {
    std::string text = collapse_spaces(buffer_);
    buffer_.clear();
    if (text.empty()) {
      bold_chars_ = 0;
      return;
    }
    Block b;
    b.kind = kind_;
    b.level = level_;
    b.line = line_;
    b.caption = kind_ == BlockKind::heading && options_.headings_are_captions;
    b.emphasis = bold_chars_ * 10 >= text.size() * 9;  // (nearly) all of it in bold
    if (links_ == 1 && link_chars_ * 2 >= text.size()) b.href = href_;
    b.text = std::move(text);
    out_.push_back(std::move(b));
    bold_chars_ = link_chars_ = 0;
    links_ = 0;
    href_.clear();
  }

 private:
  void visit(const xmlNode* n, int depth) {
    if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
      add_text(reinterpret_cast<const char*>(n->content));
      return;
    }
    if (n->type != XML_ELEMENT_NODE) return;
    if (is_skipped(n)) return;
    // A closed sign only in the markup (class, title, alt, aria-label): a
    // marker line where a reader of the page would take it -- under the
    // element's heading, else where the element starts.
    const bool closed_sign = element_marks_closed(n);
    if (closed_sign) flush();
    const size_t start = out_.size();
    visit_element(n, depth);
    if (closed_sign) {
      flush();
      insert_closed_marker(start, static_cast<int>(xmlGetLineNo(n)));
    }
  }

  void insert_closed_marker(size_t start, int line) {
    size_t at = start;
    for (size_t i = start; i < out_.size(); ++i)
      if (out_[i].kind == BlockKind::heading || out_[i].kind == BlockKind::table_row) {
        at = i + 1;
        break;
      }
    Block marker;
    marker.text = "Lukket punkt";
    marker.line = line;
    out_.insert(out_.begin() + static_cast<long>(at), std::move(marker));
  }

  void visit_element(const xmlNode* n, int depth) {
    const std::string_view name = local_name(n);
    if (depth > kMaxDepth) {
      add_text(visible_text(n));  // deeper nesting is read as plain text, still without what a reader cannot see
      return;
    }
    if (name == "br") {
      flush();
      return;
    }
    if (name == "tr") return table_row(n, depth);
    if (!is_block_element(name)) return inline_element(n, name, depth);
    flush();
    const BlockKind saved_kind = kind_;
    const int saved_level = level_;
    const int h = heading_level(name);
    if (h) kind_ = BlockKind::heading, level_ = h;
    if (name == "li") kind_ = BlockKind::list_item, level_ = 0;
    // A paragraph, and a div or quotation standing as one, is a paragraph of its own.
    if (name_in(name, {"p", "div", "blockquote", "dd", "address"}) && kind_ == BlockKind::line)
      kind_ = BlockKind::paragraph;
    line_ = static_cast<int>(xmlGetLineNo(n));
    const size_t before = out_.size();
    walk(n, depth);
    flush();
    if (h && options_.headings_are_captions && out_.size() == before) {
      Block empty;  // "<h3></h3>": an untitled section starts here
      empty.kind = BlockKind::heading;
      empty.level = h;
      empty.caption = true;
      empty.line = line_;
      out_.push_back(std::move(empty));
    }
    kind_ = saved_kind;
    level_ = saved_level;
  }

  void inline_element(const xmlNode* n, std::string_view name, int depth) {
    const bool bold = name == "b" || name == "strong";
    const bool link = name == "a" && xmlHasProp(n, reinterpret_cast<const xmlChar*>("href"));
    const size_t before = buffer_.size();
    if (buffer_.empty()) line_ = static_cast<int>(xmlGetLineNo(n));
    walk(n, depth);
    const size_t added = buffer_.size() - before;
    if (bold) bold_chars_ += added;
    if (link) {
      ++links_;
      link_chars_ += added;
      href_ = attribute(n, "href");
    }
  }

  void table_row(const xmlNode* tr, int depth) {
    flush();
    Block row;
    row.kind = BlockKind::table_row;
    row.line = static_cast<int>(xmlGetLineNo(tr));
    for (const xmlNode* c = tr->children; c; c = c->next) {
      if (!is_element(c, "td") && !is_element(c, "th")) continue;
      std::vector<Block> cell;
      BlockBuilder inner(cell, options_);
      inner.line_ = static_cast<int>(xmlGetLineNo(c));
      inner.walk(c, depth + 1);
      inner.flush();
      std::string cell_text;
      for (const Block& b : cell) cell_text += (cell_text.empty() ? "" : " ") + b.text;
      if (!cell_text.empty()) row.text += (row.text.empty() ? "" : " ") + cell_text;
      row.cells.push_back(std::move(cell));
    }
    if (!row.text.empty()) out_.push_back(std::move(row));
  }

  void add_text(std::string_view s) {
    // Soft hyphens are invisible; no-break spaces are spaces.
    for (size_t i = 0; i < s.size(); ++i) {
      if (s.compare(i, 2, "\xC2\xAD") == 0) {
        ++i;
      } else if (s.compare(i, 2, "\xC2\xA0") == 0) {
        buffer_ += ' ';
        ++i;
      } else {
        const char c = s[i];
        buffer_ += (c == '\n' || c == '\r' || c == '\t') ? ' ' : c;
      }
    }
  }

  std::vector<Block>& out_;
  HtmlBlockOptions options_;
  std::string buffer_;
  BlockKind kind_ = BlockKind::line;
  int level_ = 0;
  int line_ = 0;
  size_t bold_chars_ = 0, link_chars_ = 0;
  int links_ = 0;
  std::string href_;
};

}  // namespace

std::vector<Block> html_to_blocks(std::string_view utf8_html) {
  const XmlTree tree = XmlTree::parse_html(utf8_html);
  return page_blocks(tree.root());
}

std::vector<Block> page_blocks(const xmlNode* root) {
  std::vector<Block> blocks;
  if (!root) return blocks;
  BlockBuilder builder(blocks);
  // The page title says what the page is ("Byrådet - Dagsorden - ...").
  if (const xmlNode* head = child(root, "head")) {
    if (const xmlNode* title = child(head, "title")) {
      Block b;
      b.kind = BlockKind::heading;
      b.level = 1;
      b.text = collapse_spaces(text_of(title));
      b.line = static_cast<int>(xmlGetLineNo(title));
      if (!b.text.empty()) blocks.push_back(std::move(b));
    }
  }
  builder.walk(root, 0);
  builder.flush();
  return blocks;
}

std::vector<Block> node_blocks(const xmlNode* node, HtmlBlockOptions options) {
  std::vector<Block> blocks;
  if (!node) return blocks;
  BlockBuilder builder(blocks, options);
  builder.walk(node, 0);
  builder.flush();
  return blocks;
}

std::vector<Block> html_fragment_blocks(std::string_view utf8_html, HtmlBlockOptions options) {
  const XmlTree tree = XmlTree::parse_html(utf8_html);
  const xmlNode* root = tree.root();
  const xmlNode* body = root ? child(root, "body") : nullptr;
  return node_blocks(body ? body : root, options);
}

bool looks_like_html(std::string_view text) {
  const std::string head = to_lower_latin(text.substr(0, 2048));
  return head.find("<!doctype html") != std::string::npos || head.find("<html") != std::string::npos ||
         head.find("<body") != std::string::npos;
}

std::vector<Block> field_to_blocks(std::string_view utf8) {
  const bool has_tags = utf8.find('<') != std::string_view::npos && utf8.find('>') != std::string_view::npos;
  if (has_tags) return html_to_blocks(utf8);
  std::vector<Block> blocks;
  for (std::string_view line : split_lines(utf8)) {
    Block b;
    b.text = collapse_spaces(line);
    blocks.push_back(std::move(b));  // blank lines too: they separate paragraphs
  }
  return blocks;
}

}  // namespace sagsoeg
