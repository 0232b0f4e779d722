// Bytes to UTF-8 text: BOM removed, Windows-1252/Latin-1 converted (Danish
// files that are not UTF-8 are one of those, and Windows-1252 decodes both),
// line ends normalised, binary data recognised.
#pragma once

#include <string>
#include <string_view>

namespace sagsoeg {

enum class SourceEncoding { utf8, cp1252 };

/// True when the bytes hold NUL bytes or more than 2 % control characters.
bool looks_binary(std::string_view bytes);

/// The bytes as UTF-8 without a BOM; `encoding` receives what they were.
std::string to_utf8(std::string_view bytes, SourceEncoding* encoding = nullptr);

/// CR LF and CR to LF; form feeds and vertical tabs (PDF page breaks) to LF.
std::string normalise_line_ends(std::string_view text);

}  // namespace sagsoeg
