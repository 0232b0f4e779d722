#include "harvester/harvest.h"

#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <set>

#include "format/reader.h"
#include "harvester/harvest_store.h"
#include "harvester/portal.h"
#include "parse/agenda_parser.h"
#include "util/clock.h"
#include "util/hash.h"
#include "util/utf8.h"

namespace sagsoeg::harvest {

namespace fs = std::filesystem;

namespace {

bool wanted(const MeetingRef& m, const HarvestOptions& o) {
  if (!o.since.empty() && (m.date.empty() || m.date < o.since)) return false;
  if (o.committees.empty()) return true;
  const std::string name = to_lower_latin(m.committee);
  return std::any_of(o.committees.begin(), o.committees.end(),
                     [&](const std::string& c) { return name.find(to_lower_latin(c)) != std::string::npos; });
}

// The body is a meeting as the indexer reads it (the same sniffing), or the
// reason it is not.
std::string meeting_problem(const HttpResponse& r) {
  const Reader* reader = find_reader(r.body, "meeting.json");
  if (reader && std::string(reader->name) == "firstagenda-json") return {};
  const std::string_view head = trim(std::string_view(r.body).substr(0, 200));
  if (!head.empty() && head[0] == '<') return "the answer is HTML, not a meeting's JSON (" + r.content_type + ")";
  if (!head.empty() && (head[0] == '{' || head[0] == '['))
    return "the answer is not a whole FirstAgenda meeting (truncated or another shape)";
  return "the answer is not a meeting's JSON (" + (r.content_type.empty() ? "no content type" : r.content_type) + ")";
}

class Progress {
 public:
  Progress(bool on, size_t total) : on_(on), total_(total) {}
  void step(size_t done, const std::string& what) {
    if (!on_) return;
    const int width = 30, filled = total_ ? static_cast<int>(width * done / total_) : width;
    std::fprintf(stderr, "\r[%s%s] %zu/%zu meetings  %-40.40s", std::string(filled, '#').c_str(),
                 std::string(width - filled, '.').c_str(), done, total_, what.c_str());
  }
  void finish() {
    if (on_) std::fputs("\n", stderr);
  }

 private:
  bool on_;
  size_t total_;
};

class PortalHarvest {
 public:
  PortalHarvest(const Portal& portal, const HarvestOptions& o, PoliteFetcher& fetcher, HarvestStore& store,
                HarvestStats& stats, std::ostream& errors)
      : portal_(portal), o_(o), fetcher_(fetcher), store_(store), stats_(stats), errors_(errors) {}

  void run() {
    HttpRequest list;
    list.url = portal_.committees_url();
    limit(list);
    const Fetched got = fetcher_.fetch(list);
    std::vector<MeetingRef> meetings;
    try {
      if (!got.problem().empty()) throw std::runtime_error(got.problem());
      meetings = parse_committee_list(got.response.body);
    } catch (const std::exception& e) {
      errors_ << "harvester: " << list.url << ": " << e.what() << " (nothing of this portal was changed)\n";
      ++stats_.portals_failed;
      return;
    }
    meetings.erase(
        std::remove_if(meetings.begin(), meetings.end(), [&](const MeetingRef& m) { return !wanted(m, o_); }),
        meetings.end());
    std::sort(meetings.begin(), meetings.end(), [](const MeetingRef& a, const MeetingRef& b) {
      return a.date != b.date ? a.date < b.date : a.id < b.id;
    });
    stats_.listed += meetings.size();
    const std::string portal_dir = (fs::path(store_.root()) / path_part(portal_.host())).string();
    stored_ = store_.meetings_below(portal_dir);
    Progress progress(o_.progress, meetings.size());
    for (size_t i = 0; i < meetings.size(); ++i) {
      progress.step(i, meetings[i].committee);
      harvest_meeting(meetings[i], portal_dir);
    }
    progress.step(meetings.size(), "");
    progress.finish();
    for (const std::string& folder : touched_) store_.write_manifest(folder);
  }

 private:
  void limit(HttpRequest& r) const {
    r.max_bytes = o_.max_bytes;
    r.total_timeout_s = o_.timeout_s;
    r.low_speed_s = std::min<long>(r.low_speed_s, std::max<long>(1, o_.timeout_s / 2));
  }

  void harvest_meeting(const MeetingRef& m, const std::string& portal_dir) {
    const std::string folder =
        (fs::path(portal_dir) / path_part(m.committee.empty() ? "udvalg" : m.committee)).string();
    const std::string path =
        (fs::path(folder) / (path_part(m.date.empty() ? "udateret" : m.date) + "_" + path_part(m.id) + ".json"))
            .string();
    const std::string what = m.committee + " " + m.date + " (" + portal_.meeting_page(m.id) + ")";
    const std::optional<StoredRecord> old = store_.record_of(path);
    if (old && old->fingerprint == m.fingerprint) {
      ++stats_.unchanged;
      if (o_.attachments) harvest_attachments(path, *old);
      return;
    }
    HttpRequest req;
    req.url = portal_.meeting_url(m.id);
    limit(req);
    if (old) {
      req.if_none_match = old->etag;
      req.if_modified_since = old->last_modified;
    }
    const Fetched got = fetcher_.fetch(req);
    std::string problem = got.problem();
    if (problem.empty() && got.response.status == 200) problem = meeting_problem(got.response);
    if (!problem.empty()) {
      ++stats_.failed;
      errors_ << "harvester: " << what << ": " << problem << (old ? " (the copy stored earlier is kept)" : "") << "\n";
      return;
    }
    StoredRecord record = old.value_or(StoredRecord{});
    record.id = m.id;
    record.url = req.url;
    record.page = portal_.meeting_page(m.id);
    record.date = m.date;
    record.committee = m.committee;
    record.organisation = portal_.organisation();
    record.kind = "";  // the meeting's JSON says agenda or minutes
    record.fingerprint = m.fingerprint;
    record.fetched = utc_timestamp();
    const bool not_modified = got.response.status == 304;
    if (!not_modified) {
      record.etag = got.response.etag;
      record.last_modified = got.response.last_modified;
    }
    const std::string hash = not_modified ? record.hash : fnv1a_hex(got.response.body);
    try {
      if (not_modified || (old && old->hash == hash)) {
        // The same meeting: only its record learns the new listing entry.
        store_.store_record(path, record);
        ++stats_.unchanged;
      } else {
        record.hash = hash;
        store_.store(path, got.response.body, record);
        ++(old ? stats_.changed : stats_.fresh);
      }
      touched_.insert(folder);
      // A meeting moved to another date or committee: one copy, the new one.
      const auto earlier = stored_.find(m.id);
      if (earlier != stored_.end() && earlier->second != path) {
        store_.remove(earlier->second);
        touched_.insert(fs::path(earlier->second).parent_path().string());
        ++stats_.moved;
      }
      stored_[m.id] = path;
    } catch (const std::exception& e) {
      ++stats_.failed;
      errors_ << "harvester: " << what << ": " << e.what() << "\n";
      return;
    }
    if (o_.attachments) harvest_attachments(path, record);
  }

  static std::string read_stored(const std::string& path) {
    std::FILE* f = std::fopen(path.c_str(), "rb");
    if (!f) throw std::runtime_error("cannot read " + path);
    std::string bytes;
    char buf[65536];
    size_t n;
    while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) bytes.append(buf, n);
    std::fclose(f);
    return bytes;
  }

  // The public items' attachments as PDFs: never a closed item's (the
  // indexer's own reading of the meeting decides which are closed).
  void harvest_attachments(const std::string& meeting_path, const StoredRecord& meeting) {
    std::vector<std::pair<std::string, std::string>> wanted;  // id, name
    try {
      ReadContext context;
      context.name = meeting_path;
      const ParsedDocument doc = parse_document(read_source(read_stored(meeting_path), context), meeting_path);
      for (const AgendaItem& item : doc.items) {
        if (item.is_confidential()) continue;
        for (const Attachment& a : item.attachments)
          if (const std::string id = attachment_id(a.url); !id.empty()) wanted.emplace_back(id, a.name);
      }
    } catch (const std::exception& e) {
      errors_ << "harvester: " << meeting_path << ": cannot read its attachments: " << e.what() << "\n";
      return;
    }
    if (wanted.empty()) return;
    const std::string folder = meeting_path.substr(0, meeting_path.size() - 5) + ".bilag";
    bool stored_any = false;
    for (const auto& [id, name] : wanted) {
      const std::string path = (fs::path(folder) / (path_part(id) + ".pdf")).string();
      if (store_.record_of(path)) continue;  // attachments do not change under their ID
      HttpRequest req;
      req.url = portal_.attachment_page(id);
      limit(req);
      const Fetched got = fetcher_.fetch(req);
      std::string problem = got.problem();
      if (problem.empty() && got.response.body.compare(0, 5, "%PDF-") != 0)
        problem =
            "not a PDF (" + (got.response.content_type.empty() ? "no content type" : got.response.content_type) + ")";
      if (!problem.empty()) {
        ++stats_.attachments_failed;
        errors_ << "harvester: attachment \"" << name << "\" of " << meeting.committee << " " << meeting.date << " ("
                << req.url << "): " << problem << "\n";
        continue;
      }
      StoredRecord r;
      r.id = id;
      r.url = req.url;
      r.page = req.url;
      r.date = meeting.date;
      r.committee = meeting.committee;
      r.organisation = meeting.organisation;
      r.kind = "bilag";
      r.hash = fnv1a_hex(got.response.body);
      r.fetched = utc_timestamp();
      try {
        store_.store(path, got.response.body, r);
        ++stats_.attachments;
        stored_any = true;
      } catch (const std::exception& e) {
        ++stats_.attachments_failed;
        errors_ << "harvester: " << path << ": " << e.what() << "\n";
      }
    }
    if (stored_any) store_.write_manifest(folder);
  }

  const Portal& portal_;
  const HarvestOptions& o_;
  PoliteFetcher& fetcher_;
  HarvestStore& store_;
  HarvestStats& stats_;
  std::ostream& errors_;
  std::map<std::string, std::string> stored_;  ///< meeting ID -> path, this portal
  std::set<std::string> touched_;              ///< folders whose manifest is rewritten
};

}  // namespace

HarvestStats harvest(const std::vector<std::string>& portals, const HarvestOptions& options, PoliteFetcher& fetcher,
                     std::ostream& errors) {
  const auto started = std::chrono::steady_clock::now();
  HarvestStats stats;
  HarvestStore store(options.out);
  for (const std::string& url : portals) {
    ++stats.portals;
    try {
      const Portal portal(url);
      PortalHarvest(portal, options, fetcher, store, stats, errors).run();
    } catch (const std::invalid_argument& e) {
      ++stats.portals_failed;
      errors << "harvester: " << e.what() << "\n";
    }
  }
  stats.requests = fetcher.requests();
  stats.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  return stats;
}

}  // namespace sagsoeg::harvest
