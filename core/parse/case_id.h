// Case identifiers as Danish case systems write them: a letter code and
// numbers joined by hyphens (EMN-2024-01240, MDR-2024-00044, MOD-2025-00107,
// longer forms such as SAG-2024-0001234 or ABC-2024-01240-03), and bare
// journal numbers (24077452).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace sagsoeg {

/// True if the whole of `s` is a case ID like EMN-2024-01240.
bool is_case_id(std::string_view s);

/// True if `s` is a journal number: 6 to 12 digits, optionally with a
/// single separator (24077452, 2024-012345, 24/01234).
bool is_journal_number(std::string_view s);

/// The digits of a journal number as people copy and type it -- 22-014567,
/// 22/014567, 22.014567, 22014567, and with a system's one-letter suffix
/// (20-001627K) -- or "" when `s` is none.
std::string journal_digits(std::string_view s);

/// The case ID or journal number a line states as the item's own:
/// "Sags ID: EMN-2024-01215", "Sagsnr.: 24077452", "EMN-2024-01240",
/// "12/27845"; "" if the line is anything else.
std::string case_id_in_line(std::string_view clean);

/// All case IDs in `text`, in order, as written (upper case).
std::vector<std::string> find_case_ids(std::string_view text);

}  // namespace sagsoeg
