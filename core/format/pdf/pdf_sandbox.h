// PDF text extraction where it can be stopped: poppler runs in a child
// process (the indexer itself, started as `indexer --read-pdf`) with an
// address-space limit and a deadline, as Omega runs its filters. A file that
// takes longer or needs more is stopped and named; it never stalls or
// exhausts the run. Without a helper set (unit tests, the searcher) the text
// is extracted in this process.
#pragma once

#include <string>
#include <string_view>

#include "format/pdf/pdf_text.h"
#include "io/document_reader.h"

namespace sagsoeg::pdf {

/// Makes extract_text_bounded() run `executable --read-pdf` for each PDF.
/// Also ignores SIGPIPE (a child that dies must not take the indexer along).
void set_helper(const std::string& executable);

/// The text of a PDF within `limits` (seconds, memory_mb). Throws
/// InputError naming the limit that was reached, or what poppler said.
PdfText extract_text_bounded(std::string_view bytes, const ReadLimits& limits);

/// The helper's main: reads a PDF on stdin, writes its text on stdout (or a
/// message on stderr and exit status 2). Returns the exit status.
int helper_main();

/// The helper's wire format (tests).
std::string encode(const PdfText& text);
PdfText decode(std::string_view wire);

}  // namespace sagsoeg::pdf
