// The web page served at "/", embedded in the binary (searcher/web/index.html).
#pragma once

#include <string>

namespace sagsoeg {
const std::string& web_page_html();
}  // namespace sagsoeg
