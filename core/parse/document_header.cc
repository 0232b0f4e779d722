#include "parse/document_header.h"

#include <map>

#include "parse/danish_date.h"
#include "util/utf8.h"

namespace sagsoeg {

namespace {

// Header lines longer than this are prose (or an attack), not a title.
constexpr size_t kMaxHeaderLine = 300;

std::string capitalise(std::string_view s) {
  std::string out(trim(s));
  if (!out.empty() && out[0] >= 'a' && out[0] <= 'z') out[0] = static_cast<char>(out[0] - 32);
  return out;
}

// The date in `rest` after an optional "den"/"d."/weekday: "den 31-01-2025 11:00",
// "d. 12. marts 2025 kl. 16.00", "tirsdag d. 4. marts 2025".
std::string date_after(std::string_view rest) {
  const std::vector<FoundDate> dates = find_dates(rest.substr(0, 80));
  return dates.empty() ? std::string() : dates.front().iso;
}

const char* kind_of_word(std::string_view w) {
  if (w == "referat" || w == "mødereferat" || w == "beslutningsprotokol" || w == "beslutninger") return "referat";
  if (w == "dagsorden" || w == "mødesager" || w == "mødeindkaldelse") return "dagsorden";
  return nullptr;
}

// "Referat fra møde i X den 31-01-2025 11:00" and the agenda equivalent;
// "REFERAT X d. 31-01-2025" (PDF prints).
bool read_meeting_line(std::string_view clean, const std::string& lower, DocumentMeta& meta) {
  size_t word_end = lower.find(' ');
  if (word_end == std::string::npos) return false;
  const char* kind = kind_of_word(std::string_view(lower).substr(0, word_end));
  if (!kind) return false;
  size_t i = word_end + 1;
  for (const char* filler : {"fra ", "for ", "til ", "af "})
    if (lower.compare(i, std::string_view(filler).size(), filler) == 0) i += std::string_view(filler).size();
  for (const char* meeting : {"ekstraordinært møde i ", "ordinært møde i ", "mødet i ", "møde i "})
    if (lower.compare(i, std::string_view(meeting).size(), meeting) == 0) {
      i += std::string_view(meeting).size();
      break;
    }
  size_t den = std::string::npos;
  for (const char* marker : {" den ", " d. "}) den = std::min(den, lower.find(marker, i));
  if (den == std::string::npos || den <= i) return false;
  const std::string date = date_after(std::string_view(lower).substr(den));
  if (date.empty()) return false;
  meta.kind = kind;
  meta.committee = capitalise(clean.substr(i, den - i));
  meta.date = date;
  return true;
}

// "Udvalget for ... - mødesager", "Byrådet - Dagsorden - 12. marts 2025 kl. 16:00",
// "Regionsrådet - referat".
bool read_page_title(std::string_view clean, const std::string& lower, DocumentMeta& meta) {
  for (const char* dash : {" - ", " \xE2\x80\x93 ", " \xE2\x80\x94 ", ": "}) {
    const std::string_view d(dash);
    size_t at = lower.find(d);
    while (at != std::string::npos) {
      std::string_view after = std::string_view(lower).substr(at + d.size());
      size_t word_end = 0;
      while (word_end < after.size() && after[word_end] != ' ') ++word_end;
      const char* kind = kind_of_word(after.substr(0, word_end));
      if (kind && at > 0) {
        meta.committee = capitalise(clean.substr(0, at));
        meta.kind = kind;
        const std::string date = date_after(after.substr(word_end));
        if (!date.empty()) meta.date = date;
        return true;
      }
      at = lower.find(d, at + d.size());
    }
  }
  return false;
}

// "Referat 12. marts 2025 kl. 16.00" (FirstAgenda pages): kind and date;
// the committee stands in an element of its own nearby.
bool read_kind_and_date(const std::string& lower, DocumentMeta& meta) {
  const size_t word_end = lower.find(' ');
  if (word_end == std::string::npos) return false;
  const char* kind = kind_of_word(std::string_view(lower).substr(0, word_end));
  if (!kind) return false;
  std::string_view rest = std::string_view(lower).substr(word_end + 1);
  if (starts_with(rest, "den ")) rest.remove_prefix(4);
  if (starts_with(rest, "d. ")) rest.remove_prefix(3);
  const std::string date = parse_date_prefix(rest);
  if (date.empty()) return false;
  meta.kind = kind;
  meta.date = date;
  return true;
}

// "Referat" or "Dagsorden" on a line of its own (eDoc prints), the
// committee on a line near it.
bool read_kind_alone(const std::string& lower, DocumentMeta& meta) {
  const std::string_view w = trim(lower);
  if (w == "referat" || w == "mødereferat" || w == "beslutningsprotokol" || w == "åbent referat")
    meta.kind = "referat";
  else if (w == "dagsorden" || w == "åben dagsorden")
    meta.kind = "dagsorden";
  else
    return false;
  return true;
}

// "Aftale mellem regeringen, Danske Regioner og KL om ..." / "Aftale om ...".
bool read_agreement_title(std::string_view clean, const std::string& lower, DocumentMeta& meta) {
  if (!starts_with(lower, "aftale ") && !starts_with(lower, "økonomiaftale") && !starts_with(lower, "rammeaftale"))
    return false;
  meta.kind = "aftale";
  const size_t between = lower.find("mellem ");
  if (between != std::string::npos) {
    const size_t about = lower.find(" om ", between);
    meta.organisation = capitalise(
        clean.substr(between + 7, about == std::string::npos ? std::string_view::npos : about - between - 7));
  }
  return true;
}

// "Udvalg: Byrådet", "Mødedato: tirsdag d. 4. marts 2025 kl. 16:00",
// "Mødedato onsdag d. 5. marts 2025".
void read_labelled_field(std::string_view clean, const std::string& lower, DocumentMeta& meta) {
  auto value_after = [&](std::string_view label) -> std::string_view {
    if (!starts_with(lower, label)) return {};
    std::string_view v = clean.substr(label.size());
    while (!v.empty() && (v.front() == ':' || v.front() == ' ')) v.remove_prefix(1);
    return trim(v);
  };
  for (const char* label : {"udvalg", "forum", "organ"}) {
    const std::string_view v = value_after(label);
    if (!v.empty() && meta.committee.empty() && lower.size() > std::string_view(label).size() &&
        lower[std::string_view(label).size()] == ':')
      meta.committee = std::string(v);
  }
  for (const char* label : {"mødedato", "mødetidspunkt", "dato"}) {
    const std::string_view v = value_after(label);
    if (!v.empty() && meta.date.empty()) meta.date = date_after(v);
  }
}

// Committee names end in words like these: a heading next to "Referat
// <date>" that ends so is the committee.
bool names_a_committee(const std::string& lower) {
  for (const char* w : {"udvalget", "udvalg", "rådet", "råd", "bestyrelsen", "bestyrelse", "nævnet", "forum",
                        "komitéen", "forsamlingen"})
    if (ends_with(lower, w) || lower.find(std::string(w) + " ") != std::string::npos) return true;
  return false;
}

// The meeting date named in the items: "Sagen forelægges udvalget ... den 20. maj 2025".
std::string meeting_date_from_phrases(const Lines& lines, const std::vector<bool>& readable) {
  std::map<std::string, int> votes;
  for (size_t i = 0; i < lines.size(); ++i) {
    if (!readable[i]) continue;
    const std::string lower = to_lower_latin(lines[i].clean());
    const size_t p = lower.find("forelægges");
    if (p == std::string::npos) continue;
    for (const FoundDate& d : find_dates(std::string_view(lower).substr(p, 300)))
      if (d.pos < 200) {
        ++votes[d.iso];
        break;
      }
  }
  std::string best;
  int best_votes = 0;
  for (const auto& [date, n] : votes)
    if (n > best_votes) best = date, best_votes = n;
  return best;
}

}  // namespace

void read_document_header(const Lines& lines, size_t header_end, DocumentMeta& meta) {
  const size_t limit = std::min(header_end, lines.size());
  bool found_title = false;
  size_t title_line = 0;
  bool kind_alone = false;  // "Referat" on its own line: a weaker title, used when no other comes
  size_t kind_line = 0;
  for (size_t i = 0; i < limit && i < 160; ++i) {
    const std::string_view c = lines[i].clean();
    if (c.empty() || c.size() > kMaxHeaderLine) continue;
    const std::string lower = to_lower_latin(c);
    read_labelled_field(c, lower, meta);
    if (!found_title && (read_meeting_line(c, lower, meta) || read_page_title(c, lower, meta) ||
                         read_agreement_title(c, lower, meta) || read_kind_and_date(lower, meta))) {
      found_title = true;
      title_line = i;
      continue;
    }
    if (!found_title && !kind_alone) {
      DocumentMeta alone;
      if (read_kind_alone(lower, alone)) {
        kind_alone = true;
        kind_line = i;
        if (meta.kind.empty()) meta.kind = alone.kind;
        continue;
      }
    }
    // A dated line under an agreement's title: "D. 13. juni 2022".
    if (found_title && meta.date.empty() && c.size() < 40) {
      std::string_view rest = c;
      if (starts_with(lower, "d. ")) rest.remove_prefix(3);
      if (starts_with(lower, "den ")) rest.remove_prefix(4);
      meta.date = parse_date_prefix(rest);
    }
  }
  if (!found_title && kind_alone) {
    found_title = true;
    title_line = kind_line;
  }
  // The committee in its own element next to "Referat <date>".
  if (found_title && meta.committee.empty() && meta.kind != "aftale") {
    for (size_t d = 1; d <= 4 && meta.committee.empty(); ++d) {
      for (size_t i : {title_line - std::min(title_line, d), title_line + d}) {
        if (i >= limit || i == title_line) continue;
        const std::string_view c = lines[i].clean();
        if (c.empty() || c.size() > 120) continue;
        if (names_a_committee(to_lower_latin(c))) {
          meta.committee = capitalise(c);
          break;
        }
      }
    }
  }
}

void read_meeting_date_phrases(const Lines& lines, const std::vector<bool>& readable, DocumentMeta& meta) {
  if (meta.date.empty() && meta.kind != "aftale") meta.date = meeting_date_from_phrases(lines, readable);
}

}  // namespace sagsoeg
