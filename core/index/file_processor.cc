#include "index/file_processor.h"

#include <sys/stat.h>

#include <ctime>

#include "format/reader.h"
#include "io/input_error.h"
#include "parse/agenda_parser.h"
#include "schema/schema.h"
#include "util/clock.h"
#include "util/hash.h"

namespace sagsoeg {

extern const Reader kAcadreXmlReader;

namespace {

std::string manifest_key(const DocumentMeta* m) {
  if (!m) return {};
  return m->date + "|" + m->committee + "|" + m->organisation + "|" + m->kind + "|" + m->url;
}

// The file's modification time, sortable ("2025-03-04T15:00:00", UTC).
std::string modification_time(const std::string& path) {
  struct stat st {};
  if (stat(path.c_str(), &st) != 0) return {};
  return utc_time(st.st_mtime, "%Y-%m-%dT%H:%M:%S");
}

std::string message(const InputFile& file, const InputError& e) {
  return file.display + (e.line() ? ":" + std::to_string(e.line()) : "") + ": " + e.what();
}

}  // namespace

FileResult process_file(const InputFile& file, const FolderContext& folder, const std::string& known_hash,
                        const ReadLimits& limits, DocumentBuilder& builder) {
  FileResult r;
  try {
    std::string bytes = read_file_bytes(file.path, limits);
    r.bytes = bytes.size();
    const DocumentMeta* manifest_entry = folder.manifest().find(file.path);
    // The hash covers what the items are made of: the bytes, the manifest
    // row, and for exports that merge a sidecar file, that file.
    std::string extra = manifest_key(manifest_entry);
    const std::string name = file.path.substr(file.path.rfind('/') + 1);
    if (find_reader(bytes, name) == &kAcadreXmlReader) extra += "|" + folder.sidecar_hash();
    r.hash = fnv1a_hex(bytes) + fnv1a_hex(extra).substr(0, 8);
    if (!known_hash.empty() && known_hash == r.hash) {
      r.outcome = FileOutcome::unchanged;
      return r;
    }
    SourceDocument source = read_source(bytes, ReadContext{file.path, limits, &folder});
    bytes = std::string();  // the reader made its own copy; free the file's bytes
    ParsedDocument parsed = parse_document(std::move(source), file.source, manifest_entry);
    if (parsed.metadata_only) {
      r.outcome = FileOutcome::metadata;
      return r;
    }
    r.unstructured = parsed.meta.kind == "bilag";
    r.coverage = parsed.coverage;
    r.warnings = parsed.warnings;
    r.format = parsed.meta.format;
    if (parsed.meta.published.empty()) parsed.meta.published = modification_time(file.path);
    r.meeting = meeting_key(parsed.meta);
    r.publication = describe_publication(parsed);
    const std::string today = utc_today();
    for (AgendaItem& item : parsed.items) {
      item.meta.indexed = today;
      std::vector<std::string> words;
      r.docs.push_back(builder.build(item, &words));
      r.public_doc.push_back(!item.is_confidential());
      r.id_terms.push_back(schema::id_term(item.id()));
      for (const std::string& word : words) ++r.spelling[word];  // none of a closed item
    }
    r.outcome = FileOutcome::indexed;
  } catch (const EmptyInput& e) {
    r.outcome = FileOutcome::empty;
    r.message = message(file, e);
  } catch (const UnsupportedInput& e) {
    r.outcome = FileOutcome::unsupported;
    r.message = message(file, e);
  } catch (const InputError& e) {
    r.outcome = FileOutcome::failed;
    r.message = message(file, e);
  } catch (const std::exception& e) {
    r.outcome = FileOutcome::failed;
    r.message = file.display + ": " + e.what();
  }
  return r;
}

}  // namespace sagsoeg
