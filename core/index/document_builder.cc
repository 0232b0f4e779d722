#include "index/document_builder.h"

#include <cstdio>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <unordered_set>

#include "io/gzip.h"
#include "model/item_json.h"
#include "parse/case_id.h"
#include "schema/bm25.h"
#include "schema/facet_key.h"
#include "schema/schema.h"
#include "text/embedded_data.h"
#include "text/words.h"
#include "util/utf8.h"

namespace sagsoeg {

namespace {

void add_boolean(Xapian::Document& doc, const char* prefix, const std::string& value) {
  if (value.empty()) return;
  std::string term = std::string(prefix) + value;
  if (term.size() > 240) term = std::string(prefix) + fnv1a_hex(value);
  doc.add_boolean_term(term);
}

// Ascending order = newest first: the date inverted (undated last), then
// the document and the item number in agenda order.
std::string newest_first_key(const AgendaItem& item) {
  long ymd = 0;
  if (item.meta.date.size() == 10)
    ymd = std::stol(item.meta.date.substr(0, 4) + item.meta.date.substr(5, 2) + item.meta.date.substr(8, 2));
  char inverted[32];
  std::snprintf(inverted, sizeof inverted, "%08ld", 99999999L - ymd);
  // The source as a fixed-width hash, not its name: items of one document
  // stay together and in agenda order, and the key stays short.
  const uint64_t h = fnv1a64(item.meta.source);
  std::string source(8, '\0');
  for (int i = 0; i < 8; ++i) source[static_cast<size_t>(i)] = static_cast<char>(h >> (56 - 8 * i));
  return std::string(inverted) + source + Xapian::sortable_serialise(item.number);
}

// Positions (phrase search) cost memory per word while an item is built:
// past this much text an item's words are indexed without them, so one
// giant "item" cannot take gigabytes. Real agenda items are far smaller.
constexpr size_t kPositionalTextPerItem = 8u << 20;

}  // namespace

void DocumentBuilder::index_positional(const std::string& text, Xapian::termcount weight, size_t& budget) {
  if (text.size() <= budget) {
    tg_.index_text(text, weight);
    budget -= text.size();
    return;
  }
  size_t cut = budget;
  while (cut > 0 && text[cut] != ' ' && text[cut] != '\n') --cut;
  if (cut) tg_.index_text(Xapian::Utf8Iterator(text.data(), cut), weight);
  tg_.index_text_without_positions(Xapian::Utf8Iterator(text.data() + cut, text.size() - cut), weight);
  budget = 0;
}

// "Anders" goes in as "anders" besides its stem "and" (no positions: phrases
// use the stems), so a query that types the name finds the name
// (query_expander.cc). Names the stemmer leaves alone need no copy. The
// copy is not counted in the item's length: every other term's weight, and
// so the ranking of queries without names, stays as it was.
void DocumentBuilder::index_names(Xapian::Document& doc, const std::string& text, Xapian::termcount wdf) {
  for_each_capitalised_word(text, [&](const std::string& written) {
    const std::string name = pipeline_.protected_name(written, stem_);
    if (!name.empty()) doc.add_term(name, wdf);
  });
}

DocumentBuilder::DocumentBuilder(const TextPipeline& pipeline, const TopicVocabulary& topics)
    : pipeline_(pipeline),
      topics_(topics),
      tg_(pipeline.make_term_generator(stopper_)),
      stem_(pipeline.make_stemmer()),
      compounds_(CompoundVocabulary::standard(), pipeline.make_stemmer()) {}

// The words of one text as the index will see them: each distinct word
// once (for compound parts and the spelling table) and how many occurrences
// of indexed (not stop) words it has (for the item's length).
struct TextWords {
  std::vector<std::string> distinct;
  Xapian::termcount occurrences = 0;
};

TextWords text_words(const std::string& text, const TextPipeline& pipeline) {
  TextWords t;
  std::unordered_set<std::string> seen;
  for_each_word(text, [&](const std::string& word) {
    if (!pipeline.is_stopword(word)) ++t.occurrences;
    if (seen.insert(word).second) t.distinct.push_back(word);
  });
  return t;
}

// The words of the title, then of each indexed section.
std::vector<TextWords> item_texts(const AgendaItem& item, const TextPipeline& pipeline) {
  std::vector<TextWords> texts{text_words(item.title, pipeline)};
  for (const Section& s : item.sections)
    if (is_indexed_section(s)) texts.push_back(text_words(s.text, pipeline));
  return texts;
}

// The distinct words of those texts that go into the spelling table, sorted.
std::vector<std::string> spelling_of(const std::vector<TextWords>& texts) {
  std::set<std::string> words;
  for (const TextWords& t : texts)
    for (const std::string& w : t.distinct)
      if (is_spelling_word(w)) words.insert(w);
  return {words.begin(), words.end()};
}

std::map<std::string, Xapian::termcount> DocumentBuilder::compound_parts(
    const std::vector<std::pair<const char*, const TextWords*>>& fields) {
  // A part is added only where the field lacks the word itself, so a query's
  // word and its compound parts never both count for one item
  // (query_expander.cc ORs them).
  std::map<std::string, std::unordered_set<std::string>> stems;  // field -> stems it has
  for (const auto& [field, words] : fields)
    for (const std::string& w : words->distinct) stems[field].insert(stem_(w));
  std::map<std::string, Xapian::termcount> parts;
  std::map<std::string, std::unordered_set<std::string>> counted;  // each compound word once per field
  for (const auto& [field, words] : fields) {
    const std::unordered_set<std::string>& has = stems[field];
    const std::string parts_prefix = schema::compound_prefix_for(field);
    for (const std::string& word : words->distinct) {
      if (word.size() < 8 || !counted[field].insert(word).second) continue;
      for (const std::string& part : compounds_.split(word))
        if (!has.count(part)) ++parts[parts_prefix + part];
    }
  }
  return parts;
}

// A public item's words: compound parts, and the item's length, which
// BM25's normalisation needs before a single term is indexed (bm25.h),
// then the text, its field copies, names and topics. Returns the topics.
std::vector<int> DocumentBuilder::index_public_text(const AgendaItem& item, Xapian::Document& doc,
                                                    Xapian::termcount& length, std::vector<std::string>* spelling) {
  // Title, decision and resumé weigh more than the body; each field also
  // goes under its own prefix for titel:/beslutning:/resume: queries.
  const std::vector<TextWords> texts = item_texts(item, pipeline_);  // title, then each indexed section
  length += texts[0].occurrences * (schema::kTitleWeight + 1);
  std::vector<std::pair<const char*, const TextWords*>> fields{{"", &texts[0]}, {schema::kTitle, &texts[0]}};
  size_t next = 1;
  for (const Section& s : item.sections) {
    if (!is_indexed_section(s)) continue;
    const TextWords& t = texts[next++];
    length += t.occurrences * (section_weight(s) + (field_prefix(s) ? 1 : 0));
    fields.emplace_back("", &t);
    if (const char* field = field_prefix(s)) fields.emplace_back(field, &t);
  }
  if (spelling) *spelling = spelling_of(texts);
  const std::map<std::string, Xapian::termcount> parts = compound_parts(fields);
  for (const auto& [term, count] : parts) length += count;

  tg_.set_document(doc);
  size_t positional_budget = kPositionalTextPerItem;
  tg_.index_text(item.title, bm25::occurrence_wdf(schema::kTitleWeight, length));
  tg_.index_text_without_positions(item.title, bm25::occurrence_wdf(1, length), schema::kTitle);
  index_names(doc, item.title, bm25::occurrence_wdf(schema::kTitleWeight, length));
  for (const Section& s : item.sections) {
    if (!is_indexed_section(s)) continue;
    tg_.increase_termpos();
    index_positional(s.text, bm25::occurrence_wdf(section_weight(s), length), positional_budget);
    index_names(doc, s.text, bm25::occurrence_wdf(section_weight(s), length));
    // Field copies without positions: they serve field filters and cost
    // little space; phrase search uses the positional text.
    if (const char* field = field_prefix(s))
      tg_.index_text_without_positions(s.text, bm25::occurrence_wdf(1, length), field);
  }
  for (const auto& [term, count] : parts) doc.add_term(term, bm25::normalised_wdf(count, length));
  // Topics count occurrences: the wdfs over what one occurrence adds.
  return topics_.assign(doc, bm25::occurrence_wdf(1, length));
}

// The boolean filter terms and the date value.
void DocumentBuilder::add_filters(const AgendaItem& item, Xapian::Document& doc) {
  const DocumentMeta& m = item.meta;
  doc.add_boolean_term(schema::id_term(item.id()));
  doc.add_boolean_term(schema::source_term(m.source));
  add_boolean(doc, schema::kCommittee, to_lower_latin(m.committee));
  add_boolean(doc, schema::kOrganisation, to_lower_latin(m.organisation));
  if (const std::string digits = journal_digits(item.case_id); !digits.empty())
    add_boolean(doc, schema::kJournal, digits);
  if (m.date.size() == 10) {
    const std::string ymd = m.date.substr(0, 4) + m.date.substr(5, 2) + m.date.substr(8, 2);
    doc.add_value(schema::kSlotDate, ymd);
  }
  add_boolean(doc, schema::kType, item.type);
  add_boolean(doc, schema::kKind, m.kind);
  add_boolean(doc, schema::kAccess, access_name(item.access));
  if (!item.is_confidential()) add_boolean(doc, schema::kOutcome, item.outcome);
}

Xapian::Document DocumentBuilder::build(const AgendaItem& item, std::vector<std::string>* spelling) {
  if (spelling) spelling->clear();
  const DocumentMeta& m = item.meta;
  Xapian::Document doc;
  // Case IDs are exact terms so EMN-2024-01240 is one term, not a phrase of
  // numbers; with a wdf rather than boolean, a case ID typed as text ranks.
  Xapian::termcount length = item.case_id.empty() ? 0 : 2;
  length += static_cast<Xapian::termcount>(item.case_refs.size());
  std::vector<int> topic_indexes;
  if (!item.is_confidential()) topic_indexes = index_public_text(item, doc, length, spelling);
  if (!item.case_id.empty()) doc.add_term(std::string(schema::kCase) + item.case_id, bm25::normalised_wdf(2, length));
  for (const std::string& ref : item.case_refs)
    doc.add_term(std::string(schema::kCaseRef) + ref, bm25::normalised_wdf(1, length));
  add_filters(item, doc);

  std::vector<std::string> topic_slugs;
  for (int t : topic_indexes) {
    const Topic& topic = topics_.topics()[static_cast<size_t>(t)];
    topic_slugs.push_back(topic.slug);
    add_boolean(doc, schema::kTopic, topic.slug);
  }

  FacetKeyValues facets{m.committee,    m.date.size() == 10 ? m.date.substr(0, 4) : "", item.type, m.kind,
                        m.organisation, item.is_confidential() ? "" : item.outcome};
  doc.add_value(schema::kSlotFacetKey, encode_facet_key(facets));
  if (!topic_slugs.empty()) doc.add_value(schema::kSlotTopics, encode_topic_codes(topic_slugs));
  doc.add_value(schema::kSlotCase, item.case_id);
  doc.add_value(schema::kSlotAccess, access_name(item.access));
  doc.add_value(schema::kSlotNewestFirst, newest_first_key(item));
  doc.set_data(encode_document_data(item, topic_slugs));
  return doc;
}

bool is_indexed_section(const Section& s) {
  return s.name != "journalnummer" && s.name != "kontakt";
}

Xapian::termcount section_weight(const Section& s) {
  if (s.name == "decision") return schema::kDecisionWeight;
  if (s.name == "resume") return schema::kResumeWeight;
  return schema::kBodyWeight;
}

const char* field_prefix(const Section& s) {
  if (s.name == "decision") return schema::kDecision;
  if (s.name == "resume") return schema::kResume;
  if (s.name == "indstilling") return schema::kIndstilling;
  return nullptr;
}

std::vector<std::string> spelling_words(const AgendaItem& item) {
  // The same words build() reports.
  if (item.is_confidential()) return {};
  return spelling_of(item_texts(item, TextPipeline::standard()));
}

bool is_spelling_word(const std::string& term) {
  if (term.size() < 4 || term.size() > 40) return false;
  const auto first = static_cast<unsigned char>(term[0]);
  if (!((first >= 'a' && first <= 'z') || first >= 0xC3)) return false;
  for (char c : term)
    if (c >= '0' && c <= '9') return false;
  return true;
}

}  // namespace sagsoeg
