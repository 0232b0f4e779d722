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

std::string deflate_bytes(std::string_view data, std::string_view dictionary) {
  z_stream z{};
  if (deflateInit2(&z, Z_DEFAULT_COMPRESSION, Z_DEFLATED, -MAX_WBITS, 9, Z_DEFAULT_STRATEGY) != Z_OK)
    throw std::runtime_error("zlib deflateInit failed");
  if (!dictionary.empty())
    deflateSetDictionary(&z, reinterpret_cast<const Bytef*>(dictionary.data()), static_cast<uInt>(dictionary.size()));
  std::string out(deflateBound(&z, static_cast<uLong>(data.size())), '\0');
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  z.avail_in = static_cast<uInt>(data.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(out.size());
  const int status = deflate(&z, Z_FINISH);
  out.resize(z.total_out);
  deflateEnd(&z);
  if (status != Z_STREAM_END) throw std::runtime_error("zlib compress failed");
  return out;
}

namespace {

// One inflate stream per thread, reset for each call: initialising a stream
// (and its 32 KB window) for every stored item cost more than inflating it.
struct InflateStream {
  z_stream z{};
  bool ready = false;
  ~InflateStream() {
    if (ready) inflateEnd(&z);
  }
};

}  // namespace

std::string inflate_bytes(std::string_view data, std::string_view dictionary) {
  thread_local InflateStream stream;
  z_stream& z = stream.z;
  if (!stream.ready) {
    if (inflateInit2(&z, -MAX_WBITS) != Z_OK) throw std::runtime_error("zlib inflateInit failed");
    stream.ready = true;
  } else {
    inflateReset(&z);
  }
  if (!dictionary.empty())
    inflateSetDictionary(&z, reinterpret_cast<const Bytef*>(dictionary.data()), static_cast<uInt>(dictionary.size()));
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  z.avail_in = static_cast<uInt>(data.size());
  std::string out;
  out.resize(data.size() * 3 + 64);
  size_t produced = 0;
  int status = Z_OK;
  for (;;) {
    z.next_out = reinterpret_cast<Bytef*>(&out[produced]);
    z.avail_out = static_cast<uInt>(out.size() - produced);
    status = inflate(&z, Z_NO_FLUSH);
    produced = out.size() - z.avail_out;
    if (status != Z_OK) break;
    if (z.avail_out == 0)
      out.resize(out.size() * 2);
    else if (z.avail_in == 0)
      break;
  }
  if (status != Z_STREAM_END) throw std::runtime_error("corrupt stored text");
  out.resize(produced);
  return out;
}

}  // namespace sagsoeg
