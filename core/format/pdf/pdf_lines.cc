#include "format/pdf/pdf_lines.h"

#include <algorithm>
#include <cmath>

#include "parse/access_markers.h"
#include "util/utf8.h"

namespace sagsoeg::pdf {

namespace {

double height_of(const Word& w) {
  return std::max(1.0, w.bottom - w.top);
}

size_t letters_in(const std::string& s) {
  size_t n = 0, pos = 0;
  while (pos < s.size()) {
    next_code_point(s, pos);
    ++n;
  }
  return n;
}

// A letter-spaced line: most of its words are single letters. Letters
// closer than a word space join; a wider gap separates words.
bool letter_spaced(const std::vector<Word>& line) {
  size_t single = 0;
  for (const Word& w : line) single += letters_in(w.text) == 1;
  return line.size() >= 4 && single * 10 >= line.size() * 7;
}

// A stamp across the page: rotated words, or single letters stored in a run,
// that spell a closed marker ("FORTROLIGT", "LUKKET").
bool page_is_stamped(const std::vector<Word>& words) {
  std::string rotated, letters;
  const Word* previous_letter = nullptr;
  for (const Word& w : words) {
    if (w.rotated) rotated += w.text;
    // Letters of a diagonal stamp each stand higher or lower than the one
    // before; a letter-spaced line's stand level (it is read as a line).
    if (letters_in(w.text) != 1) continue;
    if (previous_letter && std::abs(previous_letter->top - w.top) > 0.2 * height_of(w)) letters += w.text;
    previous_letter = &w;
  }
  for (const std::string& s : {rotated, letters}) {
    const std::string lower = to_lower_latin(s);
    if (lower.find("fortrolig") != std::string::npos || lower.find("lukket") != std::string::npos) return true;
  }
  return false;
}

Line make_line(const std::vector<Word>& words, size_t begin, size_t end, int page, double page_height) {
  Line line;
  line.page = page;
  line.top = words[begin].top, line.bottom = words[begin].bottom;
  const bool spaced = letter_spaced(
      std::vector<Word>(words.begin() + static_cast<long>(begin), words.begin() + static_cast<long>(end)));
  // In a letter-spaced line the letters' own spacing is the median gap; a
  // word space is clearly wider.
  double letter_gap = 0;
  if (spaced) {
    std::vector<double> gaps;
    for (size_t i = begin + 1; i < end; ++i) gaps.push_back(words[i].x - (words[i - 1].x + words[i - 1].width));
    std::nth_element(gaps.begin(), gaps.begin() + static_cast<long>(gaps.size() / 2), gaps.end());
    letter_gap = gaps[gaps.size() / 2];
  }
  for (size_t i = begin; i < end; ++i) {
    const Word& w = words[i];
    if (i > begin) {
      const Word& prev = words[i - 1];
      const double gap = w.x - (prev.x + prev.width);
      // A gap wider than a thin space separates words even where the PDF
      // stores no space ("3   Eventuelt", a date set flush right).
      const bool space = spaced ? gap > std::max(1.8 * letter_gap, letter_gap + 0.3 * height_of(w))
                                : (prev.space_after || gap > 0.2 * height_of(w));
      if (space) line.text += ' ';
    }
    line.text += w.text;
    line.top = std::min(line.top, w.top), line.bottom = std::max(line.bottom, w.bottom);
    line.font_size = std::max(line.font_size, w.font_size);
    line.chars += w.text.size();
    if (w.bold) line.bold_chars += w.text.size();
  }
  line.text = collapse_spaces(line.text);
  line.in_margin = line.top < page_height * 0.08 || line.bottom > page_height * 0.92;
  return line;
}

// "5. Salg af grund            Lukket": the words after the widest gap, when
// that gap is wide and they are a closed marker, as a line of their own.
size_t marker_set_apart(const std::vector<Word>& words, size_t begin, size_t end) {
  if (end - begin < 2) return end;
  size_t split = end;
  double widest = 0;
  for (size_t i = begin + 1; i < end; ++i) {
    const double gap = words[i].x - (words[i - 1].x + words[i - 1].width);
    if (gap > widest) widest = gap, split = i;
  }
  if (split == end || widest < 3 * height_of(words[split])) return end;
  std::string tail;
  for (size_t i = split; i < end; ++i) tail += (i > split ? " " : "") + words[i].text;
  return is_standalone_closed_marker(tail) || group_marker(tail) == GroupMarker::closed ? split : end;
}

}  // namespace

std::vector<Line> page_lines(std::vector<Word> words, int page, double page_height) {
  std::vector<Line> out;
  const bool stamped = page_is_stamped(words);
  std::stable_sort(words.begin(), words.end(), [](const Word& a, const Word& b) { return a.top < b.top; });
  size_t begin = 0;
  while (begin < words.size()) {
    double top = words[begin].top, bottom = words[begin].bottom;
    size_t end = begin + 1;
    while (end < words.size()) {
      const Word& w = words[end];
      const double overlap = std::min(bottom, w.bottom) - std::max(top, w.top);
      if (overlap < 0.5 * std::max(0.1, std::min(w.bottom - w.top, bottom - top))) break;
      top = std::min(top, w.top), bottom = std::max(bottom, w.bottom);
      ++end;
    }
    std::stable_sort(words.begin() + static_cast<long>(begin), words.begin() + static_cast<long>(end),
                     [](const Word& a, const Word& b) { return a.x < b.x; });
    const size_t split = marker_set_apart(words, begin, end);
    Line line = make_line(words, begin, split, page, page_height);
    line.stamped = stamped;
    if (!line.text.empty()) out.push_back(std::move(line));
    if (split < end) {
      Line marker = make_line(words, split, end, page, page_height);
      marker.stamped = stamped;
      out.push_back(std::move(marker));
    }
    begin = end;
  }
  return out;
}

}  // namespace sagsoeg::pdf
