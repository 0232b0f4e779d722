// HTML pages (FirstAgenda publication pages, eDoc/Fujitsu agendas, pages
// saved from a browser) through libxml2's HTML parser in recover mode.
#include "format/esdh/fujitsu_page.h"
#include "format/firstagenda/publication_page.h"
#include "format/html_blocks.h"
#include "format/reader.h"
#include "format/text_decoding.h"
#include "format/xml_tree.h"
#include "io/input_error.h"
#include "util/utf8.h"

namespace sagsoeg {

namespace {

bool sniff_html(std::string_view bytes, std::string_view n) {
  if (looks_binary(bytes)) return false;
  const std::string root = to_lower_latin(sniff_root_element(bytes));
  if (root == "html") return true;
  if (!root.empty() && root != "body") {
    // Some other XML root: an HTML name alone does not make it HTML.
    return false;
  }
  const bool html_name = ends_with(n, ".html") || ends_with(n, ".htm") || ends_with(n, ".xhtml");
  return looks_like_html(bytes) || (html_name && trim(bytes).substr(0, 1) == "<");
}

SourceDocument read_html(std::string_view bytes, const ReadContext&) {
  const XmlTree tree = XmlTree::parse_html(to_utf8(bytes));
  // A page whose markup states its agenda items is read by that markup; any
  // other page by its headings (the layout parser).
  SourceDocument doc;
  if (firstagenda::is_publication_page(tree.root())) {
    doc = firstagenda::read_publication_page(tree.root());
  } else if (fujitsu::is_agenda_page(tree.root())) {
    doc = fujitsu::read_agenda_page(tree.root());
  } else {
    doc.blocks = page_blocks(tree.root());
  }
  doc.warnings = tree.warnings();
  if (doc.states_items) return doc;
  if (doc.blocks.empty()) throw InputError("HTML page without text");
  return doc;
}

}  // namespace

extern const Reader kHtmlReader;
const Reader kHtmlReader = {"html", sniff_html, read_html};

}  // namespace sagsoeg
