// Danish relevance beyond stemming, applied to a parsed query: each stemmed
// query term also matches
//  - compounds that contain it (index terms XP<stem>, weighted at half), and
//  - its other Danish spellings (laegedaekning -> lægedækning, Aalborg <-> Ålborg)
// where those terms exist in the database. Phrases and filters are left as
// they are.
#pragma once

#include <xapian.h>

namespace sagsoeg {

struct ExpansionOptions {
  bool compounds = true;
  bool variants = true;
};

/// `qp` must be the parser that produced `query` (for the unstemmed forms).
Xapian::Query expand_query(const Xapian::Query& query, const Xapian::QueryParser& qp, const Xapian::Database& db,
                           Xapian::Stem& stem, const ExpansionOptions& options);

}  // namespace sagsoeg
