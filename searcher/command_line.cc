#include "searcher/command_line.h"

#include "util/utf8.h"

namespace po = boost::program_options;

namespace sagsoeg {

std::vector<std::string> query_friendly_args(int argc, char** argv, const po::options_description& options) {
  std::vector<std::string> flags, words;
  bool after_dashes = false;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (after_dashes) {
      words.push_back(a);
      continue;
    }
    if (a == "--") {
      after_dashes = true;
      continue;
    }
    if (a.size() < 2 || a[0] != '-') {
      words.push_back(a);
      continue;
    }
    // A registered option: "--limit", "--limit=5", "-n".
    const bool long_form = a[1] == '-';
    std::string name = long_form ? a.substr(2) : a.substr(1);
    const size_t eq = name.find('=');
    if (eq != std::string::npos) name.resize(eq);
    const po::option_description* d =
        long_form ? options.find_nothrow(name, false) : options.find_nothrow("-" + name, false);
    if (!d && long_form)
      throw UnknownOption("unrecognised option '" + a + "' (a query word that starts with - goes after --)");
    if (!d || (!long_form && name.size() != 1)) {
      words.push_back(a);  // "-hospice", "-2024": a query word
      continue;
    }
    flags.push_back(a);
    if (eq == std::string::npos && d->semantic()->max_tokens() > 0 && i + 1 < argc) flags.push_back(argv[++i]);
  }
  std::vector<std::string> out{argc > 0 ? argv[0] : "searcher"};
  out.insert(out.end(), flags.begin(), flags.end());
  if (!words.empty()) {
    out.push_back("--");
    out.insert(out.end(), words.begin(), words.end());
  }
  return out;
}

std::string item_id_from_text(const std::string& text) {
  const std::string t(trim(text));
  const size_t p = t.rfind(" punkt ");
  if (p == std::string::npos) return t;
  return std::string(trim(t.substr(0, p))) + ":" + std::string(trim(t.substr(p + 7)));
}

}  // namespace sagsoeg
