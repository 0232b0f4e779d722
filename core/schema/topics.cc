#include "schema/topics.h"

#include <algorithm>

#include "io/input_error.h"
#include "text/embedded_data.h"
#include "util/utf8.h"

namespace sagsoeg {

const TopicVocabulary& TopicVocabulary::standard() {
  static const TopicVocabulary vocabulary(kTopicsText, TextPipeline::standard());
  return vocabulary;
}

TopicVocabulary::TopicVocabulary(const std::string& tsv, const TextPipeline& pipeline)
    : version_(fnv1a_hex(tsv).substr(0, 8)) {
  Xapian::Stem stem = pipeline.make_stemmer();
  int line_no = 0;
  for (std::string_view line : split_lines(tsv)) {
    ++line_no;
    if (trim(line).empty() || trim(line)[0] == '#') continue;
    const size_t t1 = line.find('\t');
    const size_t t2 = t1 == std::string_view::npos ? t1 : line.find('\t', t1 + 1);
    if (t2 == std::string_view::npos) throw InputError("topics: expected slug<TAB>label<TAB>words", line_no);
    Topic topic;
    topic.slug = std::string(trim(line.substr(0, t1)));
    topic.label = std::string(trim(line.substr(t1 + 1, t2 - t1 - 1)));
    std::string words = to_lower_latin(line.substr(t2 + 1));
    size_t pos = 0;
    while (pos < words.size()) {
      size_t end = words.find(' ', pos);
      if (end == std::string::npos) end = words.size();
      std::string w = words.substr(pos, end - pos);
      pos = end + 1;
      if (w.empty()) continue;
      if (w.back() == '*') {
        w.pop_back();
        topic.stem_prefixes.push_back(stem(w));
      } else {
        topic.stems.push_back(stem(w));
      }
    }
    topics_.push_back(std::move(topic));
  }
}

int TopicVocabulary::find(const std::string& slug_or_label) const {
  const std::string lower = to_lower_latin(slug_or_label);
  for (size_t i = 0; i < topics_.size(); ++i)
    if (topics_[i].slug == lower || to_lower_latin(topics_[i].label) == lower) return static_cast<int>(i);
  return -1;
}

std::vector<int> TopicVocabulary::assign(const Xapian::Document& doc, Xapian::termcount wdf_per_occurrence) const {
  std::vector<Xapian::termcount> hits(topics_.size(), 0);
  Xapian::termcount total = 0;
  for (auto t = doc.termlist_begin(); t != doc.termlist_end(); ++t) {
    const std::string term = *t;
    // Stems of the text ("Z" + stem), not the field copies ("ZXD" + stem).
    if (term.size() < 2 || term[0] != 'Z' || (term[1] >= 'A' && term[1] <= 'Z')) continue;
    const std::string stem = term.substr(1);
    const Xapian::termcount wdf = t.get_wdf();
    total += wdf;
    for (size_t i = 0; i < topics_.size(); ++i) {
      const Topic& topic = topics_[i];
      bool match = std::find(topic.stems.begin(), topic.stems.end(), stem) != topic.stems.end();
      for (size_t p = 0; !match && p < topic.stem_prefixes.size(); ++p)
        match = starts_with(stem, topic.stem_prefixes[p]);
      if (match) hits[i] += wdf;
    }
  }
  std::vector<int> assigned;
  for (size_t i = 0; i < topics_.size(); ++i)
    if (hits[i] >= 4 * wdf_per_occurrence && hits[i] * 100 >= total) assigned.push_back(static_cast<int>(i));
  return assigned;
}

}  // namespace sagsoeg
