#include "format/esdh/esdh_fields.h"

#include <algorithm>
#include <cctype>

#include "format/html_blocks.h"
#include "parse/danish_date.h"
#include "util/utf8.h"

namespace sagsoeg::esdh {

namespace {

// "2.3" -> {2, 3}; "4a" -> {4}; letters and the rest ignored.
std::vector<int> number_parts(std::string_view printed) {
  std::vector<int> parts;
  size_t i = 0;
  while (i < printed.size()) {
    if (!std::isdigit(static_cast<unsigned char>(printed[i]))) {
      if (!parts.empty() && printed[i] != '.') break;
      ++i;
      continue;
    }
    int n = 0;
    while (i < printed.size() && std::isdigit(static_cast<unsigned char>(printed[i])) && n < 100000000)
      n = n * 10 + (printed[i++] - '0');
    parts.push_back(n);
  }
  return parts;
}

}  // namespace

std::string iso_date(std::string_view stated) {
  return parse_date_prefix(stated);
}

int leading_number(std::string_view printed) {
  const std::vector<int> parts = number_parts(printed);
  return parts.empty() ? 0 : parts[0];
}

void sort_by_number(std::vector<StatedItem>& items) {
  std::stable_sort(items.begin(), items.end(), [](const StatedItem& a, const StatedItem& b) {
    return number_parts(a.number) < number_parts(b.number);
  });
}

void add_captioned(std::vector<Block>& body, std::string_view caption, std::string_view content) {
  Block h;  // the source states the caption: a section starts here even if it is empty
  h.kind = BlockKind::heading;
  h.level = 3;
  h.caption = true;
  h.text = collapse_spaces(caption);
  body.push_back(std::move(h));
  add_content(body, content);
}

void add_content(std::vector<Block>& body, std::string_view content) {
  for (Block& b : field_to_blocks(content)) body.push_back(std::move(b));
  body.push_back(Block{});  // a field ends its paragraph
}

const xmlNode* first_child_of(const xmlNode* node, std::initializer_list<std::string_view> names) {
  for (std::string_view n : names)
    if (const xmlNode* c = child(node, n)) return c;
  return nullptr;
}

std::string first_child_text(const xmlNode* node, std::initializer_list<std::string_view> names) {
  return text_of(first_child_of(node, names));
}

}  // namespace sagsoeg::esdh
