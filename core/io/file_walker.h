// Expanding the indexer's PATH arguments into the files to read, and the
// rule that names each file in the index.
//
// A document's name (its `source`, the part of an item ID before the colon)
// is its real path -- symbolic links resolved -- relative to the database's
// root folder, which the first run records: the common folder of the PATHs
// it was given. A file outside the root is named by its absolute path. So
// two different files never share a name, and one file reached through
// different spellings (relative, absolute, via a parent folder or a link) is
// always the same document.
#pragma once

#include <string>
#include <vector>

namespace sagsoeg {

struct InputFile {
  std::string path;     ///< real absolute path
  std::string dir;      ///< its folder (manifest.tsv and sidecar files live there)
  std::string display;  ///< the path as the user's PATH reached it, for messages
  std::string source;   ///< name in the index (see source_name), set by the caller
};

struct WalkResult {
  std::vector<InputFile> files;  ///< unique real paths, sorted
  /// "PATH: message" for what could not be read below a PATH given (an
  /// unreadable subfolder, a link loop): the rest is indexed, the run fails.
  std::vector<std::string> errors;
  /// "PATH: message" for a PATH that cannot be used at all: missing,
  /// unreadable, or a folder without any file. Nothing is indexed or removed.
  std::vector<std::string> fatal;
  std::vector<std::string> folders;     ///< real paths of the folders given (the pruning scope)
  std::vector<std::string> unreadable;  ///< real paths of folders read only in part: nothing below is pruned
  std::vector<std::string> given;       ///< real paths of every PATH given
};

/// Files under each path (folders recursively; every file but hidden ones,
/// manifest.tsv and editor leftovers -- the readers decide what is a
/// document). Links to folders are not followed, so a loop cannot trap the walk.
WalkResult walk_inputs(const std::vector<std::string>& paths);

/// The deepest folder holding every path given (a file counts as its folder).
std::string common_folder(const std::vector<std::string>& real_paths);

/// `path` relative to `root` when below it, else the absolute path.
std::string source_name(const std::string& real_path, const std::string& root);
/// The real path a source name stands for, given the root it was made with.
std::string path_of_source(const std::string& source, const std::string& root);

/// True when `path` is `folder` or below it (real paths).
bool is_below(const std::string& path, const std::string& folder);

/// The files of shard `k` of `n` (0 <= k < n): a stable hash of the source
/// name decides, so every file always lands in the same shard.
std::vector<InputFile> select_shard(const std::vector<InputFile>& files, unsigned k, unsigned n);

}  // namespace sagsoeg
