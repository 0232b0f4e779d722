// robots.txt (RFC 9309) for one host: the group for our agent, else "*";
// the longest matching Allow or Disallow rule decides; Crawl-delay is kept.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace sagsoeg::harvest {

class RobotsRules {
 public:
  /// `text` of the host's robots.txt, read for the agent token `agent`
  /// ("sagsoeg-harvester").
  static RobotsRules parse(std::string_view text, std::string_view agent);
  /// Everything allowed (no robots.txt: 4xx) or nothing (5xx: RFC 9309 says
  /// assume complete disallow).
  static RobotsRules allow_all();
  static RobotsRules disallow_all();

  /// `path` with its query ("/api/agenda/udvalgsliste").
  bool allowed(std::string_view path) const;
  double crawl_delay() const { return crawl_delay_; }

 private:
  struct Rule {
    bool allow;
    std::string pattern;  ///< may hold * and end with $
  };
  std::vector<Rule> rules_;
  double crawl_delay_ = 0;
};

}  // namespace sagsoeg::harvest
