// The list of readers. Order matters only where two could claim the same
// bytes: PDF and HTML before the XML schemas, the catch-all for unknown XML
// before plain text.
#include <algorithm>

#include "format/reader.h"
#include "format/text_decoding.h"
#include "io/gzip.h"
#include "io/input_error.h"
#include "util/utf8.h"

namespace sagsoeg {

extern const Reader kPdfReader;
extern const Reader kHtmlReader;
extern const Reader kEdocXmlReader;
extern const Reader kAcadreXmlReader;
extern const Reader kSbsysXmlReader;
extern const Reader kSbsysAgendaXmlReader;
extern const Reader kFujitsuXmlReader;
extern const Reader kFirstAgendaJsonReader;
extern const Reader kUnknownXmlReader;
extern const Reader kUnknownJsonReader;
extern const Reader kTextReader;

namespace {

const Reader* const kReaders[] = {
    &kPdfReader,        &kHtmlReader,           &kEdocXmlReader,    &kAcadreXmlReader,
    &kSbsysXmlReader,   &kSbsysAgendaXmlReader, &kFujitsuXmlReader, &kFirstAgendaJsonReader,
    &kUnknownXmlReader, &kUnknownJsonReader,    &kTextReader,
};

std::string lower_name_without_gz(std::string_view name) {
  const size_t slash = name.rfind('/');
  if (slash != std::string_view::npos) name.remove_prefix(slash + 1);
  std::string lower = to_lower_latin(name);
  if (ends_with(lower, ".gz")) lower.resize(lower.size() - 3);
  return lower;
}

std::string extension_of(const std::string& lower_name) {
  const size_t dot = lower_name.rfind('.');
  return dot == std::string::npos ? std::string() : lower_name.substr(dot + 1);
}

// Extensions that promise a document we read: bytes that are none of our
// formats under such a name are a broken document, not an unsupported one.
bool promises_document(const std::string& ext) {
  static const char* const known[] = {"txt", "md", "markdown", "text", "html", "htm", "xhtml", "xml", "pdf", "json"};
  return std::find_if(std::begin(known), std::end(known), [&](const char* k) { return ext == k; }) != std::end(known);
}

}  // namespace

const Reader* find_reader(std::string_view bytes, std::string_view name) {
  const std::string lower = lower_name_without_gz(name);
  for (const Reader* r : kReaders)
    if (r->sniff(bytes, lower)) return r;
  return nullptr;
}

SourceDocument read_source(std::string_view bytes, const ReadContext& context) {
  std::string inflated;
  if (looks_gzipped(bytes)) {
    inflated = gunzip(bytes, context.limits.max_bytes);
    bytes = inflated;
  } else if (ends_with(to_lower_latin(context.name), ".gz")) {
    throw InputError("not gzip data although the name ends in .gz");
  }
  if (trim(bytes).empty() || trim(bytes) == "\xEF\xBB\xBF") throw EmptyInput();
  const Reader* reader = find_reader(bytes, context.name);
  if (!reader) {
    const std::string ext = extension_of(lower_name_without_gz(context.name));
    if (promises_document(ext)) throw InputError(looks_binary(bytes) ? "binary file, not text" : "not a document");
    throw UnsupportedInput(ext.empty() ? "unsupported file type (no extension)" : "unsupported file type ." + ext);
  }
  SourceDocument doc = reader->read(bytes, context);
  if (doc.format.empty()) doc.format = reader->name;
  doc.meta.format = doc.format;
  return doc;
}

bool is_candidate_name(std::string_view file_name) {
  if (file_name.empty() || file_name[0] == '.' || file_name == "manifest.tsv") return false;
  const std::string lower = to_lower_latin(file_name);
  // Editor backups and partial downloads are never documents.
  return !ends_with(lower, "~") && !ends_with(lower, ".swp") && !ends_with(lower, ".part") && !ends_with(lower, ".tmp");
}

}  // namespace sagsoeg
