#include "store/build_info.h"

#include <xapian.h>

#include "store/database.h"

namespace sagsoeg {

BuildInfo build_info() {
  return {SAGSOEG_VERSION, expected_pipeline_version(), Xapian::version_string()};
}

std::string version_text(const std::string& program) {
  const BuildInfo b = build_info();
  return program + " " + b.version + "\ntext pipeline: " + b.pipeline + "\nXapian: " + b.xapian + "\n";
}

}  // namespace sagsoeg
