// Reading one input file's raw bytes, within a size limit. What the bytes
// mean is the format layer's business (format/reader.h).
#pragma once

#include <cstddef>
#include <string>

namespace sagsoeg {

struct ReadLimits {
  /// Largest file (or decompressed .gz) accepted, in bytes.
  size_t max_bytes = size_t(256) << 20;
  /// Time and memory one file's risky reader (PDF) may take where it runs
  /// sandboxed (format/pdf/pdf_sandbox.h): then it is stopped and named.
  unsigned seconds = 10;
  size_t memory_mb = 1024;
};

/// Reads a file's raw bytes. Throws InputError (unreadable, too large, not a file).
std::string read_file_bytes(const std::string& path, const ReadLimits& limits = {});

}  // namespace sagsoeg
