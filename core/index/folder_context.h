// What a folder holds besides documents: its manifest.tsv (metadata the
// documents lack) and sidecar files such as Acadre's meeting manifest XML.
// One per folder, shared by the indexer's threads; sidecars are read once,
// the first time a document asks for them.
#pragma once

#include <map>
#include <mutex>
#include <string>

#include "format/reader.h"
#include "parse/manifest.h"

namespace sagsoeg {

class FolderContext : public SidecarLookup {
 public:
  /// Loads dir/manifest.tsv; a bad row is reported in `manifest_error`.
  explicit FolderContext(std::string dir);

  const Manifest& manifest() const { return manifest_; }
  const std::string& manifest_error() const { return manifest_error_; }

  const DocumentMeta* acadre_meeting(const std::string& meeting_id) const override;
  /// A hash of the sidecar files' bytes: part of the change hash of the
  /// documents that use them, so editing a manifest re-indexes its meeting.
  const std::string& sidecar_hash() const;

 private:
  void load_sidecars() const;
  std::string dir_;
  Manifest manifest_;
  std::string manifest_error_;
  mutable std::once_flag sidecars_once_;
  mutable std::map<std::string, DocumentMeta> meetings_;  ///< meeting id ("" for the only one) -> metadata
  mutable std::string sidecar_hash_;
  mutable size_t manifests_ = 0;
};

}  // namespace sagsoeg
