// The Danish wording of the errors the page shows (the API's "error" stays
// the English message that scripts and logs know).
#pragma once

#include <string>

namespace sagsoeg {

/// A Danish message for an HTTP status and the English error text.
std::string danish_error(int status, const std::string& english);

}  // namespace sagsoeg
