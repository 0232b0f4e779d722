// What FirstAgenda's publication page and its portal JSON share: an item's
// case presentation (the markup inside #sagsfremstillingContainer, whose h3
// elements are the sections, empty ones included), the closed marker in an
// item's title ("Lukket: Køb af landbrugsejendom"), and the meeting kind
// named by a heading word ("Referat", "Dagsorden").
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "format/source_document.h"
#include "format/xml_tree.h"

namespace sagsoeg::firstagenda {

/// The case presentation below `node` as blocks, its headings as captions.
std::vector<Block> case_presentation(const xmlNode* node);
/// The same from the HTML of a portal JSON field (Felter[].Html).
std::vector<Block> case_presentation(std::string_view html);

/// Fills number, title and access of an item from what the portal states:
/// the printed number, the title (a closed marker in it closes the item, and
/// the title without the marker is what the public sees), and any further
/// closed sign the caller found.
void set_title_and_access(StatedItem& item, std::string_view number, std::string_view title, bool closed_sign);

}  // namespace sagsoeg::firstagenda
