#include "io/gzip.h"

#include <zlib.h>

#include <stdexcept>

#include "io/input_error.h"

namespace sagsoeg {

bool looks_gzipped(std::string_view bytes) {
  return bytes.size() >= 2 && static_cast<unsigned char>(bytes[0]) == 0x1f &&
         static_cast<unsigned char>(bytes[1]) == 0x8b;
}

namespace {

// Runs inflate over `in` with the given window bits, appending to `out`.
// Returns Z_STREAM_END when a whole stream was consumed; throws on errors.
std::string inflate_all(std::string_view in, int window_bits, size_t max_output, bool gzip) {
  z_stream zs{};
  if (inflateInit2(&zs, window_bits) != Z_OK) throw std::runtime_error("zlib init failed");
  std::string out;
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
  zs.avail_in = static_cast<uInt>(in.size());
  char buf[65536];
  int rc = Z_OK;
  for (;;) {
    zs.next_out = reinterpret_cast<Bytef*>(buf);
    zs.avail_out = sizeof buf;
    rc = inflate(&zs, Z_NO_FLUSH);
    const size_t produced = sizeof buf - zs.avail_out;
    if (out.size() + produced > max_output) {
      inflateEnd(&zs);
      throw InputError("gzip data expands beyond the size limit of " + std::to_string(max_output / (1024 * 1024)) +
                       " MB");
    }
    out.append(buf, produced);
    if (rc == Z_STREAM_END) {
      // Concatenated gzip members are legal: restart on what is left.
      if (gzip && zs.avail_in > 0 &&
          looks_gzipped(std::string_view(reinterpret_cast<const char*>(zs.next_in), zs.avail_in))) {
        inflateReset(&zs);
        continue;
      }
      break;
    }
    if (rc == Z_OK) continue;
    if (rc == Z_BUF_ERROR && zs.avail_in == 0) {
      inflateEnd(&zs);
      throw InputError(gzip ? "truncated gzip data" : "truncated compressed data");
    }
    inflateEnd(&zs);
    throw InputError(std::string(gzip ? "corrupt gzip data" : "corrupt compressed data") +
                     (zs.msg ? std::string(": ") + zs.msg : std::string()));
  }
  inflateEnd(&zs);
  return out;
}

}  // namespace

std::string gunzip(std::string_view compressed, size_t max_output) {
  return inflate_all(compressed, 16 + MAX_WBITS, max_output, true);
}

std::string deflate_bytes(std::string_view data) {
  uLongf bound = compressBound(static_cast<uLong>(data.size()));
  std::string out(bound, '\0');
  if (compress2(reinterpret_cast<Bytef*>(out.data()), &bound, reinterpret_cast<const Bytef*>(data.data()),
                static_cast<uLong>(data.size()), Z_BEST_COMPRESSION) != Z_OK)
    throw std::runtime_error("zlib compress failed");
  out.resize(bound);
  return out;
}

std::string inflate_bytes(std::string_view data) {
  try {
    return inflate_all(data, MAX_WBITS, size_t(1) << 31, false);
  } catch (const InputError& e) {
    throw std::runtime_error(e.what());
  }
}

}  // namespace sagsoeg
