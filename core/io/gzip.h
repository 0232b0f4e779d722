#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace sagsoeg {

/// True if the bytes start with the gzip magic number.
bool looks_gzipped(std::string_view bytes);

/// Inflates gzip data (several members allowed). Throws InputError when the
/// data is corrupt or truncated, or when the output would exceed `max_output`
/// bytes (a decompression bomb must not exhaust memory).
std::string gunzip(std::string_view compressed, size_t max_output);

/// Raw deflate of `data` with a preset dictionary: text that a short sample
/// of typical text (the dictionary) already holds costs a few bits, which
/// matters for the stored text of small agenda items.
std::string deflate_bytes(std::string_view data, std::string_view dictionary = {});
/// Reverses deflate_bytes() with the same dictionary; throws
/// std::runtime_error on corrupt data.
std::string inflate_bytes(std::string_view data, std::string_view dictionary = {});

}  // namespace sagsoeg
