#include "index/folder_context.h"

#include <algorithm>
#include <filesystem>
#include <vector>

#include "io/document_reader.h"
#include "io/input_error.h"
#include "util/hash.h"
#include "util/utf8.h"

namespace sagsoeg {

extern const Reader kAcadreXmlReader;

FolderContext::FolderContext(std::string dir) : dir_(std::move(dir)) {
  try {
    manifest_ = Manifest::load_from_dir(dir_);
  } catch (const InputError& e) {
    manifest_error_ = dir_ + "/manifest.tsv:" + std::to_string(e.line()) + ": " + e.what();
  }
}

void FolderContext::load_sidecars() const {
  std::call_once(sidecars_once_, [this] {
    std::error_code ec;
    std::vector<std::string> names;
    for (const auto& entry : std::filesystem::directory_iterator(dir_, ec)) {
      const std::string name = entry.path().filename().string();
      if (ends_with(to_lower_latin(name), ".xml")) names.push_back(name);
    }
    std::sort(names.begin(), names.end());
    std::string hashes;
    for (const std::string& name : names) {
      try {
        const std::string bytes = read_file_bytes(dir_ + "/" + name);
        if (!kAcadreXmlReader.sniff(bytes, to_lower_latin(name))) continue;
        SourceDocument doc = kAcadreXmlReader.read(bytes, ReadContext{name, {}, nullptr});
        if (!doc.metadata_only) continue;
        hashes += name + "=" + fnv1a_hex(bytes) + ";";
        meetings_.emplace(doc.meeting_id, doc.meta);
        ++manifests_;
      } catch (const std::exception&) {
        // A broken manifest is reported when it is indexed as a file itself.
      }
    }
    sidecar_hash_ = hashes.empty() ? std::string() : fnv1a_hex(hashes);
  });
}

const DocumentMeta* FolderContext::acadre_meeting(const std::string& meeting_id) const {
  load_sidecars();
  auto it = meetings_.find(meeting_id);
  if (it != meetings_.end()) return &it->second;
  // A folder with one manifest: it is the meeting's, whatever IDs say.
  return manifests_ == 1 && meetings_.size() == 1 ? &meetings_.begin()->second : nullptr;
}

const std::string& FolderContext::sidecar_hash() const {
  load_sidecars();
  return sidecar_hash_;
}

}  // namespace sagsoeg
