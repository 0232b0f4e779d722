// What a build is: its version, the text pipeline it writes and reads, and
// the Xapian it runs on (--version, /version).
#pragma once

#include <string>

namespace sagsoeg {

struct BuildInfo {
  std::string version;   ///< the project's version
  std::string pipeline;  ///< expected_pipeline_version()
  std::string xapian;    ///< the runtime library's version
};
BuildInfo build_info();
/// "indexer 0.1\ntext pipeline: ...\nXapian: 1.4.22\n"
std::string version_text(const std::string& program);

}  // namespace sagsoeg
