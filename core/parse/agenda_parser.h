// A read document (format/source_document.h) -> agenda items. One layout
// parser for the whole family of flow layouts: it recognises structure
// (numbered item headings with access markers or labels, tables of
// contents, section headings, closed groups) rather than any one file.
// Where an export states its items, they are taken as stated and only their
// bodies are read for sections and decisions. A document without agenda
// structure (an attachment, a letter) is one item of kind "bilag".
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "format/source_document.h"
#include "model/agenda_item.h"
#include "parse/coverage.h"

namespace sagsoeg {

struct ParsedDocument {
  DocumentMeta meta;
  std::vector<AgendaItem> items;
  /// A file that holds no items by design (an Acadre manifest).
  bool metadata_only = false;
  /// How much of the document's text reached an item (parse/coverage.h).
  TextCoverage coverage;
  /// The reader's warnings (SourceDocument::warnings).
  std::vector<std::string> warnings;
};

/// Parses a read document. `manifest_entry` (may be null) fills metadata the
/// document lacks. Throws InputError when the document holds no text at all.
ParsedDocument parse_document(SourceDocument document, const std::string& source,
                              const DocumentMeta* manifest_entry = nullptr);

/// parse_document for plain text or Markdown (tests, fuzzers).
ParsedDocument parse_agenda(std::string_view text, const std::string& source,
                            const DocumentMeta* manifest_entry = nullptr);

}  // namespace sagsoeg
