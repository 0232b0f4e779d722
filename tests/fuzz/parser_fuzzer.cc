// libFuzzer target: bytes -> format layer (sniffing, encodings, gzip, HTML,
// XML, PDF) -> layout parser -> JSON. Any input may be rejected with an
// InputError; nothing may crash, hang or leak, no confidential item may
// carry text (only a printed title), and -- the property that matters -- in documents built around
// closed markers (with the fuzz input as noise), no closed section's text
// reaches a public item.
#include <cstddef>
#include <cstdint>
#include <string>

#include "format/reader.h"
#include "fuzz/closed_marker_documents.h"
#include "io/input_error.h"
#include "model/item_json.h"
#include "parse/agenda_parser.h"

namespace {

void check_items(const sagsoeg::ParsedDocument& doc) {
  for (const auto& item : doc.items) {
    // A closed item keeps only a title its document prints for the public.
    if (item.is_confidential() && (!item.full_text().empty() || !item.sections.empty())) __builtin_trap();
    (void)sagsoeg::dump_json(sagsoeg::item_to_json(item));
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string bytes(reinterpret_cast<const char*>(data), size);
  // The first byte picks the file name, so every reader is reached.
  static const char* const names[] = {"fuzz.txt", "fuzz.md", "fuzz.html", "fuzz.txt.gz", "fuzz.xml", "fuzz.pdf"};
  const char* name = names[size ? data[0] % 6 : 0];
  sagsoeg::ReadLimits limits;
  limits.max_bytes = 8 << 20;
  try {
    check_items(sagsoeg::parse_document(sagsoeg::read_source(bytes, {name, limits, nullptr}), name));
  } catch (const sagsoeg::InputError&) {
  }
  // The closed-marker property, seeded by the input.
  uint64_t seed = 0;
  for (size_t i = 0; i < size && i < 8; ++i) seed = seed * 257 + data[i];
  std::string noise = bytes.substr(size > 8 ? 8 : size, 200);
  for (char& c : noise)
    if (c == '\n' || c == '\r' || static_cast<unsigned char>(c) < 0x20) c = ' ';
  // The noise stands in public items: it must not carry the canaries the
  // property looks for (libFuzzer learns "kanarie" from the comparison).
  sagsoeg::fuzz::defuse_canaries(noise);
  try {
    const sagsoeg::ParsedDocument doc =
        sagsoeg::parse_agenda(sagsoeg::fuzz::closed_marker_document(seed, noise), "closed.txt");
    check_items(doc);
    if (!sagsoeg::fuzz::closed_sections_stay_closed(doc.items)) __builtin_trap();
  } catch (const sagsoeg::InputError&) {
  }
  return 0;
}
