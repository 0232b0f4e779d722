#include "indexer/dry_run.h"

#include <map>

#include "io/input_error.h"
#include "model/item_json.h"
#include "parse/agenda_parser.h"
#include "parse/manifest.h"

namespace sagsoeg {

size_t print_dry_run(const std::vector<InputFile>& files, const ReadLimits& limits, bool json, std::ostream& out,
                     std::ostream& err) {
  std::map<std::string, Manifest> manifests;
  size_t failed = 0;
  for (const InputFile& f : files) {
    try {
      if (!manifests.count(f.dir)) manifests[f.dir] = Manifest::load_from_dir(f.dir);
      const DocumentText text = read_document(f.path, limits);
      const ParsedDocument doc = parse_agenda(text.text, f.source, manifests[f.dir].find(f.source));
      for (const AgendaItem& item : doc.items) {
        if (json) {
          out << item_to_json(item).dump() << "\n";
        } else {
          out << item.id() << "\t" << (item.meta.date.empty() ? "-" : item.meta.date) << "\t"
              << access_name(item.access) << "\t" << (item.case_id.empty() ? "-" : item.case_id) << "\t"
              << (item.type.empty() ? "-" : item.type) << "\t" << item.title << "\n";
        }
      }
    } catch (const InputError& e) {
      err << "indexer: " << f.path << (e.line() ? ":" + std::to_string(e.line()) : "") << ": " << e.what() << "\n";
      ++failed;
    } catch (const std::exception& e) {
      err << "indexer: " << f.path << ": " << e.what() << "\n";
      ++failed;
    }
  }
  return failed;
}

}  // namespace sagsoeg
