#include "search/search_request.h"

#include "util/utf8.h"

namespace sagsoeg {

namespace {

// `several`: a filter's values, one per line (kFilterValueSeparator).
void check_text(const std::string& value, const char* name, bool several) {
  if (!is_valid_utf8(value)) throw QueryError(std::string(name) + ": not valid UTF-8 text");
  for (unsigned char c : value)
    if (c < 0x20 && c != '\t' && !(several && c == kFilterValueSeparator))
      throw QueryError(std::string(name) + ": control characters are not allowed");
}

}  // namespace

size_t parse_count(const std::string& text, const std::string& name, size_t max) {
  const std::string t(trim(text));
  if (t.empty() || t.size() > 9 || t.find_first_not_of("0123456789") != std::string::npos)
    throw QueryError(name + " must be a whole number from 0 to " + std::to_string(max) + " (got '" + text + "')");
  const size_t n = std::stoul(t);
  if (n > max) throw QueryError(name + " must be at most " + std::to_string(max) + " (got " + t + ")");
  return n;
}

void validate_request(const SearchRequest& r) {
  const std::pair<const std::string*, const char*> fields[] = {
      {&r.query, "query"},     {&r.from, "from"},   {&r.to, "to"},     {&r.committee, "committee"},
      {&r.case_id, "case"},    {&r.topic, "topic"}, {&r.type, "type"}, {&r.organisation, "organisation"},
      {&r.outcome, "outcome"}, {&r.kind, "kind"}};
  for (const auto& [value, name] : fields)
    check_text(*value, name, value != &r.query && value != &r.from && value != &r.to);
  if (r.limit > kMaxLimit) throw QueryError("limit must be at most " + std::to_string(kMaxLimit));
  if (r.offset > kMaxOffset) throw QueryError("offset must be at most " + std::to_string(kMaxOffset));
  int depth = 0, deepest = 0;
  for (char c : r.query) {
    if (c == '(') deepest = std::max(deepest, ++depth);
    if (c == ')') --depth;
  }
  if (deepest > kMaxNesting)
    throw QueryError("the query nests parentheses " + std::to_string(deepest) + " deep; at most " +
                     std::to_string(kMaxNesting) + " levels");
  if (r.query.size() > kMaxQueryBytes)
    throw QueryError("the query is longer than " + std::to_string(kMaxQueryBytes) + " bytes");
  // Wildcards: each expands to many terms; "s*" to thousands.
  int wildcards = 0;
  for (size_t i = 0; i < r.query.size(); ++i) {
    if (r.query[i] != '*') continue;
    ++wildcards;
    size_t b = i;
    while (b > 0 && r.query[b - 1] != ' ' && r.query[b - 1] != '(' && r.query[b - 1] != ':' && r.query[b - 1] != '"' &&
           r.query[b - 1] != '+' && r.query[b - 1] != '-')
      --b;
    size_t letters = 0;
    for (size_t pos = b; pos < i;) {
      next_code_point(r.query, pos);
      ++letters;
    }
    if (letters < 2)
      throw QueryError("a wildcard needs at least 2 letters before the * ('" + r.query.substr(b, i - b + 1) + "')");
  }
  if (wildcards > kMaxWildcards)
    throw QueryError("at most " + std::to_string(kMaxWildcards) + " wildcards (*) in one query");
}

}  // namespace sagsoeg
