// Human-readable output for the terminal: results, case history, one item.
#pragma once

#include <ostream>
#include <string>
#include <vector>

#include "search/search_request.h"
#include "text/text_pipeline.h"

namespace sagsoeg {

struct TextStyle {
  bool color = false;  ///< ANSI colours (a terminal, and NO_COLOR not set)
};

/// Snippet HTML (<mark>, &amp;) to terminal text, highlighted or plain.
std::string snippet_to_terminal(const std::string& html, const TextStyle& style);

void print_results(const SearchResponse& r, const TextStyle& style, std::ostream& out);
/// `confidential`: how many items of the case are confidential (counted, never shown).
/// "Lignende sager": the items most like item `id`.
void print_similar(const std::string& id, const std::vector<SearchHit>& hits, const TextStyle& style,
                   std::ostream& out);
void print_case_history(const std::string& case_id, const std::vector<SearchHit>& hits, size_t confidential,
                        const TextStyle& style, std::ostream& out);
void print_item(const AgendaItem& item, const TextStyle& style, std::ostream& out);
/// Tokens and stems, then the terms a search for the text really uses
/// (spelling variants, compound parts, synonyms) when a database is at hand.
void print_analysis(const std::vector<AnalyzedToken>& tokens, const std::vector<std::string>& search_terms,
                    std::ostream& out);

}  // namespace sagsoeg
