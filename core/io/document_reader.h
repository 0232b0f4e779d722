// Reading one input file into normalised UTF-8 text: .gz through zlib,
// BOM and CRLF removed, Windows-1252/Latin-1 converted, HTML turned into text.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace sagsoeg {

struct ReadLimits {
  /// Largest file (or decompressed .gz) accepted, in bytes.
  size_t max_bytes = size_t(256) << 20;
};

enum class SourceEncoding { utf8, cp1252 };

struct DocumentText {
  std::string text;  ///< UTF-8, '\n' line ends, no BOM
  SourceEncoding encoding = SourceEncoding::utf8;
  bool was_html = false;
};

/// True for the file names the indexer reads: .txt .md .html .htm and .gz of those.
bool is_indexable_name(std::string_view file_name);

/// Decodes raw file bytes; `name` decides gzip and HTML handling together with
/// content sniffing. Throws InputError for empty, binary or corrupt input.
DocumentText decode_document(std::string_view bytes, std::string_view name, const ReadLimits& limits = {});

/// Reads a file's raw bytes. Throws InputError (unreadable, too large, not a file).
std::string read_file_bytes(const std::string& path, const ReadLimits& limits = {});

/// Reads and decodes a file. Throws InputError (unreadable, too large, ...).
DocumentText read_document(const std::string& path, const ReadLimits& limits = {});

}  // namespace sagsoeg
