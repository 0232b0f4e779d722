#include "store/pipeline_compat.h"

#include <map>
#include <utility>

namespace sagsoeg {

namespace {

// "a;b=c;xapian-1.4.22;compounds=D.P" -> {name: a, b: c, xapian: 1.4, dictionary: D, compound parts: P}
std::map<std::string, std::string> parts_of(const std::string& signature, bool with_compounds) {
  std::map<std::string, std::string> parts;
  size_t start = 0;
  bool first = true;
  while (start <= signature.size()) {
    size_t end = signature.find(';', start);
    if (end == std::string::npos) end = signature.size();
    const std::string part = signature.substr(start, end - start);
    start = end + 1;
    if (part.empty()) continue;
    if (first) {
      parts["text pipeline"] = part;
      first = false;
    } else if (part.rfind("xapian-", 0) == 0) {
      // The release series (1.4): patch releases keep terms and ranking.
      std::string v = part.substr(7);
      const size_t dot = v.find('.');
      const size_t second = dot == std::string::npos ? dot : v.find('.', dot + 1);
      parts["Xapian series"] = v.substr(0, second);
    } else {
      const size_t eq = part.find('=');
      const std::string key = part.substr(0, eq), value = eq == std::string::npos ? "" : part.substr(eq + 1);
      if (key == "compounds") {
        if (!with_compounds) continue;
        const size_t dot = value.find('.');
        parts["Danish dictionary (hunspell-da)"] = value.substr(0, dot);
        parts["compound parts (data/)"] = dot == std::string::npos ? "" : value.substr(dot + 1);
      } else {
        static const std::map<std::string, std::string> names = {{"stop", "stop words (stopwords/)"},
                                                                 {"overrides", "stemmer overrides (data/)"},
                                                                 {"topics", "topic vocabulary (data/)"},
                                                                 {"schema", "database schema"},
                                                                 {"stemmer", "stemmer"}};
        const auto it = names.find(key);
        parts[it == names.end() ? key : it->second] = value;
      }
    }
  }
  return parts;
}

}  // namespace

std::string PipelineComparison::describe() const {
  std::string out;
  for (const std::string& b : breaking) out += (out.empty() ? "" : "; ") + b;
  return out;
}

PipelineComparison compare_pipelines(const std::string& have, const std::string& want, bool with_compounds) {
  PipelineComparison out;
  const auto old_parts = parts_of(have, with_compounds), new_parts = parts_of(want, with_compounds);
  auto value = [](const std::map<std::string, std::string>& m, const std::string& key) {
    const auto it = m.find(key);
    return it == m.end() ? std::string("(none)") : it->second;
  };
  std::map<std::string, int> keys;
  for (const auto& [k, v] : old_parts) keys[k] = 1;
  for (const auto& [k, v] : new_parts) keys[k] = 1;
  for (const auto& [key, unused] : keys) {
    const std::string was = value(old_parts, key), now = value(new_parts, key);
    if (was == now) continue;
    const std::string change = key + " (" + was + " in the database, " + now + " in this build)";
    if (key == "Danish dictionary (hunspell-da)") {
      out.notes.push_back(change);
    } else {
      out.breaking.push_back(change);
    }
  }
  return out;
}

}  // namespace sagsoeg
