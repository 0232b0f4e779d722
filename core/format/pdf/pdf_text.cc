#include "format/pdf/pdf_text.h"

#include <poppler/cpp/poppler-document.h>
#include <poppler/cpp/poppler-global.h>
#include <poppler/cpp/poppler-page.h>

#include <cctype>
#include <memory>
#include <mutex>

#include "io/input_error.h"

namespace sagsoeg::pdf {

namespace {

bool is_bold_font(const std::string& font) {
  std::string f = font;
  for (char& c : f) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return f.find("bold") != std::string::npos || f.find("black") != std::string::npos ||
         f.find("heavy") != std::string::npos || f.find("semibold") != std::string::npos;
}

std::string utf8_of(const poppler::ustring& s) {
  const poppler::byte_array bytes = s.to_utf8();
  return std::string(bytes.begin(), bytes.end());
}

void add_page_lines(const poppler::page& page, int page_no, std::vector<Line>& out) {
  const poppler::rectf rect = page.page_rect();
  std::vector<Word> words;
  for (const poppler::text_box& box : page.text_list(poppler::page::text_list_include_font)) {
    const poppler::rectf b = box.bbox();
    Word w;
    w.text = utf8_of(box.text());
    if (w.text.empty()) continue;
    w.x = b.x(), w.top = b.y(), w.bottom = b.y() + b.height(), w.width = b.width();
    w.font_size = box.get_font_size();
    w.bold = is_bold_font(box.get_font_name());
    w.space_after = box.has_space_after();
    w.rotated = box.rotation() != 0;
    words.push_back(std::move(w));
  }
  for (Line& l : page_lines(std::move(words), page_no, rect.height() > 0 ? rect.height() : 842))
    out.push_back(std::move(l));
}

std::mutex& poppler_mutex() {
  // poppler keeps global state (fonts, the error hook); in one process, one
  // PDF at a time is the safe use of it from several indexer threads.
  static std::mutex mu;
  return mu;
}

}  // namespace

PdfText extract_text(std::string_view bytes) {
  PdfText text;
  std::lock_guard<std::mutex> lock(poppler_mutex());
  poppler::set_debug_error_function([](const std::string&, void*) {}, nullptr);
  std::unique_ptr<poppler::document> doc(
      poppler::document::load_from_raw_data(bytes.data(), static_cast<int>(bytes.size())));
  if (!doc) throw InputError("damaged PDF: poppler cannot open it");
  if (doc->is_locked()) throw InputError("encrypted PDF: it needs a password to be read");
  text.pages = doc->pages();
  for (int p = 0; p < text.pages; ++p) {
    std::unique_ptr<poppler::page> page(doc->create_page(p));
    if (page) add_page_lines(*page, p + 1, text.lines);
  }
  return text;
}

}  // namespace sagsoeg::pdf
