// libFuzzer target: bytes -> readers (encoding, gzip, HTML) -> agenda parser
// -> JSON. Any input may be rejected with an InputError; nothing may crash,
// hang or leak.
#include <cstddef>
#include <cstdint>
#include <string>

#include "io/document_reader.h"
#include "io/input_error.h"
#include "model/item_json.h"
#include "parse/agenda_parser.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string bytes(reinterpret_cast<const char*>(data), size);
  // The first byte picks the file name, so .html and .gz handling are reached too.
  static const char* const names[] = {"fuzz.txt", "fuzz.md", "fuzz.html", "fuzz.txt.gz"};
  const char* name = names[size ? data[0] % 4 : 0];
  sagsoeg::ReadLimits limits;
  limits.max_bytes = 8 << 20;
  try {
    const sagsoeg::DocumentText text = sagsoeg::decode_document(bytes, name, limits);
    const sagsoeg::ParsedDocument doc = sagsoeg::parse_agenda(text.text, name);
    for (const auto& item : doc.items) {
      if (item.is_confidential() && !item.full_text().empty()) __builtin_trap();  // never text of a closed item
      (void)sagsoeg::item_to_json(item).dump();
    }
  } catch (const sagsoeg::InputError&) {
  }
  return 0;
}
