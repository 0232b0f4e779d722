// One harvest run over portals: list every committee's meetings, fetch
// what is new or changed, store it (harvest_store.h), and with attachments
// fetch the public items' PDFs. Each failure is named for its meeting and
// the run goes on; nothing stored is lost to a bad answer.
#pragma once

#include <ostream>
#include <string>
#include <vector>

#include "harvester/polite_fetcher.h"

namespace sagsoeg::harvest {

struct HarvestOptions {
  std::string out;                      ///< --out DIR
  std::string since;                    ///< YYYY-MM-DD or ""
  std::vector<std::string> committees;  ///< parts of committee names (any), or all
  bool attachments = false;
  size_t max_bytes = 64u << 20;  ///< largest response accepted
  long timeout_s = 120;          ///< longest one request may take (a slow drip is cut sooner)
  bool progress = false;         ///< a progress bar on stderr
};

struct HarvestStats {
  size_t portals = 0, portals_failed = 0;
  size_t listed = 0;     ///< meetings in the lists (after --since and --committee)
  size_t fresh = 0;      ///< stored for the first time
  size_t changed = 0;    ///< stored again: the portal changed them
  size_t unchanged = 0;  ///< already stored as the portal has them
  size_t failed = 0;     ///< meetings that could not be fetched or stored (named)
  size_t attachments = 0, attachments_failed = 0;
  size_t moved = 0;  ///< meetings stored under a new date: the old copy removed
  size_t requests = 0;
  double seconds = 0;
};

/// Harvests each portal in turn into options.out. Errors go to `errors` as
/// "harvester: <what>: <why>".
HarvestStats harvest(const std::vector<std::string>& portals, const HarvestOptions& options, PoliteFetcher& fetcher,
                     std::ostream& errors);

}  // namespace sagsoeg::harvest
