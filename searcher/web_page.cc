#include "searcher/web_page.h"

namespace sagsoeg {
extern const char* const kWebPageHtml;  // generated from web/index.html

const std::string& web_page_html() {
  static const std::string page(kWebPageHtml);
  return page;
}
}  // namespace sagsoeg
