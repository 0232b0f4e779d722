// The query string of a request target, read by the standard: parameters
// split on '&', name and value on the FIRST '=' (so q=a=b searches "a=b"),
// '+' as a space, %XX decoded. Bytes are returned as sent; validation (UTF-8,
// control characters) is the search request's.
#pragma once

#include <map>
#include <string>
#include <vector>

namespace sagsoeg {

class QueryString {
 public:
  /// From a request target such as "/api/search?q=a%3Db&limit=5".
  static QueryString from_target(const std::string& target);

  bool has(const std::string& name) const { return params_.count(name) != 0; }
  /// The first value of `name`, or "".
  std::string get(const std::string& name) const;
  /// Every value of `name`, in the order sent.
  std::vector<std::string> get_all(const std::string& name) const;
  /// The query string itself (after '?'), as sent.
  const std::string& raw() const { return raw_; }

 private:
  std::multimap<std::string, std::string> params_;
  std::string raw_;
};

/// %XX and '+' decoded (`plus_is_space` for query strings, not paths).
std::string percent_decode(const std::string& s, bool plus_is_space);
/// Unreserved characters kept, every other byte as %XX.
std::string percent_encode(const std::string& s);

}  // namespace sagsoeg
