// The only code that turns an agenda item into Xapian terms, values and
// document data. Prefixes and slots come from schema.h.
#pragma once

#include <xapian.h>

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "model/agenda_item.h"
#include "schema/stored_item.h"
#include "schema/topics.h"
#include "text/compound_splitter.h"
#include "text/text_pipeline.h"

namespace sagsoeg {

struct TextWords;

/// Builds documents; one per thread (it owns a TermGenerator).
class DocumentBuilder {
 public:
  DocumentBuilder(const TextPipeline& pipeline, const TopicVocabulary& topics);

  /// The Xapian document for an item. A confidential item gets its metadata
  /// terms (item number, case ID, meeting) and no text at all. `spelling`
  /// receives spelling_words(item), found on the way.
  Xapian::Document build(const AgendaItem& item, std::vector<std::string>* spelling = nullptr);

 private:
  /// Compound-part terms and their occurrences, per field (see
  /// compound_splitter.h), where the field lacks the word itself.
  std::map<std::string, Xapian::termcount> compound_parts(
      const std::vector<std::pair<const char*, const TextWords*>>& fields);
  /// Indexes text with positions while `budget` (bytes) lasts, the rest without.
  std::vector<int> index_public_text(const AgendaItem& item, Xapian::Document& doc, Xapian::termcount& length,
                                     std::vector<std::string>* spelling);
  void add_filters(const AgendaItem& item, Xapian::Document& doc);
  /// Adds the names of `text` the stemmer would change as terms of their own.
  void index_names(Xapian::Document& doc, const std::string& text, Xapian::termcount wdf_per_occurrence);
  void index_positional(const std::string& text, Xapian::termcount wdf_per_occurrence, size_t& budget);

  const TextPipeline& pipeline_;
  const TopicVocabulary& topics_;
  std::unique_ptr<Xapian::Stopper> stopper_;
  Xapian::TermGenerator tg_;
  Xapian::Stem stem_;
  CompoundSplitter compounds_;
};

/// Sections whose text is indexed (not the journal number and contact lines).
bool is_indexed_section(const Section& s);
/// The weight of a section's words in the ranked text (decision and resumé above the rest).
Xapian::termcount section_weight(const Section& s);
/// The field prefix of a section (decision, resumé, indstilling), or nullptr.
const char* field_prefix(const Section& s);

/// True for the words kept for "did you mean".
bool is_spelling_word(const std::string& word);
/// The distinct words of an item's indexed text kept for "did you mean"
/// (none for a confidential item). The indexer adds them and, from the
/// stored text, removes them again: both sides derive them the same way.
std::vector<std::string> spelling_words(const AgendaItem& item);

}  // namespace sagsoeg
