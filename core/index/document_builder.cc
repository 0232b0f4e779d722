#include "index/document_builder.h"

#include <cstdio>
#include <nlohmann/json.hpp>

#include "index/bm25.h"
#include "index/schema.h"
#include "io/gzip.h"
#include "model/item_json.h"
#include "parse/case_id.h"
#include "util/utf8.h"

namespace sagsoeg {

namespace {

void add_boolean(Xapian::Document& doc, const char* prefix, const std::string& value) {
  if (value.empty()) return;
  std::string term = std::string(prefix) + value;
  if (term.size() > 240) term = std::string(prefix) + fnv1a_hex(value);
  doc.add_boolean_term(term);
}

std::string digits_only(const std::string& s) {
  std::string d;
  for (char c : s)
    if (c >= '0' && c <= '9') d += c;
  return d;
}

// Ascending order = newest first: the date inverted (undated last), then
// the source and the item number in agenda order.
std::string newest_first_key(const AgendaItem& item) {
  long ymd = 0;
  if (item.meta.date.size() == 10)
    ymd = std::stol(item.meta.date.substr(0, 4) + item.meta.date.substr(5, 2) + item.meta.date.substr(8, 2));
  char inverted[32];
  std::snprintf(inverted, sizeof inverted, "%08ld", 99999999L - ymd);
  return std::string(inverted) + item.meta.source + '\0' + Xapian::sortable_serialise(item.number);
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

DocumentBuilder::DocumentBuilder(const TextPipeline& pipeline, const TopicVocabulary& topics)
    : topics_(topics),
      tg_(pipeline.make_term_generator(stopper_)),
      compounds_(CompoundVocabulary::standard(), pipeline.make_stemmer()) {}

void DocumentBuilder::add_compound_parts(Xapian::Document& doc) {
  std::vector<std::string> parts;
  for (auto t = doc.termlist_begin(); t != doc.termlist_end(); ++t) {
    const std::string term = *t;
    // Unstemmed words of all text ("sundhedsreformen") and of each field
    // ("Spalliationsområdet", "XDgodkendt"); not the Z stems.
    size_t p = 0;
    while (p < term.size() && term[p] >= 'A' && term[p] <= 'Z') ++p;
    const std::string_view prefix(term.data(), p);
    if (p == term.size() || !schema::is_text_field_prefix(prefix)) continue;
    const auto first = static_cast<unsigned char>(term[p]);
    if (!((first >= 'a' && first <= 'z') || first >= 0xC3)) continue;
    const std::string parts_prefix = schema::compound_prefix_for(prefix);
    for (const std::string& stem : compounds_.split(term.substr(p))) parts.push_back(parts_prefix + stem);
  }
  for (const std::string& p : parts) doc.add_term(p, 1);
}

void DocumentBuilder::add_length_normalised(const Xapian::Document& text, Xapian::Document& doc) {
  Xapian::termcount length = 0;
  for (auto t = text.termlist_begin(); t != text.termlist_end(); ++t) length += t.get_wdf();
  for (auto t = text.termlist_begin(); t != text.termlist_end(); ++t) {
    const std::string term = *t;
    for (auto p = t.positionlist_begin(); p != t.positionlist_end(); ++p) doc.add_posting(term, *p, 0);
    doc.add_term(term, bm25::normalised_wdf(t.get_wdf(), length));
  }
}

std::string DocumentBuilder::id_term(const std::string& item_id) {
  std::string term = std::string(schema::kId) + item_id;
  if (term.size() > 240) term = std::string(schema::kId) + fnv1a_hex(item_id);
  return term;
}

std::string DocumentBuilder::source_term(const std::string& source) {
  std::string term = std::string(schema::kSource) + source;
  if (term.size() > 240) term = std::string(schema::kSource) + fnv1a_hex(source);
  return term;
}

Xapian::Document DocumentBuilder::build(const AgendaItem& item) {
  const DocumentMeta& m = item.meta;

  // Ranked text first, with raw weighted term counts: title, decision and
  // resumé weigh more than the body; each field also goes under its own
  // prefix for titel:/beslutning:/resume: queries.
  Xapian::Document text;
  tg_.set_document(text);
  size_t positional_budget = kPositionalTextPerItem;
  if (!item.is_confidential()) {
    tg_.index_text(item.title, schema::kTitleWeight);
    tg_.index_text(item.title, 1, schema::kTitle);
    for (const Section& s : item.sections) {
      tg_.increase_termpos();
      Xapian::termcount weight = schema::kBodyWeight;
      const char* prefix = nullptr;
      if (s.name == "decision") weight = schema::kDecisionWeight, prefix = schema::kDecision;
      if (s.name == "resume") weight = schema::kResumeWeight, prefix = schema::kResume;
      if (s.name == "indstilling") prefix = schema::kIndstilling;
      if (s.name != "journalnummer" && s.name != "kontakt") index_positional(s.text, weight, positional_budget);
      // Field copies without positions: they serve field filters and cost
      // little space; phrase search uses the positional unprefixed text.
      if (prefix) tg_.index_text_without_positions(s.text, 1, prefix);
    }
    add_compound_parts(text);
  }
  // Case IDs are exact terms so EMN-2024-01240 is one term, not a phrase of
  // numbers; with a wdf rather than boolean, a case ID typed as text ranks.
  if (!item.case_id.empty()) text.add_term(std::string(schema::kCase) + item.case_id, 2);
  for (const std::string& ref : item.case_refs) text.add_term(std::string(schema::kCaseRef) + ref, 1);

  // Topics count the raw weighted occurrences, before normalisation.
  std::vector<int> topic_indexes;
  if (!item.is_confidential()) topic_indexes = topics_.assign(text);

  Xapian::Document doc;
  add_length_normalised(text, doc);

  // Filters.
  doc.add_boolean_term(id_term(item.id()));
  doc.add_boolean_term(source_term(m.source));
  add_boolean(doc, schema::kCommittee, to_lower_latin(m.committee));
  add_boolean(doc, schema::kOrganisation, to_lower_latin(m.organisation));
  if (is_journal_number(item.case_id)) add_boolean(doc, schema::kJournal, digits_only(item.case_id));
  if (m.date.size() == 10) {
    const std::string ymd = m.date.substr(0, 4) + m.date.substr(5, 2) + m.date.substr(8, 2);
    add_boolean(doc, schema::kDay, ymd);
    add_boolean(doc, schema::kMonth, ymd.substr(0, 6));
    add_boolean(doc, schema::kYear, ymd.substr(0, 4));
    doc.add_value(schema::kSlotDate, ymd);
    doc.add_value(schema::kSlotYear, ymd.substr(0, 4));
  }
  add_boolean(doc, schema::kType, item.type);
  add_boolean(doc, schema::kKind, m.kind);
  add_boolean(doc, schema::kAccess, access_name(item.access));

  std::vector<std::string> topic_slugs;
  for (int t : topic_indexes) {
    const Topic& topic = topics_.topics()[static_cast<size_t>(t)];
    topic_slugs.push_back(topic.slug);
    add_boolean(doc, schema::kTopic, topic.slug);
    doc.add_value(schema::kSlotTopicFirst + static_cast<Xapian::valueno>(t), "1");
  }

  doc.add_value(schema::kSlotCommittee, m.committee);
  doc.add_value(schema::kSlotOrganisation, m.organisation);
  doc.add_value(schema::kSlotType, item.type);
  doc.add_value(schema::kSlotCase, item.case_id);
  doc.add_value(schema::kSlotKind, m.kind);
  doc.add_value(schema::kSlotAccess, access_name(item.access));
  doc.add_value(schema::kSlotItemNumber, Xapian::sortable_serialise(item.number));
  doc.add_value(schema::kSlotNewestFirst, newest_first_key(item));
  doc.add_value(schema::kSlotSource, m.source);
  doc.set_data(encode_document_data(item, topic_slugs));
  return doc;
}

constexpr char kUnitSeparator = '\x1f';
constexpr char kRecordSeparator = '\x1e';

// Compact keys: the data of ~100,000 items adds up.
std::string encode_document_data(const AgendaItem& item, const std::vector<std::string>& topic_slugs) {
  AgendaItem meta_only = item;
  meta_only.sections.clear();
  nlohmann::json j = item_to_json(meta_only);
  // Derived or repeated keys are rebuilt on decoding.
  for (const char* derived : {"sections", "text", "decision", "decisions", "id", "attachments"}) j.erase(derived);
  if (item.number_text.empty() || item.number_text == std::to_string(item.number)) j.erase("number");
  if (item.occurrence > 1) j["occurrence"] = item.occurrence;
  for (auto it = j.begin(); it != j.end();) {
    // null and empty values are implied on decoding
    if (it->is_null() || (it->is_array() && it->empty())) {
      it = j.erase(it);
    } else {
      ++it;
    }
  }
  if (!topic_slugs.empty()) j["topics"] = topic_slugs;
  std::string data = dump_json(j);
  if (!item.is_confidential()) {
    // Sections after a NUL as "name US heading US text US body US date RS":
    // a tenth of the cost of parsing them as JSON for every result shown.
    data += '\0';
    auto put = [&data](const std::string& s, char end) {
      for (char c : s) data += (c == kUnitSeparator || c == kRecordSeparator || c == '\0') ? ' ' : c;
      data += end;
    };
    for (const Section& s : item.sections) {
      put(s.name, kUnitSeparator);
      put(s.heading, kUnitSeparator);
      put(s.text, kUnitSeparator);
      put(s.body, kUnitSeparator);
      put(s.date, kRecordSeparator);
    }
  }
  return deflate_bytes(data);
}

AgendaItem decode_document_data(const std::string& data, std::vector<std::string>* topics, bool with_text) {
  const std::string plain = inflate_bytes(data);
  const size_t nul = plain.find('\0');
  const nlohmann::json j = nlohmann::json::parse(
      plain.begin(), nul == std::string::npos ? plain.end() : plain.begin() + static_cast<std::ptrdiff_t>(nul));
  AgendaItem item = item_from_json(j);
  if (topics && j.contains("topics")) *topics = j["topics"].get<std::vector<std::string>>();
  if (!with_text || nul == std::string::npos || item.is_confidential()) return item;
  size_t pos = nul + 1;
  while (pos < plain.size()) {
    const size_t end = plain.find(kRecordSeparator, pos);
    if (end == std::string::npos) throw std::runtime_error("corrupt document data");
    Section s;
    std::string* fields[] = {&s.name, &s.heading, &s.text, &s.body, &s.date};
    size_t from = pos;
    for (size_t f = 0; f < 5; ++f) {
      size_t to = f < 4 ? plain.find(kUnitSeparator, from) : end;
      if (to == std::string::npos || to > end) throw std::runtime_error("corrupt document data");
      fields[f]->assign(plain, from, to - from);
      from = to + 1;
    }
    item.sections.push_back(std::move(s));
    pos = end + 1;
  }
  return item;
}

}  // namespace sagsoeg
