#include "io/document_reader.h"

#include <sys/stat.h>
#include <cerrno>
#include <cstring>
#include <fstream>

#include "io/gzip.h"
#include "io/html_to_text.h"
#include "io/input_error.h"
#include "util/utf8.h"

namespace sagsoeg {

namespace {

std::string_view strip_gz(std::string_view name) {
  if (ends_with(name, ".gz")) name.remove_suffix(3);
  return name;
}

bool has_html_extension(std::string_view name) {
  name = strip_gz(name);
  return ends_with(name, ".html") || ends_with(name, ".htm") || ends_with(name, ".HTML") || ends_with(name, ".HTM");
}

// Text files have almost no C0 control characters; binaries have many, and
// NUL bytes in particular.
bool looks_binary(std::string_view bytes) {
  const size_t sample = std::min<size_t>(bytes.size(), 64 * 1024);
  size_t controls = 0;
  for (size_t i = 0; i < sample; ++i) {
    const auto c = static_cast<unsigned char>(bytes[i]);
    if (c == 0) return true;
    if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' && c != '\v') ++controls;
  }
  return controls * 100 > sample * 2;  // more than 2 %
}

std::string normalise_line_ends(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (c == '\r') {
      out += '\n';
      if (i + 1 < s.size() && s[i + 1] == '\n') ++i;
    } else if (c == '\f' || c == '\v') {
      out += '\n';  // page breaks from PDF extraction
    } else {
      out += c;
    }
  }
  return out;
}

}  // namespace

bool is_indexable_name(std::string_view file_name) {
  std::string lower = to_lower_latin(strip_gz(file_name));
  return ends_with(lower, ".txt") || ends_with(lower, ".md") || ends_with(lower, ".html") || ends_with(lower, ".htm");
}

DocumentText decode_document(std::string_view bytes, std::string_view name, const ReadLimits& limits) {
  std::string inflated;
  if (looks_gzipped(bytes)) {
    inflated = gunzip(bytes, limits.max_bytes);
    bytes = inflated;
  } else if (ends_with(name, ".gz")) {
    throw InputError("not gzip data although the name ends in .gz");
  }
  if (trim(bytes).empty()) throw InputError("empty file");
  if (looks_binary(bytes)) throw InputError("binary file, not text");

  DocumentText doc;
  std::string utf8;
  if (starts_with(bytes, "\xEF\xBB\xBF")) bytes.remove_prefix(3);
  if (is_valid_utf8(bytes)) {
    utf8.assign(bytes);
  } else {
    // Not UTF-8: Danish files of that kind are Windows-1252 or Latin-1,
    // and Windows-1252 decodes both.
    utf8 = cp1252_to_utf8(bytes);
    doc.encoding = SourceEncoding::cp1252;
  }
  utf8 = normalise_line_ends(utf8);
  if (has_html_extension(name) || looks_like_html(utf8)) {
    doc.was_html = true;
    doc.text = html_to_text(utf8);
    if (trim(doc.text).empty()) throw InputError("HTML page without text");
  } else {
    doc.text = std::move(utf8);
  }
  return doc;
}

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

DocumentText read_document(const std::string& path, const ReadLimits& limits) {
  return decode_document(read_file_bytes(path, limits), path, limits);
}

}  // namespace sagsoeg
