#include "format/text_decoding.h"

#include <algorithm>

#include "util/utf8.h"

namespace sagsoeg {

bool looks_binary(std::string_view bytes) {
  const size_t sample = std::min<size_t>(bytes.size(), 64 * 1024);
  size_t controls = 0;
  for (size_t i = 0; i < sample; ++i) {
    const auto c = static_cast<unsigned char>(bytes[i]);
    if (c == 0) return true;
    if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' && c != '\v') ++controls;
  }
  return controls * 100 > sample * 2;
}

std::string to_utf8(std::string_view bytes, SourceEncoding* encoding) {
  if (starts_with(bytes, "\xEF\xBB\xBF")) bytes.remove_prefix(3);
  const bool utf8 = is_valid_utf8(bytes);
  if (encoding) *encoding = utf8 ? SourceEncoding::utf8 : SourceEncoding::cp1252;
  return utf8 ? std::string(bytes) : cp1252_to_utf8(bytes);
}

std::string normalise_line_ends(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (c == '\r') {
      out += '\n';
      if (i + 1 < s.size() && s[i + 1] == '\n') ++i;
    } else if (c == '\f' || c == '\v') {
      out += '\n';
    } else {
      out += c;
    }
  }
  return out;
}

}  // namespace sagsoeg
