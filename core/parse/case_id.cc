#include "parse/case_id.h"

#include <cctype>
#include <cstdlib>

#include "util/utf8.h"

namespace sagsoeg {

namespace {

bool is_ascii_upper(char c) {
  return c >= 'A' && c <= 'Z';
}
bool is_digit(char c) {
  return c >= '0' && c <= '9';
}
bool is_word_byte(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || static_cast<unsigned char>(c) >= 0x80;
}

// Length of an upper-case letter run at s[i] (ASCII plus Æ Ø Å as UTF-8).
size_t upper_run(std::string_view s, size_t i, size_t& letters) {
  size_t j = i;
  letters = 0;
  while (j < s.size()) {
    if (is_ascii_upper(s[j])) {
      ++j;
    } else if (j + 1 < s.size() && static_cast<unsigned char>(s[j]) == 0xC3 &&
               (static_cast<unsigned char>(s[j + 1]) == 0x86 || static_cast<unsigned char>(s[j + 1]) == 0x98 ||
                static_cast<unsigned char>(s[j + 1]) == 0x85)) {
      j += 2;
    } else {
      break;
    }
    ++letters;
  }
  return j - i;
}

// If a case ID starts at s[i], returns its length, else 0.
size_t match_case_id(std::string_view s, size_t i) {
  size_t letters = 0;
  size_t j = i + upper_run(s, i, letters);
  if (letters < 2 || letters > 6) return 0;
  int groups = 0;
  size_t first_group_digits = 0;
  while (j + 1 < s.size() && s[j] == '-' && is_digit(s[j + 1])) {
    size_t k = j + 1;
    while (k < s.size() && is_digit(s[k])) ++k;
    const size_t digits = k - j - 1;
    if (digits > 8) return 0;
    if (groups == 0) first_group_digits = digits;
    ++groups;
    j = k;
    if (groups == 4) break;
  }
  if (groups < 2 || first_group_digits < 2) return 0;
  if (j < s.size() && (is_word_byte(s[j]))) return 0;
  return j - i;
}

}  // namespace

bool is_case_id(std::string_view s) {
  return !s.empty() && match_case_id(s, 0) == s.size();
}

static bool looks_like_year(std::string_view digits) {
  if (digits.size() != 4) return false;
  const int y = std::atoi(std::string(digits).c_str());
  return y >= 1900 && y <= 2100;
}

std::string journal_digits(std::string_view s) {
  if (!s.empty() && std::isalpha(static_cast<unsigned char>(s.back())) && s.size() > 1 && is_digit(s[s.size() - 2]))
    s.remove_suffix(1);  // 20-001627K
  if (!is_journal_number(s)) return {};
  std::string digits;
  for (char c : s)
    if (is_digit(c)) digits += c;
  return digits;
}

bool is_journal_number(std::string_view s) {
  // With a separator the second group must have 5+ digits: "2024-012345" is
  // a journal number, "2024-2027" a range of years -- or 4 digits after a
  // year that are no year themselves: "2010-3082".
  const size_t dash = s.find('-');
  if (dash == 4 && s.size() == 9 && looks_like_year(s.substr(0, 4)) && !looks_like_year(s.substr(5)) &&
      s.substr(5).find_first_not_of("0123456789") == std::string_view::npos)
    return true;
  size_t digits = 0, seps = 0, after_sep = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    if (is_digit(s[i])) {
      ++digits;
      if (seps) ++after_sep;
    } else if ((s[i] == '-' || s[i] == '/' || s[i] == '.') && i > 0 && i + 1 < s.size() && is_digit(s[i - 1]) &&
               is_digit(s[i + 1])) {
      ++seps;
    } else {
      return false;
    }
  }
  return digits >= 6 && digits <= 12 && (seps == 0 || (seps == 1 && after_sep >= 5));
}

std::vector<std::string> find_case_ids(std::string_view text) {
  std::vector<std::string> ids;
  for (size_t i = 0; i < text.size(); ++i) {
    if (!is_ascii_upper(text[i]) && static_cast<unsigned char>(text[i]) != 0xC3) continue;
    if (i > 0 && is_word_byte(text[i - 1])) continue;
    const size_t len = match_case_id(text, i);
    if (len) {
      ids.emplace_back(text.substr(i, len));
      i += len - 1;
    }
  }
  return ids;
}

// "24/1001", "24/12345-3": the year and running number ESDH systems print
// under an item's heading ("12/2025" reads as a month and is not one).
bool is_short_case_number(std::string_view s) {
  if (s.size() < 6 || s.size() > 14 || !is_digit(s[0]) || !is_digit(s[1]) || s[2] != '/') return false;
  size_t i = 3;
  while (i < s.size() && is_digit(s[i])) ++i;
  const size_t running = i - 3;
  if (running < 3 || running > 6) return false;
  if (i < s.size()) {
    if (s[i] != '-' || i + 1 == s.size()) return false;
    for (size_t j = i + 1; j < s.size(); ++j)
      if (!is_digit(s[j])) return false;
  }
  const int first = (s[0] - '0') * 10 + (s[1] - '0');
  const bool month_year =
      first >= 1 && first <= 12 && running == 4 && (s.compare(3, 2, "19") == 0 || s.compare(3, 2, "20") == 0);
  return !month_year;
}

// "Sags ID: EMN-2024-01215", "Sagsnr.: 24077452", "EMN-2024-01240" -> the ID.
std::string case_id_in_line(std::string_view clean) {
  std::string_view s = clean;
  static const char* const labels[] = {"sags id",       "sagsid",  "sags-id", "sagsnr.",    "sagsnr",
                                       "sagsnummer",    "j.nr.",   "j. nr.",  "jnr.",       "journalnr.",
                                       "journalnummer", "sag nr.", "sag:",    "acadre sag", "esdh-sagsnr."};
  const std::string lower = to_lower_latin(s.substr(0, std::min<size_t>(s.size(), 16)));
  bool labelled = false;
  for (const char* label : labels) {
    if (starts_with(lower, label)) {
      s.remove_prefix(std::string_view(label).size());
      while (!s.empty() && (s.front() == ':' || s.front() == ' ')) s.remove_prefix(1);
      labelled = true;
      break;
    }
  }
  s = trim(s);
  if (is_case_id(s) || is_journal_number(s) || is_short_case_number(s) || !journal_digits(s).empty())
    return std::string(s);
  // After an explicit label, any case-number shape the ESDH systems use:
  // "24/1234", "00.01.00-G01-1-24", "2024-0012".
  if (labelled && s.size() >= 4 && s.size() <= 40) {
    size_t digits = 0;
    for (char ch : s) {
      if (is_digit(ch)) {
        ++digits;
      } else if (!(std::isalpha(static_cast<unsigned char>(ch)) || ch == '/' || ch == '-' || ch == '.')) {
        return {};
      }
    }
    if (digits >= 4) return std::string(s);
  }
  return {};
}

}  // namespace sagsoeg
