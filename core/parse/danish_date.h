// Dates as Danish documents write them: 31-01-2025, 31.01.2025, 15-04-24,
// 2025-01-31, "20. maj 2025", "D. 13. juni 2022", "1. jan. 2024".
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace sagsoeg {

struct FoundDate {
  size_t pos = 0;     ///< byte offset in the searched text
  size_t length = 0;  ///< bytes matched
  std::string iso;    ///< YYYY-MM-DD
};

/// All valid dates in `text`, in order. Two-digit years are read as 20YY.
std::vector<FoundDate> find_dates(std::string_view text);

/// The date if `text` begins with one (after optional spaces), else "".
std::string parse_date_prefix(std::string_view text);

/// A stated date and time as a sortable timestamp: "2012-09-25T14:07:07"
/// from "25-09-2012 14:07:07", "2025-03-04T15:00:00" or "4. marts 2025 kl.
/// 16.00" (midnight without a time); "" without a date.
std::string sortable_time(std::string_view stated);

/// True for a real calendar date (leap years included), years 1900-2199.
bool valid_date(int year, int month, int day);

/// Month number for a Danish month name or abbreviation (lower case), or 0.
int danish_month(std::string_view name);

}  // namespace sagsoeg
