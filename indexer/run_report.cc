#include "indexer/run_report.h"

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>

#include "util/clock.h"

namespace sagsoeg {

namespace {

std::string plural(size_t n, const char* one, const char* many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

}  // namespace

const char* status_name(RunStatus s) {
  switch (s) {
    case RunStatus::indexed:
      return "indexed";
    case RunStatus::some_failed:
      return "some files failed";
    case RunStatus::could_not_run:
      return "could not run";
    case RunStatus::nothing_to_do:
      return "nothing to do";
    case RunStatus::locked:
      return "locked";
  }
  return "?";
}

RunStatus status_of(const IndexStats& s, bool walk_failed) {
  if (s.failed || walk_failed) return RunStatus::some_failed;
  return s.changed ? RunStatus::indexed : RunStatus::nothing_to_do;
}

void print_summary(const IndexStats& s, const std::string& db_path) {
  std::string line = "indexer: " + plural(s.files, "file", "files") + " (" + std::to_string(s.indexed) + " indexed, " +
                     std::to_string(s.unchanged) + " unchanged, " + std::to_string(s.failed) + " failed, " +
                     std::to_string(s.removed) + " removed";
  if (s.empty) line += ", " + std::to_string(s.empty) + " empty";
  if (s.manifests) line += ", " + plural(s.manifests, "manifest", "manifests");
  if (!s.unsupported.empty()) line += ", " + std::to_string(s.unsupported.size()) + " unsupported";
  if (s.withdrawn) line += ", " + std::to_string(s.withdrawn) + " withdrawn";
  line += "), ";
  const size_t items = s.items_public + s.items_confidential;
  char rate[96];
  std::snprintf(rate, sizeof rate, " in %.2f s, %ld items/s", s.seconds,
                s.seconds > 0 ? static_cast<long>(items / s.seconds) : 0L);
  line += plural(items, "item", "items") + " (" + std::to_string(s.items_public) + " public, " +
          std::to_string(s.items_confidential) + " confidential)" + rate + " -> " + db_path;
  if (s.unstructured)
    line += "\nindexer: " + plural(s.unstructured, "document", "documents") +
            " without agenda structure indexed as one item each (kind bilag)";
  auto name_files = [&line](const std::vector<std::string>& files) {
    for (size_t i = 0; i < files.size() && i < 10; ++i) line += " " + files[i];
    if (files.size() > 10) line += " and " + std::to_string(files.size() - 10) + " more";
  };
  if (!s.unsupported.empty()) {
    line += "\nindexer: unsupported, skipped:";
    name_files(s.unsupported);
  }
  if (!s.without_items.empty()) {
    line += "\nindexer: warning: read but without a single agenda item:";
    name_files(s.without_items);
  }
  if (!s.superseded.empty()) {
    line += "\nindexer: superseded by a newer publication of the same meeting (not served):";
    name_files(s.superseded);
  }
  if (!s.reread_next.empty()) {
    line += "\nindexer: served again now that a newer publication went, read on the next run:";
    name_files(s.reread_next);
  }
  if (!s.low_coverage.empty()) {
    line += "\nindexer: warning: much of their text reached no item:";
    for (size_t i = 0; i < s.low_coverage.size() && i < 10; ++i)
      line += " " + s.low_coverage[i].first + " (" + std::to_string(s.low_coverage[i].second) + " %)";
    if (s.low_coverage.size() > 10) line += " and " + std::to_string(s.low_coverage.size() - 10) + " more";
  }
  std::cerr << line << "\n";
}

nlohmann::json summary_json(const IndexStats& s, RunStatus status, const std::string& db_path) {
  nlohmann::json low = nlohmann::json::array();
  for (const auto& [file, percent] : s.low_coverage) low.push_back({{"file", file}, {"percent", percent}});
  return {{"status", status_name(status)},
          {"exit", static_cast<int>(status)},
          {"database", db_path},
          {"finished", utc_timestamp()},
          {"seconds", s.seconds},
          {"files", s.files},
          {"indexed", s.indexed},
          {"unchanged", s.unchanged},
          {"failed", s.failed},
          {"removed", s.removed},
          {"empty", s.empty},
          {"withdrawn", s.withdrawn},
          {"items_public", s.items_public},
          {"items_confidential", s.items_confidential},
          {"unsupported", s.unsupported},
          {"without_items", s.without_items},
          {"low_coverage", low},
          {"superseded", s.superseded},
          {"reread_next", s.reread_next},
          {"failed_files", s.failed_files}};
}

nlohmann::json failure_json(RunStatus status, const std::string& error, const std::string& db_path) {
  return {{"status", status_name(status)},
          {"exit", static_cast<int>(status)},
          {"database", db_path},
          {"finished", utc_timestamp()},
          {"error", error}};
}

void write_summary_json(const nlohmann::json& j, const std::string& target) {
  const std::string text = j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
  if (target == "-") {
    std::cerr << text;
    return;
  }
  // Written beside and renamed: a reader never sees half a summary.
  const std::string tmp = target + ".tmp";
  {
    std::ofstream out(tmp, std::ios::trunc);
    out << text;
    if (!out) {
      std::cerr << "indexer: cannot write the summary to " << target << "\n";
      return;
    }
  }
  std::error_code ec;
  std::filesystem::rename(tmp, target, ec);
  if (ec) std::cerr << "indexer: cannot write the summary to " << target << ": " << ec.message() << "\n";
}

}  // namespace sagsoeg
