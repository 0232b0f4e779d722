#include "io/file_walker.h"
#include "util/utf8.h"

#include <algorithm>
#include <filesystem>
#include <set>
#include <system_error>

#include "format/reader.h"
#include "util/hash.h"

namespace fs = std::filesystem;

namespace sagsoeg {

namespace {

// Reads one folder tree without following links to folders; every folder
// that cannot be listed is reported and remembered.
void walk_folder(const fs::path& top, WalkResult& result, std::set<std::string>& seen) {
  std::vector<fs::path> pending{top};  // as the user spelled it: messages name what they typed
  while (!pending.empty()) {
    const fs::path dir = pending.back();
    pending.pop_back();
    std::error_code ec;
    fs::directory_iterator it(dir, ec), end;
    if (ec) {
      result.errors.push_back(dir.string() + ": " + ec.message() + " (nothing below it is indexed or removed)");
      result.unreadable.push_back(fs::weakly_canonical(dir, ec).string());
      continue;
    }
    for (; it != end; it.increment(ec)) {
      const fs::path& p = it->path();
      const std::string name = p.filename().string();
      std::error_code sec;
      const fs::file_status link_status = it->symlink_status(sec);
      if (fs::is_directory(link_status)) {
        // A Xapian database (ours, or one being rebuilt or compacted beside
        // it) holds no documents.
        if (!name.empty() && name[0] != '.' && !fs::exists(p / "iamglass", sec)) pending.push_back(p);
        continue;
      }
      if (!is_candidate_name(name)) continue;
      const fs::file_status st = fs::status(p, sec);  // follows a link to a file
      if (sec) {
        result.errors.push_back(p.string() + ": " + sec.message());
        continue;
      }
      if (fs::is_directory(st)) continue;  // a link to a folder: not followed
      const fs::path real = fs::canonical(p, sec);
      if (sec) {
        result.errors.push_back(p.string() + ": " + sec.message());
        continue;
      }
      if (seen.insert(real.string()).second)
        result.files.push_back({real.string(), real.parent_path().string(), escape_controls(p.string()), ""});
    }
    if (ec) {
      result.errors.push_back(dir.string() + ": " + ec.message() + " (nothing below it is indexed or removed)");
      result.unreadable.push_back(fs::weakly_canonical(dir, ec).string());
    }
  }
}

}  // namespace

WalkResult walk_inputs(const std::vector<std::string>& paths) {
  WalkResult result;
  std::set<std::string> seen;
  for (const std::string& path : paths) {
    std::error_code ec;
    const fs::file_status st = fs::status(path, ec);
    if (ec || !fs::exists(st)) {
      result.fatal.push_back(
          path + ": " +
          (ec && ec != std::errc::no_such_file_or_directory ? ec.message() : std::string("no such file or folder")));
      continue;
    }
    const fs::path real = fs::canonical(path, ec);
    if (ec) {
      result.fatal.push_back(path + ": " + ec.message());
      continue;
    }
    result.given.push_back(real.string());
    if (!fs::is_directory(st)) {
      if (seen.insert(real.string()).second)
        result.files.push_back({real.string(), real.parent_path().string(), escape_controls(path), ""});
      continue;
    }
    fs::directory_iterator probe(real, ec);
    if (ec) {
      result.fatal.push_back(path + ": " + ec.message());
      continue;
    }
    const size_t before = result.files.size();
    const size_t errors_before = result.errors.size();
    walk_folder(fs::path(path), result, seen);
    result.folders.push_back(real.string());
    if (result.files.size() == before && result.errors.size() == errors_before)
      result.fatal.push_back(path + ": no files in this folder (nothing indexed, nothing removed)");
  }
  std::sort(result.files.begin(), result.files.end(),
            [](const InputFile& a, const InputFile& b) { return a.path < b.path; });
  return result;
}

std::string common_folder(const std::vector<std::string>& real_paths) {
  if (real_paths.empty()) return "/";
  std::vector<fs::path> folders;
  for (const std::string& p : real_paths) {
    std::error_code ec;
    folders.push_back(fs::is_directory(p, ec) ? fs::path(p) : fs::path(p).parent_path());
  }
  fs::path common = folders.front();
  for (const fs::path& f : folders) {
    fs::path shared;
    auto a = common.begin(), b = f.begin();
    for (; a != common.end() && b != f.end() && *a == *b; ++a, ++b) shared /= *a;
    common = shared;
  }
  return common.empty() ? "/" : common.string();
}

bool is_below(const std::string& path, const std::string& folder) {
  if (folder == "/") return !path.empty() && path[0] == '/';
  return path == folder ||
         (path.size() > folder.size() && path.compare(0, folder.size(), folder) == 0 && path[folder.size()] == '/');
}

std::string source_name(const std::string& real_path, const std::string& root) {
  if (root == "/") return real_path;  // no common folder: the absolute path
  if (is_below(real_path, root) && real_path.size() > root.size()) return real_path.substr(root.size() + 1);
  return real_path;
}

std::string path_of_source(const std::string& source, const std::string& root) {
  if (!source.empty() && source[0] == '/') return source;
  return root + "/" + source;
}

std::vector<InputFile> select_shard(const std::vector<InputFile>& files, unsigned k, unsigned n) {
  std::vector<InputFile> out;
  for (const InputFile& f : files) {
    if (fnv1a64(f.source) % n == k) out.push_back(f);
  }
  return out;
}

}  // namespace sagsoeg
