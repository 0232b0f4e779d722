// One meeting, one set of items. A meeting is often published more than
// once: an agenda and later its minutes, an HTML page and its XML export, an
// earlier and a later export. The ledger records in the database, per
// meeting (committee and date), every publication indexed, and serves one:
// the newest -- minutes before an agenda, then the later publication time,
// then the one that closes more -- so an item a later export closes leaves
// with the earlier public copy, and no item appears twice. Two publications
// of one committee on one date are one meeting only when most of their
// items are the same (an extraordinary meeting the same day stays apart).
#pragma once

#include <xapian.h>

#include <string>
#include <vector>

#include "parse/agenda_parser.h"

namespace sagsoeg {

struct Publication {
  std::string source;
  int rank = 0;                    ///< minutes 2, agenda 1
  std::string published;           ///< sortable time ("2012-09-25T14:07:07")
  size_t closed = 0;               ///< closed items
  std::vector<std::string> items;  ///< "number|title key" of each item
  bool served = true;
};

/// The meeting a parsed document publishes: committee and date, "" when it
/// names no meeting (an attachment, an agreement, no committee or date).
std::string meeting_key(const DocumentMeta& meta);

/// What the ledger keeps of a publication.
Publication describe_publication(const ParsedDocument& doc);

/// True when `a` is to be served rather than `b`.
bool serves_before(const Publication& a, const Publication& b);

/// True when two publications of one key are the same meeting.
bool same_meeting(const Publication& a, const Publication& b);

class MeetingLedger {
 public:
  explicit MeetingLedger(Xapian::WritableDatabase& db) : db_(db) {}

  struct Decision {
    bool serve = true;                 ///< write this publication's items
    std::vector<std::string> replace;  ///< served publications whose items this one replaces
    std::vector<std::string> restore;  ///< publications it no longer keeps from being served: read them again
  };
  /// Registers `p` (from a file about to be written) under `key` ("" for no
  /// meeting) and decides what is served.
  Decision publish(const std::string& key, Publication p);

  /// Forgets a source removed from the index (pruned, failed, unsupported
  /// now). Returns the publications it kept from being served.
  std::vector<std::string> remove(const std::string& source);

 private:
  std::vector<Publication> load(const std::string& key) const;
  void save(const std::string& key, const std::vector<Publication>& pubs);
  Xapian::WritableDatabase& db_;
};

}  // namespace sagsoeg
