// The exception types for a document that cannot be read or parsed. The
// indexer catches them per file, reports `indexer: FILE[:LINE]: message` and
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

/// An empty (or blank) file: worth a warning, not a failure -- a cron job
/// must not see exit status 1 on every run because of one placeholder.
class EmptyInput : public InputError {
 public:
  EmptyInput() : InputError("empty file") {}
};

/// A file of a type no reader handles (an image, a spreadsheet): counted and
/// named in the indexer's summary, not an error.
class UnsupportedInput : public InputError {
 public:
  explicit UnsupportedInput(const std::string& what) : InputError(what) {}
};

}  // namespace sagsoeg
