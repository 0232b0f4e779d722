// Dates as users type them, in one place for --from/--to, the HTTP from/to
// parameters and the query fields dato:/date:/år:/year:
//   2025-01-31, 20250131, 31-01-2025, 31.01.2025   a day
//   2025-01, 01-2025                               a month
//   2025                                           a year
//   A..B, A.., ..B                                 a range of any of these
#pragma once

#include <string>

namespace sagsoeg {

struct DateRange {
  std::string from = "00000000";  ///< YYYYMMDD, inclusive
  std::string to = "99999999";    ///< YYYYMMDD, inclusive
};

/// The days a date, month, year or range covers. Throws QueryError naming
/// `what` (e.g. "--from", "dato:") with the accepted forms.
DateRange parse_date_range(const std::string& text, const std::string& what);

/// The range of --from FROM --to TO (either may be empty); throws
/// QueryError when FROM is after TO.
DateRange date_filter_range(const std::string& from, const std::string& to, const std::string& from_name,
                            const std::string& to_name);

}  // namespace sagsoeg
