// The document model: what the readers and the layout parser extract from one
// agenda item. Plain data, no Xapian; the index schema maps it to terms and
// values.
#pragma once

#include <string>
#include <vector>

namespace sagsoeg {

enum class Access { public_item, confidential };

struct Section {
  std::string name;     ///< canonical key: resume, indstilling, sagsfremstilling, decision, bilag, ...
  std::string heading;  ///< the heading as written in the document
  std::string text;
  /// For decisions only: the body that decided ("Økonomiudvalget") and the
  /// date it did (YYYY-MM-DD), when the heading or the meeting says so.
  std::string body;
  std::string date;
};

/// A decision of one body on one date: a view of a "decision" section.
struct Decision {
  std::string body;
  std::string date;
  std::string text;
};

struct Attachment {
  std::string name;
  std::string url;  ///< link or file name as the source states it, may be empty
};

/// Metadata that belongs to the whole document (meeting or agreement).
struct DocumentMeta {
  std::string source;        ///< the document's stable name (see README: "IDs")
  std::string date;          ///< YYYY-MM-DD or empty
  std::string committee;     ///< e.g. "Udvalget for det nære sundhedsvæsen"
  std::string organisation;  ///< e.g. "Danske Regioner"
  std::string kind;          ///< referat | dagsorden | aftale | bilag | "" (unknown)
  std::string url;           ///< source URL from the manifest
  std::string format;        ///< reader that read it: text, markdown, html, pdf, edoc-xml, ...
  std::string indexed;       ///< YYYY-MM-DD the indexer read it (feeds date undated items by it)
  /// When the publisher published this version ("2012-09-25T14:07:07"), where
  /// the source says; else the file's modification time. Not stored per item:
  /// it decides which publication of a meeting is served (meeting_ledger.h).
  std::string published;
};

struct AgendaItem {
  DocumentMeta meta;
  int number = 0;           ///< the leading integer of the number as printed ("2.3" -> 2)
  std::string number_text;  ///< the number as printed: "3", "2.3", "715", "4a"
  /// 1 for the first item of a document with this number, 2 for a second one
  /// (numbering that restarts or repeats), ...: keeps IDs unique.
  int occurrence = 1;
  std::string title;
  std::string type;  ///< orientering | beslutning | drøftelse | ""
  /// What the deciding body did (parse/decision_outcome.h): godkendt,
  /// anbefalet, ..., ukendt; "" without a decision. `split`: enig | delt | "".
  std::string outcome;
  std::string split;
  Access access = Access::public_item;
  std::string case_id;                 ///< the item's own case ID or journal number, may be empty
  std::vector<std::string> case_refs;  ///< other case IDs mentioned (attachments, ...)
  std::string contact;
  std::vector<Section> sections;  ///< in document order; empty for confidential items
  std::vector<Attachment> attachments;
  int line = 0;  ///< 1-based line (or block) of the item heading
  int page = 0;  ///< 1-based page for PDF input, else 0

  bool is_confidential() const { return access == Access::confidential; }
  /// The number used in IDs: number_text, or the integer when it is empty.
  std::string printed_number() const;
  /// Stable identifier "<source>:<number>" ("<source>:<number>~2" for a
  /// second item with the same number), used for --show and /api/item.
  std::string id() const;
  /// Text of the first section with this canonical name, or nullptr.
  const Section* section(const std::string& name) const;
  /// Every decision in document order (several bodies, several dates).
  std::vector<Decision> decisions() const;
  /// The latest decision's text (by date; the last one when undated), or empty.
  std::string decision() const;
  /// All section text in order, headings included; empty if confidential.
  std::string full_text() const;
};

const char* access_name(Access a);

}  // namespace sagsoeg
