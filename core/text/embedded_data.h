// The editable data files, embedded at build time (see cmake/Embed.cmake).
#pragma once

namespace sagsoeg {
extern const char* const kStopwordsText;           ///< stopwords/danish.txt
extern const char* const kStemOverridesText;       ///< data/stem_overrides.tsv
extern const char* const kTopicsText;              ///< data/topics.tsv
extern const char* const kSynonymsText;            ///< data/synonyms.tsv
extern const char* const kCompoundPartsText;       ///< data/compound_parts.txt
extern const char* const kDocdataDictionaryText;   ///< data/docdata_dictionary.txt
extern const char* const kOutcomesText;            ///< data/outcomes.tsv
extern const char* const kAccessText;              ///< data/access.tsv
extern const char* const kProceduralTitlesText;    ///< data/procedural_titles.txt
extern const char* const kCommitteeRenamingsText;  ///< data/committee_renamings.tsv
}  // namespace sagsoeg
