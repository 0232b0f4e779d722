// The only code that turns an agenda item into Xapian terms, values and
// document data. Prefixes and slots come from schema.h.
#pragma once

#include <xapian.h>

#include <memory>
#include <string>

#include "index/topics.h"
#include "model/agenda_item.h"
#include "text/compound_splitter.h"
#include "text/text_pipeline.h"

namespace sagsoeg {

/// Builds documents; one per thread (it owns a TermGenerator).
class DocumentBuilder {
 public:
  DocumentBuilder(const TextPipeline& pipeline, const TopicVocabulary& topics);

  /// The Xapian document for an item. A confidential item gets its metadata
  /// terms (item number, case ID, meeting) and no text at all.
  Xapian::Document build(const AgendaItem& item);

  /// Lower-cased, at most 240 bytes (Xapian's term limit is 245).
  static std::string id_term(const std::string& item_id);
  static std::string source_term(const std::string& source);

 private:
  const TopicVocabulary& topics_;
  void add_compound_parts(Xapian::Document& doc);
  /// Indexes text with positions while `budget` (bytes) lasts, the rest without.
  void index_positional(const std::string& text, Xapian::termcount weight, size_t& budget);
  /// Copies the ranked terms of `text` with their positions into `doc`, with
  /// BM25's length normalisation folded into each wdf (see bm25.h).
  static void add_length_normalised(const Xapian::Document& text, Xapian::Document& doc);

  std::unique_ptr<Xapian::Stopper> stopper_;
  Xapian::TermGenerator tg_;
  CompoundSplitter compounds_;
};

/// Document data, zlib-compressed: the item's metadata as JSON and, for a
/// public item, a NUL and its sections as "name US heading US text RS".
std::string encode_document_data(const AgendaItem& item, const std::vector<std::string>& topic_slugs);
/// Metadata and sections back as an item; `topics` receives the slugs.
AgendaItem decode_document_data(const std::string& data, std::vector<std::string>* topics = nullptr,
                                bool with_text = true);

}  // namespace sagsoeg
