// eDoc/Fujitsu AgendaWeb pages (the HTML its XSLT renders from the agenda
// XML): each item is a table.xsltTitleTableBegin (number, title) followed by
// a table.xsltTitleTableEnd (Sagsnr., Sagsbehandler and the item's own
// access label, Åben or Lukket), then its sections as div.xsltHeader
// captions each followed by their content, and a.xsltAttachment links.
// div.xsltItemsHeader groups items ("Åbne sager", "Lukkede sager"); a table
// of contents (table.xsltListOfContent*) lists them under "Dagsorden" and
// "Lukket dagsorden".
#pragma once

#include "format/source_document.h"
#include "format/xml_tree.h"

namespace sagsoeg::fujitsu {

/// True when the page holds AgendaWeb item title tables.
bool is_agenda_page(const xmlNode* root);

/// The page's items as its markup states them, and its header blocks.
SourceDocument read_agenda_page(const xmlNode* root);

}  // namespace sagsoeg::fujitsu
