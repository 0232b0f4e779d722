#include "io/file_walker.h"

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <system_error>

#include "io/document_reader.h"
#include "util/hash.h"

namespace fs = std::filesystem;

namespace sagsoeg {

WalkResult walk_inputs(const std::vector<std::string>& paths) {
  WalkResult result;
  for (const std::string& path : paths) {
    std::error_code ec;
    const fs::file_status st = fs::status(path, ec);
    if (ec || !fs::exists(st)) {
      result.errors.push_back(path + ": " + (ec ? ec.message() : "no such file or directory"));
      continue;
    }
    if (!fs::is_directory(st)) {
      const fs::path p(path);
      result.files.push_back({path, p.filename().string(), p.parent_path().empty() ? "." : p.parent_path().string()});
      continue;
    }
    fs::recursive_directory_iterator it(path, fs::directory_options::skip_permission_denied, ec), end;
    if (ec) {
      result.errors.push_back(path + ": " + ec.message());
      continue;
    }
    for (; it != end; it.increment(ec)) {
      if (ec) {
        result.errors.push_back(path + ": " + ec.message());
        break;
      }
      std::error_code fec;
      if (it->is_directory(fec)) continue;
      const fs::path& p = it->path();
      if (!is_indexable_name(p.filename().string())) continue;
      result.files.push_back({p.string(), fs::relative(p, path, fec).generic_string(), p.parent_path().string()});
    }
  }
  std::sort(result.files.begin(), result.files.end(),
            [](const InputFile& a, const InputFile& b) { return a.source < b.source; });
  return result;
}

std::vector<InputFile> select_shard(const std::vector<InputFile>& files, unsigned k, unsigned n) {
  std::vector<InputFile> out;
  for (const InputFile& f : files) {
    if (fnv1a64(f.source) % n == k) out.push_back(f);
  }
  return out;
}

}  // namespace sagsoeg
