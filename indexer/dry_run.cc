#include "indexer/dry_run.h"

#include <map>
#include <memory>

#include "format/reader.h"
#include "index/folder_context.h"
#include "io/input_error.h"
#include "model/item_json.h"
#include "parse/agenda_parser.h"

namespace sagsoeg {

namespace {

// One line per file on stderr: what it gave and how much of its text reached an item.
void report_file(const InputFile& f, const ParsedDocument& doc, std::ostream& err) {
  for (const std::string& w : doc.warnings) err << "indexer: warning: " << f.display << ": " << w << "\n";
  if (doc.metadata_only) {
    err << "indexer: " << f.display << ": " << doc.meta.format << ", metadata for the files beside it (no items)\n";
    return;
  }
  size_t closed = 0;
  for (const AgendaItem& item : doc.items) closed += item.is_confidential();
  err << "indexer: " << f.display << ": " << doc.meta.format << ", " << doc.items.size() << " items ("
      << doc.items.size() - closed << " public, " << closed << " closed), " << doc.coverage.percent()
      << " % of its words reach an item";
  if (doc.items.empty())
    err << " -- warning: no agenda item";
  else if (doc.coverage.percent() < kLowCoveragePercent)
    err << " -- warning: much of its text reaches no item";
  err << "\n";
}

}  // namespace

size_t print_dry_run(const std::vector<InputFile>& files, const ReadLimits& limits, bool json, std::ostream& out,
                     std::ostream& err) {
  std::map<std::string, std::unique_ptr<FolderContext>> folders;
  size_t failed = 0;
  for (const InputFile& f : files) {
    try {
      auto& folder = folders[f.dir];
      if (!folder) folder = std::make_unique<FolderContext>(f.dir);
      SourceDocument source = read_source(read_file_bytes(f.path, limits), ReadContext{f.path, limits, folder.get()});
      const ParsedDocument doc = parse_document(std::move(source), f.source, folder->manifest().find(f.path));
      report_file(f, doc, err);
      for (const AgendaItem& item : doc.items) {
        if (json) {
          out << dump_json(item_to_json(item)) << "\n";
        } else {
          out << item.id() << "\t" << (item.meta.date.empty() ? "-" : item.meta.date) << "\t"
              << access_name(item.access) << "\t" << (item.case_id.empty() ? "-" : item.case_id) << "\t"
              << (item.type.empty() ? "-" : item.type) << "\t" << item.title << "\n";
        }
      }
    } catch (const EmptyInput& e) {
      err << "indexer: warning: " << f.display << ": " << e.what() << " (nothing to index)\n";
    } catch (const UnsupportedInput& e) {
      err << "indexer: warning: " << f.display << ": " << e.what() << " (skipped)\n";
    } catch (const InputError& e) {
      err << "indexer: " << f.display << (e.line() ? ":" + std::to_string(e.line()) : "") << ": " << e.what() << "\n";
      ++failed;
    } catch (const std::exception& e) {
      err << "indexer: " << f.display << ": " << e.what() << "\n";
      ++failed;
    }
  }
  return failed;
}

}  // namespace sagsoeg
