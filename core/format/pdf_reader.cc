// PDF prints of minutes and agendas: the lines of each page (pdf/pdf_text.h,
// read where it can be stopped: pdf/pdf_sandbox.h) with the font size and
// weight that mark headings; running headers and footers ("Side 1 af 4", the
// committee's name on every page) removed after their first appearance.
#include <algorithm>
#include <cctype>
#include <cmath>
#include <map>

#include "format/pdf/pdf_lines.h"
#include "format/pdf/pdf_sandbox.h"
#include "format/reader.h"
#include "io/input_error.h"
#include "parse/access_markers.h"
#include "util/utf8.h"

namespace sagsoeg {

namespace {

using PdfLine = pdf::Line;

// "Side 3 af 12", "Side 3", "3 af 12", "3/12", "- 3 -", "3".
bool is_page_number(const std::string& text) {
  std::string t = to_lower_latin(text);
  if (starts_with(t, "side ")) t.erase(0, 5);
  size_t i = 0;
  while (i < t.size() && (t[i] == '-' || t[i] == ' ')) ++i;
  const size_t digits_start = i;
  while (i < t.size() && std::isdigit(static_cast<unsigned char>(t[i]))) ++i;
  if (i == digits_start) return false;
  std::string rest = std::string(trim(std::string_view(t).substr(i)));
  while (!rest.empty() && (rest.back() == '-' || rest.back() == ' ')) rest.pop_back();
  if (rest.empty()) return true;
  if (starts_with(rest, "af ")) rest.erase(0, 3);
  if (starts_with(rest, "/")) rest.erase(0, 1);
  rest = std::string(trim(rest));
  return !rest.empty() && std::all_of(rest.begin(), rest.end(), [](char c) { return std::isdigit(c); });
}

std::string margin_key(const std::string& text) {
  std::string k;
  for (char c : text) k += std::isdigit(static_cast<unsigned char>(c)) ? '#' : c;
  return k;
}

bool sniff_pdf(std::string_view bytes, std::string_view) {
  return bytes.substr(0, 1024).find("%PDF-") != std::string_view::npos;
}

SourceDocument read_pdf(std::string_view bytes, const ReadContext& context) {
  pdf::PdfText text = pdf::extract_text_bounded(bytes, context.limits);
  const std::vector<PdfLine>& lines = text.lines;
  const int pages = text.pages;
  if (lines.empty())
    throw InputError("PDF without a text layer (" + std::to_string(pages) + " pages of images?): nothing to index");

  // Running headers and footers: margin lines that recur on half the pages.
  std::map<std::string, int> recurring;
  for (const PdfLine& l : lines)
    if (l.in_margin) ++recurring[margin_key(l.text)];
  // The first time a running header appears it is read: it is often the
  // document's title, or carries the meeting's date and committee.
  std::map<std::string, bool> seen_running;
  auto is_running = [&](const PdfLine& l) {
    if (!l.in_margin) return false;
    // A closed marker repeated on every page ("FORTROLIGT", "Lukket punkt")
    // is read wherever it stands: it closes what it stands over.
    if (is_standalone_closed_marker(l.text) || group_marker(l.text) == GroupMarker::closed) return false;
    if (is_page_number(l.text)) return true;
    if (!(pages >= 2 && recurring[margin_key(l.text)] * 2 >= pages)) return false;
    return !seen_running.emplace(margin_key(l.text), true).second || l.page > 1;
  };

  // The body's font size is the most common one (by characters).
  std::map<long, size_t> by_size;
  for (const PdfLine& l : lines) by_size[std::lround(l.font_size * 2)] += l.chars;
  double body_size = 0;
  size_t most = 0;
  for (const auto& [size, chars] : by_size)
    if (chars > most) most = chars, body_size = size / 2.0;

  SourceDocument doc;
  const PdfLine* previous = nullptr;
  for (const PdfLine& l : lines) {
    if (is_running(l)) continue;
    if (previous && (l.page != previous->page ||
                     l.top - previous->bottom > 0.9 * std::max(1.0, previous->bottom - previous->top))) {
      doc.blocks.push_back(Block{});  // a gap: the paragraph ends
    }
    Block b;
    b.text = l.text;
    b.page = l.page;
    b.line = static_cast<int>(doc.blocks.size()) + 1;
    const bool larger = body_size > 0 && l.font_size >= body_size * 1.15;
    b.emphasis = larger || (l.chars > 0 && l.bold_chars * 10 >= l.chars * 9);
    b.stamped = l.stamped;
    if (larger) {
      b.kind = BlockKind::heading;
      b.level = l.font_size >= body_size * 1.6 ? 1 : l.font_size >= body_size * 1.3 ? 2 : 3;
    }
    doc.blocks.push_back(std::move(b));
    previous = &l;
  }
  return doc;
}

}  // namespace

extern const Reader kPdfReader;
const Reader kPdfReader = {"pdf", sniff_pdf, read_pdf};

}  // namespace sagsoeg
