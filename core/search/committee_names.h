// Committees that changed their name (data/committee_renamings.tsv): the
// same body under an old and a new name is one facet row, under the newer
// name, and a filter on either name finds the items of both.
#pragma once

#include <string>
#include <vector>

namespace sagsoeg {

/// The committee's newest name as printed ("Udvalget for det nære og
/// sammenhængende sundhedsvæsen" for "Udvalget for det nære
/// sundhedsvæsen"), or `name` itself. Case-insensitive.
std::string current_committee_name(const std::string& name);

/// Every name of the body that `name` is one name of, lower-cased (itself
/// included).
std::vector<std::string> committee_names_lower(const std::string& name);

}  // namespace sagsoeg
