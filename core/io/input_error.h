// The one exception type for a document that cannot be read or parsed. The
// indexer catches it per file, reports `indexer: FILE[:LINE]: message` and
// carries on with the next file.
#pragma once

#include <stdexcept>
#include <string>

namespace sagsoeg {

class InputError : public std::runtime_error {
 public:
  explicit InputError(const std::string& message, int line = 0) : std::runtime_error(message), line_(line) {}
  /// 1-based line number the error refers to, or 0 when it concerns the file.
  int line() const { return line_; }

 private:
  int line_;
};

}  // namespace sagsoeg
