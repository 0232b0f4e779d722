// FirstAgenda publication pages (https://dagsordener.<kommune>.dk/vis?id=...,
// saved from a browser): the agenda is a table of rows tr.punktrow, each with
// the printed number in its first cell (span.label), the title in
// h2.overskrift (inside the row's expand button), the case number in
// span.sagsnummer, the case presentation in div.punkt and the attachments as
// links to /vis/pdf/bilag/. The meeting's kind, date and committee stand
// above the table (h1 "Referat 1. oktober 2025", "Udvalg: Teknisk Udvalg").
#pragma once

#include "format/source_document.h"
#include "format/xml_tree.h"

namespace sagsoeg::firstagenda {

/// True when the page holds FirstAgenda agenda rows.
bool is_publication_page(const xmlNode* root);

/// The page's items, as stated by its rows, and its header blocks.
SourceDocument read_publication_page(const xmlNode* root);

}  // namespace sagsoeg::firstagenda
