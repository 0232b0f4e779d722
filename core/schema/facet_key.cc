#include "schema/facet_key.h"

#include "parse/decision_outcome.h"
#include "schema/topics.h"

namespace sagsoeg {

namespace {

constexpr char kSep = '\x1f';
const char* const kTypes[] = {"orientering", "beslutning", "drøftelse"};
const char* const kKinds[] = {"referat", "dagsorden", "aftale", "bilag"};

// A value of a closed vocabulary as its index (one or two digits), "" for none.
template <typename List>
std::string code_of(const std::string& value, const List& list) {
  for (size_t i = 0; i < list.size(); ++i)
    if (value == list[i]) return std::to_string(i);
  return value.empty() ? "" : "?";
}

template <typename List>
std::string value_of(const std::string& code, const List& list) {
  if (code.empty() || code[0] < '0' || code[0] > '9') return {};
  const size_t i = std::stoul(code);
  return i < list.size() ? std::string(list[i]) : std::string();
}

std::vector<std::string> topic_slugs() {
  std::vector<std::string> slugs;
  for (const Topic& t : TopicVocabulary::standard().topics()) slugs.push_back(t.slug);
  return slugs;
}

const std::vector<std::string>& types() {
  static const std::vector<std::string> v(std::begin(kTypes), std::end(kTypes));
  return v;
}
const std::vector<std::string>& kinds() {
  static const std::vector<std::string> v(std::begin(kKinds), std::end(kKinds));
  return v;
}
const std::vector<std::string>& topics() {
  static const std::vector<std::string> v = topic_slugs();
  return v;
}

void put(std::string& out, const std::string& s) {
  for (char c : s) out += c == kSep ? ' ' : c;
  out += kSep;
}

}  // namespace

std::string encode_facet_key(const FacetKeyValues& v) {
  std::string key;
  put(key, v.committee);
  put(key, v.year);
  put(key, code_of(v.type, types()));
  put(key, code_of(v.kind, kinds()));
  put(key, v.organisation);
  key += code_of(v.outcome, OutcomeRules::standard().outcomes());
  return key;
}

FacetKeyValues decode_facet_key(const std::string& key) {
  std::vector<std::string> f;
  size_t from = 0;
  for (size_t at = key.find(kSep); at != std::string::npos; at = key.find(kSep, from)) {
    f.push_back(key.substr(from, at - from));
    from = at + 1;
  }
  f.push_back(key.substr(from));
  f.resize(6);
  return {f[0],
          f[1],
          value_of(f[2], types()),
          value_of(f[3], kinds()),
          f[4],
          value_of(f[5], OutcomeRules::standard().outcomes())};
}

std::string encode_topic_codes(const std::vector<std::string>& slugs) {
  std::string codes;
  for (const std::string& slug : slugs) codes += (codes.empty() ? "" : ",") + code_of(slug, topics());
  return codes;
}

std::vector<std::string> decode_topic_codes(const std::string& codes) {
  std::vector<std::string> slugs;
  size_t a = 0;
  while (a < codes.size()) {
    const size_t b = std::min(codes.find(',', a), codes.size());
    std::string slug = value_of(codes.substr(a, b - a), topics());
    if (!slug.empty()) slugs.push_back(std::move(slug));
    a = b + 1;
  }
  return slugs;
}

}  // namespace sagsoeg
