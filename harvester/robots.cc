#include "harvester/robots.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>

namespace sagsoeg::harvest {

namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return std::tolower(c); });
  return out;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

// A robots.txt pattern: * matches any run, a final $ anchors the end.
bool matches(std::string_view pattern, std::string_view path) {
  const bool anchored = !pattern.empty() && pattern.back() == '$';
  if (anchored) pattern.remove_suffix(1);
  // Greedy-free wildcard match with backtracking on the last star.
  size_t p = 0, s = 0, star = std::string_view::npos, mark = 0;
  while (s < path.size()) {
    if (p < pattern.size() && pattern[p] == '*') {
      star = p++;
      mark = s;
    } else if (p < pattern.size() && pattern[p] == path[s]) {
      ++p;
      ++s;
    } else if (p == pattern.size() && !anchored) {
      return true;  // a prefix match
    } else if (star != std::string_view::npos) {
      p = star + 1;
      s = ++mark;
    } else {
      return false;
    }
  }
  while (p < pattern.size() && pattern[p] == '*') ++p;
  return p == pattern.size();
}

}  // namespace

RobotsRules RobotsRules::allow_all() {
  return {};
}

RobotsRules RobotsRules::disallow_all() {
  RobotsRules r;
  r.rules_.push_back({false, "/"});
  return r;
}

RobotsRules RobotsRules::parse(std::string_view text, std::string_view agent) {
  // Groups: consecutive User-agent lines, then their rules.
  struct Group {
    std::vector<std::string> agents;
    std::vector<Rule> rules;
    double delay = 0;
  };
  std::vector<Group> groups;
  bool in_agents = false;
  size_t pos = 0;
  while (pos <= text.size()) {
    size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(pos, end - pos);
    pos = end + 1;
    if (const size_t hash = line.find('#'); hash != std::string_view::npos) line = line.substr(0, hash);
    const size_t colon = line.find(':');
    if (colon == std::string_view::npos) continue;
    const std::string key = lower(trim(line.substr(0, colon)));
    const std::string_view value = trim(line.substr(colon + 1));
    if (key == "user-agent") {
      if (!in_agents) groups.emplace_back();
      groups.back().agents.push_back(lower(value));
      in_agents = true;
      continue;
    }
    in_agents = false;
    if (groups.empty()) continue;
    if (key == "allow" || key == "disallow") {
      if (!value.empty()) groups.back().rules.push_back({key == "allow", std::string(value)});
    } else if (key == "crawl-delay") {
      groups.back().delay = std::atof(std::string(value).c_str());
    }
  }
  const std::string me = lower(agent);
  const Group* chosen = nullptr;
  for (const Group& g : groups)
    for (const std::string& a : g.agents)
      if (a != "*" && me.find(a) != std::string::npos) chosen = &g;
  if (!chosen)
    for (const Group& g : groups)
      if (std::find(g.agents.begin(), g.agents.end(), "*") != g.agents.end()) chosen = &g;
  RobotsRules r;
  if (chosen) {
    r.rules_ = chosen->rules;
    r.crawl_delay_ = chosen->delay;
  }
  return r;
}

bool RobotsRules::allowed(std::string_view path) const {
  size_t best = 0;
  bool allow = true;
  for (const Rule& rule : rules_) {
    if (!matches(rule.pattern, path)) continue;
    // The longest rule wins; at equal length, Allow.
    if (rule.pattern.size() > best || (rule.pattern.size() == best && rule.allow)) {
      best = rule.pattern.size();
      allow = rule.allow;
    }
  }
  return allow;
}

}  // namespace sagsoeg::harvest
