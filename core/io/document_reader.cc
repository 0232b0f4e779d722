#include "io/document_reader.h"

#include <sys/stat.h>
#include <cerrno>
#include <cstring>
#include <fstream>

#include "io/input_error.h"

namespace sagsoeg {

std::string read_file_bytes(const std::string& path, const ReadLimits& limits) {
  struct stat st {};
  if (stat(path.c_str(), &st) != 0) throw InputError(std::strerror(errno));
  if (!S_ISREG(st.st_mode)) throw InputError("not a regular file");
  if (static_cast<size_t>(st.st_size) > limits.max_bytes)
    throw InputError("file is larger than the limit of " + std::to_string(limits.max_bytes / (1024 * 1024)) + " MB");
  std::ifstream in(path, std::ios::binary);
  if (!in) throw InputError(std::string("cannot open: ") + std::strerror(errno));
  std::string bytes(static_cast<size_t>(st.st_size), '\0');
  in.read(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  if (in.gcount() != static_cast<std::streamsize>(bytes.size()))
    throw InputError("read error (file changed while reading?)");
  return bytes;
}

}  // namespace sagsoeg
