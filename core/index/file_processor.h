// One input file -> the Xapian documents of its items, on a worker thread:
// read, detect an unchanged file by its hash, pick the reader, parse, build.
// Never throws: every outcome is a FileResult the writer acts on.
#pragma once

#include <xapian.h>

#include <map>
#include <string>
#include <vector>

#include "index/document_builder.h"
#include "index/folder_context.h"
#include "index/meeting_ledger.h"
#include "io/document_reader.h"
#include "io/file_walker.h"
#include "parse/coverage.h"

namespace sagsoeg {

enum class FileOutcome {
  indexed,      ///< parsed: `docs` replace the file's items
  unchanged,    ///< same bytes and metadata as last time: nothing to do
  empty,        ///< an empty file: a warning; its old items (if any) go
  unsupported,  ///< no reader for this type: counted and named, not an error
  metadata,     ///< a manifest that holds no items by design (Acadre)
  failed,       ///< unreadable or broken: named with its error; its old items are withdrawn
};

struct FileResult {
  FileOutcome outcome = FileOutcome::failed;
  std::string hash;
  std::string message;  ///< "PATH[:LINE]: message" for failed, empty and unsupported files
  std::vector<Xapian::Document> docs;
  std::vector<bool> public_doc;
  std::vector<std::string> id_terms;  ///< unique ID term of each document
  /// Words of the file's public items for "did you mean", counted here on
  /// the worker so the writer makes one call per distinct word.
  std::map<std::string, Xapian::termcount> spelling;
  size_t bytes = 0;
  bool unstructured = false;          ///< no agenda structure: indexed as one item (kind bilag)
  TextCoverage coverage;              ///< how much of the document's text reached an item
  std::string format;                 ///< the reader that read it
  std::vector<std::string> warnings;  ///< limits its reader reached: named with the file
  std::string meeting;                ///< the meeting it publishes ("" for none), see meeting_ledger.h
  Publication publication;            ///< what the meeting ledger keeps of it
};

/// `known_hash` is the hash recorded for this source ("" if new).
FileResult process_file(const InputFile& file, const FolderContext& folder, const std::string& known_hash,
                        const ReadLimits& limits, DocumentBuilder& builder);

}  // namespace sagsoeg
