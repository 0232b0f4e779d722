// Plain text and Markdown (exports of PDF minutes, pages saved as text): the
// decoded text as it is; the parser reads its lines and Markdown headings.
#include "format/reader.h"
#include "format/text_decoding.h"
#include "util/utf8.h"

namespace sagsoeg {

namespace {

bool is_markdown_name(std::string_view n) {
  return ends_with(n, ".md") || ends_with(n, ".markdown");
}

bool sniff_text(std::string_view bytes, std::string_view n) {
  const bool text_name = ends_with(n, ".txt") || ends_with(n, ".text") || is_markdown_name(n);
  return text_name && !looks_binary(bytes);
}

SourceDocument read_text(std::string_view bytes, const ReadContext& context) {
  SourceDocument doc;
  doc.text = normalise_line_ends(to_utf8(bytes));
  const std::string lower = to_lower_latin(context.name);
  doc.format = is_markdown_name(ends_with(lower, ".gz") ? std::string_view(lower).substr(0, lower.size() - 3)
                                                        : std::string_view(lower))
                   ? "markdown"
                   : "text";
  return doc;
}

}  // namespace

extern const Reader kTextReader;
const Reader kTextReader = {"text", sniff_text, read_text};

}  // namespace sagsoeg
