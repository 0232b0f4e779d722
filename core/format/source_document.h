// The structured model every reader produces: a document as blocks
// (headings with their level, paragraphs, list items, table rows with cells,
// each with its line and page for error messages), or -- where the source
// states its agenda items (the ESDH XML exports) -- the items themselves.
// Layout recognition (parse/) works on this model, never on flattened text.
#pragma once

#include <string>
#include <vector>

#include "model/agenda_item.h"

namespace sagsoeg {

enum class BlockKind { line, heading, paragraph, list_item, table_row };

struct Block {
  BlockKind kind = BlockKind::line;
  int level = 0;     ///< heading level 1..6; 0 for other blocks
  std::string text;  ///< one line of text, spaces collapsed (a table row: its cells' text)
  /// A table row's cells, each a list of blocks (a cell may hold headings,
  /// paragraphs and links).
  std::vector<std::vector<Block>> cells;
  std::string href;       ///< the link target when the block is a link
  bool emphasis = false;  ///< set in bold or a larger font than the body text
  /// A section caption the source itself states (an export field's caption,
  /// an h3 of a FirstAgenda case presentation): always starts a section,
  /// even when its text is empty (then an untitled one).
  bool caption = false;
  /// On a page stamped closed across its face (a diagonal "FORTROLIGT"):
  /// whatever item this text belongs to is closed.
  bool stamped = false;
  int line = 0;  ///< 1-based source line (0: unknown)
  int page = 0;  ///< 1-based page (PDF), else 0
};

/// An agenda item as a structured export states it. The reader decides
/// access from the stated flags (fail closed: anything but an explicit
/// public value is confidential) and leaves the body's interpretation
/// (sections, decisions, case references) to the layout parser.
struct StatedItem {
  std::string number;  ///< as printed: "3", "1.1", "715"
  std::string title;
  /// The title the source lets the public see even when the item is closed
  /// (a FirstAgenda "Lukket: Køb af ejendom", eDoc's NeutralTitle); "" when
  /// a closed item's title must not be shown.
  std::string public_title;
  std::string case_id;
  Access access = Access::confidential;
  std::vector<Block> body;  ///< the item's text; captions and attachments as headings
  std::vector<Attachment> attachments;
  /// A closed item's text as the page shows it: counted as the closed item's
  /// region when measuring coverage (parse/coverage.h), never stored.
  std::string closed_region_text;
  int line = 0;
};

struct SourceDocument {
  std::string format;  ///< the reader's name: text, markdown, html, pdf, edoc-xml, acadre-xml, ...
  /// Flow formats (text, Markdown): the decoded UTF-8 text, read as lines by
  /// the parser without a block per line (a file of millions of short lines
  /// must not cost a heap object each).
  std::string text;
  std::vector<Block> blocks;  ///< structured flow formats (HTML, PDF)
  bool states_items = false;  ///< XML exports: `items` is what the source says
  std::vector<StatedItem> items;
  DocumentMeta meta;  ///< what the source states about the meeting
  /// Stated-item sources that print a header (an HTML page's title, date and
  /// committee lines): read for metadata the reader did not find.
  std::vector<Block> header;
  /// Stated-item sources read from a page: the text a reader of the page
  /// sees, to measure how much of it reaches an item ("" for exports, whose
  /// stated items are their text).
  std::string printed_text;
  /// A file that holds no items by design (an Acadre manifest): not an error.
  bool metadata_only = false;
  std::string meeting_id;  ///< the meeting the source belongs to, where it says (Acadre)
  /// Limits a reader reached (the XML parser's depth, a huge text node):
  /// text may be missing, and the indexer names the file with each.
  std::vector<std::string> warnings;
};

}  // namespace sagsoeg
