// The format layer's entry point: one reader per input format, chosen by
// sniffing the content (magic bytes, the XML root element), with the file
// name only as a hint. Adding a format is one reader and one line in
// format_registry.cc.
#pragma once

#include <functional>
#include <string>
#include <string_view>

#include "format/source_document.h"
#include "io/document_reader.h"

namespace sagsoeg {

/// Metadata files that sit beside a document (an Acadre manifest XML): the
/// reader asks for them by folder; the indexer includes their bytes in the
/// document's change hash.
class SidecarLookup {
 public:
  virtual ~SidecarLookup() = default;
  /// Meeting metadata stated by the folder's manifest files for `meeting_id`
  /// (or for the only meeting when `meeting_id` is empty); nullptr if none.
  virtual const DocumentMeta* acadre_meeting(const std::string& meeting_id) const = 0;
};

struct ReadContext {
  std::string name;  ///< file name or path: a hint for the format and for messages
  ReadLimits limits;
  const SidecarLookup* sidecars = nullptr;
};

struct Reader {
  const char* name;
  /// True if `bytes` (already decompressed) are this format. `lower_name` is
  /// the lower-cased file name without ".gz".
  bool (*sniff)(std::string_view bytes, std::string_view lower_name);
  SourceDocument (*read)(std::string_view bytes, const ReadContext& context);
};

/// Decompresses (.gz, by magic), picks the reader and reads. Throws
/// InputError (naming the format) for broken input, EmptyInput for an empty
/// file and UnsupportedInput for a file no reader accepts.
SourceDocument read_source(std::string_view bytes, const ReadContext& context);

/// The reader for these bytes, or nullptr.
const Reader* find_reader(std::string_view bytes, std::string_view name);

/// True for file names a folder walk passes to the readers: everything but
/// hidden files, the folder's manifest.tsv and obvious non-documents.
bool is_candidate_name(std::string_view file_name);

}  // namespace sagsoeg
