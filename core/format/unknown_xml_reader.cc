// XML and JSON that none of the readers claims: named as unsupported with
// what they are (the XML root element), exactly like a file of an unsupported
// type, so a new schema is noticed rather than skipped in silence.
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
  throw UnsupportedInput("unsupported: XML of an unknown schema (root element <" + sniff_root_element(bytes) +
                         ">), not an agenda export this indexer reads");
}

bool sniff_json(std::string_view bytes, std::string_view n) {
  if (starts_with(bytes, "\xEF\xBB\xBF")) bytes.remove_prefix(3);
  const std::string_view t = trim(bytes.substr(0, 64));
  return ends_with(n, ".json") || (!t.empty() && t.front() == '{' && !looks_binary(bytes));
}

SourceDocument read_unknown_json(std::string_view, const ReadContext&) {
  throw UnsupportedInput("unsupported: JSON that is not a FirstAgenda agenda (no Dagsordenpunkter)");
}

}  // namespace

extern const Reader kUnknownXmlReader;
const Reader kUnknownXmlReader = {"xml", sniff_xml, read_unknown_xml};
extern const Reader kUnknownJsonReader;
const Reader kUnknownJsonReader = {"json", sniff_json, read_unknown_json};

}  // namespace sagsoeg
