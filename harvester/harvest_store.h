// The harvest on disk: DIR/<portal host>/<committee>/<date>_<meeting id>.json,
// attachments in <date>_<meeting id>.bilag/, beside each file a hidden
// record of where it came from (.<file>.harvest), and in each folder a
// manifest.tsv the indexer reads (date, committee, organisation, kind, URL).
// Every file is written beside and renamed: a download never replaces a
// good file with a broken one, and a killed run leaves whole files.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace sagsoeg::harvest {

struct StoredRecord {
  std::string id;    ///< meeting or attachment ID
  std::string url;   ///< what was fetched
  std::string page;  ///< the public page people open (the manifest's URL)
  std::string date, committee, organisation, kind;
  std::string fingerprint;  ///< the listing's entry when fetched
  std::string etag, last_modified;
  std::string hash;     ///< of the stored body (FNV-1a 64)
  std::string fetched;  ///< UTC time
};

class HarvestStore {
 public:
  explicit HarvestStore(std::string out_dir) : out_(std::move(out_dir)) {}
  const std::string& root() const { return out_; }

  /// The record beside `path`, when the file and its record are both there.
  std::optional<StoredRecord> record_of(const std::string& path) const;
  /// Writes the body and then its record, each beside and renamed.
  void store(const std::string& path, const std::string& body, const StoredRecord& record);
  /// Rewrites only the record of a file stored earlier.
  void store_record(const std::string& path, const StoredRecord& record);
  /// Rewrites `folder`/manifest.tsv from the records in it.
  void write_manifest(const std::string& folder) const;
  /// ID -> path of every meeting stored below `folder` (a portal's).
  std::map<std::string, std::string> meetings_below(const std::string& folder) const;
  /// Removes a stored file, its record and its attachments' folder.
  void remove(const std::string& path);

 private:
  std::string out_;
};

/// A whole file written beside `path` and renamed over it.
void write_file_atomically(const std::string& path, const std::string& bytes);

}  // namespace sagsoeg::harvest
