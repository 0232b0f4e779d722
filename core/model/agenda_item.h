// The document model: what the parser extracts from one agenda item. Plain
// data, no Xapian; the index schema maps it to terms and values.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace sagsoeg {

enum class Access { public_item, confidential };

struct Section {
  std::string name;     ///< canonical key: resume, indstilling, sagsfremstilling, decision, bilag, ...
  std::string heading;  ///< the heading as written in the document
  std::string text;
};

/// Metadata that belongs to the whole document (meeting or agreement).
struct DocumentMeta {
  std::string source;        ///< file name relative to the indexed folder
  std::string date;          ///< YYYY-MM-DD or empty
  std::string committee;     ///< e.g. "Udvalget for det nære sundhedsvæsen"
  std::string organisation;  ///< e.g. "Danske Regioner"
  std::string kind;          ///< referat | dagsorden | aftale | "" (unknown)
  std::string url;           ///< source URL from the manifest
};

struct AgendaItem {
  DocumentMeta meta;
  int number = 0;
  std::string title;
  std::string type;  ///< orientering | beslutning | drøftelse | ""
  Access access = Access::public_item;
  std::string case_id;                 ///< the item's own case ID or journal number, may be empty
  std::vector<std::string> case_refs;  ///< other case IDs mentioned (attachments, ...)
  std::string contact;
  std::vector<Section> sections;  ///< in document order; empty for confidential items
  std::vector<std::string> attachments;
  int line = 0;  ///< 1-based line of the item heading

  bool is_confidential() const { return access == Access::confidential; }
  /// Stable identifier "<source>:<number>", used for --show and /api/item.
  std::string id() const { return meta.source + ":" + std::to_string(number); }
  /// Text of the first section with this canonical name, or nullptr.
  const Section* section(const std::string& name) const;
  /// The decision text (Beslutninger / POLITISK BEHANDLING), or empty.
  std::string decision() const;
  /// All section text in order, headings included; empty if confidential.
  std::string full_text() const;
};

const char* access_name(Access a);

}  // namespace sagsoeg
