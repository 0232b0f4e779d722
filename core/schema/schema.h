// THE place for term prefixes, value slots and metadata keys. The document
// builder writes them and the query builder reads them; nothing else spells
// a prefix or a slot number.
#pragma once

#include <xapian.h>

#include <string>
#include <string_view>

namespace sagsoeg::schema {

/// The stem marker: "Z" + a field's prefix + a stem ("ZSpalliation").
inline constexpr char kStemmed = 'Z';

// Free-text fields. Every word is indexed as "Z" + its stem: all public text
// with positions, and each field's copy (without positions) as "Z" + the
// field's prefix + stem ("ZSpalliation", "ZXDgodkend").
inline constexpr const char* kTitle = "S";
inline constexpr const char* kDecision = "XD";
inline constexpr const char* kResume = "XR";
inline constexpr const char* kIndstilling = "XI";
/// Stems of the parts of compound words (no positions, see compound_splitter.h),
/// for all text and, so that titel:palliation finds "palliationsområdet", for
/// each field: XPS title, XPD decision, XPR resumé, XPI indstilling.
inline constexpr const char* kCompoundPart = "XP";

/// The field of a free-text term prefix ("", S, XD, XR, XI): its compound-part prefix.
inline std::string compound_prefix_for(std::string_view field_prefix) {
  if (field_prefix.empty()) return kCompoundPart;
  return std::string(kCompoundPart) + std::string(field_prefix.substr(field_prefix.size() - 1));
}

/// True for the prefixes of the positional or field text: "", S, XD, XR, XI.
inline bool is_text_field_prefix(std::string_view p) {
  return p.empty() || p == "S" || p == "XD" || p == "XR" || p == "XI";
}

/// A term taken apart: whether it is a stem, its prefix (the upper-case
/// letters after the stem marker) and the word. The one place that does it.
/// The views point into the term given: keep it alive (not a temporary
/// such as `*query.get_terms_begin()`; ASan caught that once).
struct SplitTerm {
  bool stemmed = false;
  std::string_view prefix;
  std::string_view word;
};
inline SplitTerm split_term(std::string_view term) {
  SplitTerm t;
  if (!term.empty() && term[0] == kStemmed) {
    t.stemmed = true;
    term.remove_prefix(1);
  }
  size_t n = 0;
  while (n < term.size() && term[n] >= 'A' && term[n] <= 'Z') ++n;
  t.prefix = term.substr(0, n);
  t.word = term.substr(n);
  return t;
}

/// True for the terms of the free-text fields above (unprefixed words, their
/// "Z" stems, S/XD/XR/XI/XP). The document builder gives them to public items
/// only, so a query made of these terms alone cannot match a confidential
/// item and needs no access filter (which costs a pass over a long list).
inline bool is_public_text_term(std::string_view term) {
  const std::string_view prefix = split_term(term).prefix;
  return prefix.empty() || prefix == kTitle || prefix == kDecision || prefix == kResume || prefix == kIndstilling ||
         prefix == kCompoundPart || prefix == "XPS" || prefix == "XPD" || prefix == "XPR" || prefix == "XPI";
}

// Boolean filter terms (values lower-cased unless said otherwise).
inline constexpr const char* kId = "Q";            ///< unique item ID "<source>:<n>"
inline constexpr const char* kSource = "XSRC";     ///< source file (whole-file replace/delete)
inline constexpr const char* kCommittee = "XCOM";  ///< committee, lower case
inline constexpr const char* kOrganisation = "XORG";
inline constexpr const char* kCase = "XCASE";    ///< own case ID / journal number, upper case
inline constexpr const char* kCaseRef = "XREF";  ///< referenced case IDs, upper case
inline constexpr const char* kJournal = "XJ";    ///< journal number (digits)
inline constexpr const char* kType = "XTYPE";    ///< orientering | beslutning | drøftelse
inline constexpr const char* kKind = "K";        ///< referat | dagsorden | aftale
inline constexpr const char* kAccess = "XACC";   ///< public | confidential
inline constexpr const char* kTopic = "XTOPIC";  ///< topic slug
inline constexpr const char* kOutcome = "XOUT";  ///< decision outcome (godkendt, ..., ukendt)

/// The unique term of an item ("Q" + its ID) and of its source file ("XSRC"
/// + the name): a long one is hashed, as Xapian's term limit is 245 bytes.
/// Both sides use them: the writer to add and replace, the searcher to find.
std::string id_term(const std::string& item_id);
std::string source_term(const std::string& source);

// Weights of the free-text fields in the unprefixed (ranked) text: title
// above decision and resumé above the rest of the body.
inline constexpr Xapian::termcount kTitleWeight = 6;
inline constexpr Xapian::termcount kDecisionWeight = 3;
inline constexpr Xapian::termcount kResumeWeight = 2;
inline constexpr Xapian::termcount kBodyWeight = 1;

// Value slots.
enum Slot : Xapian::valueno {
  kSlotDate = 0,  ///< YYYYMMDD, sortable; what DateRangeProcessor reads
  kSlotCase = 4,  ///< own case ID (its facet)
  kSlotAccess = 6,
  /// Browse order in one ascending value (the remote backend sorts by one
  /// slot only): newest date first, then source, then item number.
  kSlotNewestFirst = 10,
  /// Every low-cardinality facet in one value (FacetKey below): one
  /// ValueCountMatchSpy counts their combinations in one value lookup per
  /// match, where a spy per facet and topic made 23 (facets.cc).
  kSlotFacetKey = 12,
  kSlotTopics = 13,  ///< the item's topics as codes (facet_key.h)
};

/// The facets in kSlotFacetKey, in order, separated by US (0x1f), then the
/// topics of kSlotTopics.
enum FacetKeyField {
  kFacetCommittee,
  kFacetYear,
  kFacetType,
  kFacetKind,
  kFacetOrganisation,
  kFacetOutcome,
  kFacetTopics,
  kFacetFields
};

// Database metadata keys.
inline constexpr const char* kMetaPipeline = "sagsoeg:pipeline";
inline constexpr const char* kMetaSchema = "sagsoeg:schema";
inline constexpr const char* kMetaFilePrefix = "sagsoeg:file:";      ///< + source -> "content hash TAB source"
inline constexpr const char* kMetaIndexedAt = "sagsoeg:indexed_at";  ///< UTC time of the last run that changed it
inline constexpr const char* kMetaShard = "sagsoeg:shard";           ///< "K/N" for a shard, "all" for a whole corpus
inline constexpr const char* kMetaRoot = "sagsoeg:root";             ///< folder the document names are relative to
/// 5: length-normalised wdf (bm25.h); 6: document names from real paths
/// under a recorded root, printed item numbers in IDs, decisions with body and date;
/// 7: stems only ("Z" + stem, with positions), compound parts only where the
/// word itself is absent, stored records, outcomes, a facet key slot and a
/// topics slot.
inline constexpr const char* kSchemaVersion = "7";

}  // namespace sagsoeg::schema
