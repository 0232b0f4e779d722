#include "search/committee_names.h"

#include <map>

#include "text/embedded_data.h"
#include "util/utf8.h"

namespace sagsoeg {

namespace {

struct Renamings {
  std::map<std::string, std::string> newer;  ///< lower-case old name -> new name as printed
};

const Renamings& renamings() {
  static const Renamings r = [] {
    Renamings out;
    for (std::string_view line : split_lines(kCommitteeRenamingsText)) {
      if (trim(line).empty() || trim(line)[0] == '#') continue;
      const size_t tab = line.find('\t');
      if (tab == std::string_view::npos) continue;
      out.newer[to_lower_latin(trim(line.substr(0, tab)))] = std::string(trim(line.substr(tab + 1)));
    }
    return out;
  }();
  return r;
}

}  // namespace

std::string current_committee_name(const std::string& name) {
  std::string current = name;
  // A chain of renamings, followed a bounded number of steps (a cycle in
  // the data file must not hang a search).
  for (int step = 0; step < 8; ++step) {
    const auto it = renamings().newer.find(to_lower_latin(current));
    if (it == renamings().newer.end()) break;
    current = it->second;
  }
  return current;
}

std::vector<std::string> committee_names_lower(const std::string& name) {
  const std::string current = to_lower_latin(current_committee_name(name));
  std::vector<std::string> names{current};
  for (const auto& [old_name, newer] : renamings().newer)
    if (old_name != current && to_lower_latin(current_committee_name(newer)) == current) names.push_back(old_name);
  return names;
}

}  // namespace sagsoeg
