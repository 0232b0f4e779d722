// Expanding the indexer's PATH arguments into the files to read.
#pragma once

#include <string>
#include <vector>

namespace sagsoeg {

struct InputFile {
  std::string path;    ///< as opened
  std::string source;  ///< name stored in the index: relative to the folder given, or the base name
  std::string dir;     ///< folder whose manifest.tsv applies
};

struct WalkResult {
  std::vector<InputFile> files;
  std::vector<std::string> errors;  ///< "path: message" for unreadable folders, missing paths, loops
};

/// Files under each path (folders recursively, .txt .md .html .htm and their
/// .gz), sorted by source name. Symbolic links to folders are not followed,
/// so a link loop cannot trap the walk.
WalkResult walk_inputs(const std::vector<std::string>& paths);

/// The files of shard `k` of `n` (0 <= k < n): a stable hash of the source
/// name decides, so every file always lands in the same shard.
std::vector<InputFile> select_shard(const std::vector<InputFile>& files, unsigned k, unsigned n);

}  // namespace sagsoeg
