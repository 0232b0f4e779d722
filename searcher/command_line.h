// The searcher's command line, made friendly to queries: "-hospice" in
// `searcher palliation -hospice` is the query's must-not word, not an
// unknown option.
#pragma once

#include <boost/program_options.hpp>
#include <stdexcept>
#include <string>
#include <vector>

namespace sagsoeg {

/// An unknown "--name": an error, not a query word (a script's misspelt
/// flag must not silently become a search).
struct UnknownOption : std::runtime_error {
  using std::runtime_error::runtime_error;
};

/// argv with every argument that is not one of `options` (and not the value
/// of one) moved behind a "--", so Boost reads it as a query word. Throws
/// UnknownOption for an unknown "--name".
std::vector<std::string> query_friendly_args(int argc, char** argv,
                                             const boost::program_options::options_description& options);

/// "FILE punkt 8" (as results print it) or "FILE:8" -> "FILE:8".
std::string item_id_from_text(const std::string& text);

}  // namespace sagsoeg
