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
void print_case_history(const std::string& case_id, const std::vector<SearchHit>& hits, const TextStyle& style,
                        std::ostream& out);
void print_item(const AgendaItem& item, const TextStyle& style, std::ostream& out);
void print_analysis(const std::vector<AnalyzedToken>& tokens, std::ostream& out);

}  // namespace sagsoeg
