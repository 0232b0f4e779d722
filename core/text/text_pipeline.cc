#include "text/text_pipeline.h"

#include <algorithm>
#include <cstdio>

#include "text/embedded_data.h"
#include "text/proper_names.h"
#include "util/utf8.h"

namespace sagsoeg {

namespace {

class SetStopper : public Xapian::Stopper {
 public:
  explicit SetStopper(const std::unordered_set<std::string>& words) : words_(words) {}
  bool operator()(const std::string& term) const override { return words_.count(term) != 0; }
  std::string get_description() const override { return "sagsoeg-danish-stopper"; }

 private:
  const std::unordered_set<std::string>& words_;
};

}  // namespace

const TextPipeline& TextPipeline::standard() {
  static const TextPipeline pipeline(kStopwordsText, kStemOverridesText);
  return pipeline;
}

TextPipeline::TextPipeline(const std::string& stopwords_text, const std::string& overrides_text)
    : overrides_(parse_stem_overrides(overrides_text)) {
  for (std::string_view line : split_lines(stopwords_text)) {
    line = trim(line);
    if (!line.empty() && line[0] != '#') stopwords_.insert(to_lower_latin(line));
  }
  std::vector<std::string> sorted(stopwords_.begin(), stopwords_.end());
  std::sort(sorted.begin(), sorted.end());
  std::string stop_joined;
  for (const auto& w : sorted) stop_joined += w + "\n";
  std::string over_joined;
  for (const auto& [w, s] : overrides_) over_joined += w + "\t" + s + "\n";
  Xapian::Stem stem = make_stemmer();
  for (const auto& w : stopwords_) stopword_stems_.insert(stem(w));
  // Xapian's release series, not its patch release (see pipeline_compat.h).
  version_ = "sagsoeg-text-3;xapian-" + std::to_string(Xapian::major_version()) + "." +
             std::to_string(Xapian::minor_version()) +
             ";stemmer=snowball-danish;stop=" + fnv1a_hex(stop_joined).substr(0, 8) +
             ";overrides=" + fnv1a_hex(over_joined).substr(0, 8);
}

Xapian::Stem TextPipeline::make_stemmer() const {
  return Xapian::Stem(new DanishStemmer(overrides_));
}

std::unique_ptr<Xapian::Stopper> TextPipeline::make_stopper() const {
  return std::make_unique<SetStopper>(stopwords_);
}

bool TextPipeline::is_stopword(const std::string& lower_word) const {
  return stopwords_.count(lower_word) != 0;
}

Xapian::TermGenerator TextPipeline::make_term_generator(std::unique_ptr<Xapian::Stopper>& keep) const {
  keep = make_stopper();
  Xapian::TermGenerator tg;
  tg.set_stemmer(make_stemmer());
  // Stems only, with positions ("Z" + stem): phrases match on stems, and no
  // second, unstemmed copy of every word doubles the index (see README).
  tg.set_stemming_strategy(Xapian::TermGenerator::STEM_ALL_Z);
  tg.set_stopper(keep.get());
  // Stop words are not indexed at all: their positions were a fifth of the
  // index. A phrase drops them too (query_expander.cc) and still matches,
  // since the indexer closes their gaps.
  tg.set_stopper_strategy(Xapian::TermGenerator::STOP_ALL);
  return tg;
}

void TextPipeline::configure(Xapian::QueryParser& qp, std::unique_ptr<Xapian::Stopper>& keep) const {
  keep = make_stopper();
  qp.set_stemmer(make_stemmer());
  // Every word stemmed under the "Z" prefix the index uses (wildcards expand
  // over the same terms); fields add their own prefix after it.
  qp.set_stemming_strategy(Xapian::QueryParser::STEM_ALL);
  qp.add_prefix("", "Z");
  qp.set_stopper(keep.get());
}

std::string TextPipeline::protected_name(std::string_view written, Xapian::Stem& stem) const {
  if (!ProperNames::standard().is_name(written)) return {};
  std::string lower;
  for (Xapian::Utf8Iterator it(written.data(), written.size()); it != Xapian::Utf8Iterator(); ++it)
    Xapian::Unicode::append_utf8(lower, Xapian::Unicode::tolower(*it));
  if (is_stopword(lower) || stem(lower) == lower) return {};
  return lower;
}

std::vector<AnalyzedToken> TextPipeline::analyze(const std::string& text) const {
  // Run the real TermGenerator and read its positions back: what --analyze
  // shows is by construction what the indexer indexes.
  // (Unstemmed, so the tokens are seen as the tokenizer cut them.)
  std::unique_ptr<Xapian::Stopper> stopper;
  Xapian::TermGenerator tg = make_term_generator(stopper);
  tg.set_stemming_strategy(Xapian::TermGenerator::STEM_NONE);
  tg.set_stopper_strategy(Xapian::TermGenerator::STOP_NONE);
  Xapian::Document doc;
  tg.set_document(doc);
  tg.index_text(text);
  std::vector<std::pair<Xapian::termpos, std::string>> positioned;
  for (auto t = doc.termlist_begin(); t != doc.termlist_end(); ++t) {
    const std::string term = *t;
    for (auto p = t.positionlist_begin(); p != t.positionlist_end(); ++p) positioned.emplace_back(*p, term);
  }
  std::sort(positioned.begin(), positioned.end());
  Xapian::Stem stem = make_stemmer();
  std::vector<AnalyzedToken> tokens;
  for (const auto& [pos, term] : positioned) tokens.push_back({term, stem(term), is_stopword(term)});
  return tokens;
}

}  // namespace sagsoeg
