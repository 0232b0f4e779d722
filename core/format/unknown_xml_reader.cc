// XML that none of the export readers claims: one clear error naming the
// root element, so a new schema is noticed rather than skipped in silence.
#include "format/reader.h"
#include "format/text_decoding.h"
#include "format/xml_tree.h"
#include "io/input_error.h"
#include "util/utf8.h"

namespace sagsoeg {

namespace {

bool sniff_xml(std::string_view bytes, std::string_view n) {
  if (looks_binary(bytes)) return false;
  std::string_view b = bytes;
  if (starts_with(b, "\xEF\xBB\xBF")) b.remove_prefix(3);
  b = trim(b);
  return !sniff_root_element(bytes).empty() && (starts_with(b, "<?xml") || ends_with(n, ".xml"));
}

SourceDocument read_unknown_xml(std::string_view bytes, const ReadContext&) {
  throw InputError("XML of an unknown schema (root element <" + sniff_root_element(bytes) +
                   ">): not an agenda export this indexer reads");
}

}  // namespace

extern const Reader kUnknownXmlReader;
const Reader kUnknownXmlReader = {"xml", sniff_xml, read_unknown_xml};

}  // namespace sagsoeg
