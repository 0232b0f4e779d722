// indexer: flags -> arguments (arguments.h) -> run(mode) (modes.h). All
// logic lives in core/.
#include <filesystem>
#include <iostream>

#include "format/pdf/pdf_sandbox.h"
#include "indexer/arguments.h"
#include "indexer/modes.h"

namespace {

// This program's own path: it reads PDFs in a child process of itself.
std::string own_executable() {
  std::error_code ec;
  const std::filesystem::path self = std::filesystem::read_symlink("/proc/self/exe", ec);
  return ec ? std::string() : self.string();
}

}  // namespace

int main(int argc, char** argv) {
  // The sandboxed PDF reader (core/format/pdf/pdf_sandbox.h): a PDF on
  // stdin, its text on stdout, in a process the indexer can stop.
  if (argc == 2 && std::string(argv[1]) == "--read-pdf") return sagsoeg::pdf::helper_main();
  if (const std::string self = own_executable(); !self.empty()) sagsoeg::pdf::set_helper(self);
  try {
    return sagsoeg::run(sagsoeg::parse_indexer_arguments(argc, argv));
  } catch (const sagsoeg::UsageError& e) {
    std::cerr << "indexer: " << e.what() << "\n";
    return 2;
  }
}
