// corpus/manifest.tsv: metadata a document's text lacks (a PDF extract
// without header, say). One line per file, tab-separated:
//   file  date  committee  organisation  kind  url
// '#' starts a comment; empty fields stay empty. The text always wins over
// the manifest; the manifest only fills what the text does not say.
#pragma once

#include <map>
#include <string>
#include <string_view>

#include "model/agenda_item.h"

namespace sagsoeg {

class Manifest {
 public:
  /// Parses manifest text; throws InputError naming the line on a bad row.
  static Manifest parse(std::string_view text);
  /// Loads `dir/manifest.tsv` if it exists, else an empty manifest.
  static Manifest load_from_dir(const std::string& dir);

  /// Entry for a file name (base name, with or without .gz), or nullptr.
  const DocumentMeta* find(std::string_view file_name) const;
  size_t size() const { return entries_.size(); }

 private:
  std::map<std::string, DocumentMeta, std::less<>> entries_;
};

/// Fills the empty fields of `meta` from `entry`.
void apply_manifest(const DocumentMeta* entry, DocumentMeta& meta);

}  // namespace sagsoeg
