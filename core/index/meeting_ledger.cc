#include "index/meeting_ledger.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>

#include "parse/danish_date.h"
#include "util/hash.h"
#include "util/utf8.h"

namespace sagsoeg {

namespace {

constexpr const char* kMeetingPrefix = "sagsoeg:meeting:";          ///< + key -> the meeting's publications
constexpr const char* kPublicationPrefix = "sagsoeg:publication:";  ///< + source -> its meeting key

// Lower-case letters and digits only: "Byrådet " and "byrådet" are one name.
std::string name_key(std::string_view s) {
  std::string out;
  for (char c : to_lower_latin(s))
    if (static_cast<unsigned char>(c) >= 0x80 || std::isalnum(static_cast<unsigned char>(c))) out += c;
  return out;
}

std::string publication_key(const std::string& source) {
  std::string key = std::string(kPublicationPrefix) + source;
  if (key.size() > 200) key = std::string(kPublicationPrefix) + fnv1a_hex(source);
  return key;
}

// One publication per line: source, rank, published, closed, served, items (US-separated).
std::string encode(const std::vector<Publication>& pubs) {
  std::string out;
  for (const Publication& p : pubs) {
    out += p.source + '\t' + std::to_string(p.rank) + '\t' + p.published + '\t' + std::to_string(p.closed) + '\t' +
           (p.served ? "1" : "0") + '\t';
    for (size_t i = 0; i < p.items.size(); ++i) out += (i ? "\x1f" : "") + p.items[i];
    out += '\n';
  }
  return out;
}

std::vector<Publication> decode(std::string_view text) {
  std::vector<Publication> pubs;
  for (std::string_view line : split_lines(text)) {
    std::vector<std::string_view> f;
    size_t start = 0;
    for (size_t i = 0; i <= line.size(); ++i)
      if (i == line.size() || line[i] == '\t') {
        f.push_back(line.substr(start, i - start));
        start = i + 1;
      }
    if (f.size() < 6) continue;
    Publication p;
    p.source = std::string(f[0]);
    p.rank = std::atoi(std::string(f[1]).c_str());
    p.published = std::string(f[2]);
    p.closed = static_cast<size_t>(std::atol(std::string(f[3]).c_str()));
    p.served = f[4] == "1";
    size_t s = 0;
    const std::string_view items = f[5];
    for (size_t i = 0; i <= items.size(); ++i)
      if (i == items.size() || items[i] == '\x1f') {
        if (i > s) p.items.emplace_back(items.substr(s, i - s));
        s = i + 1;
      }
    pubs.push_back(std::move(p));
  }
  return pubs;
}

}  // namespace

std::string meeting_key(const DocumentMeta& meta) {
  if (meta.kind != "referat" && meta.kind != "dagsorden") return {};
  const std::string committee = name_key(meta.committee);
  if (committee.empty() || meta.date.size() != 10) return {};
  const std::string key = committee + "|" + meta.date;
  return key.size() > 180 ? fnv1a_hex(committee) + "|" + meta.date : key;
}

Publication describe_publication(const ParsedDocument& doc) {
  Publication p;
  p.source = doc.meta.source;
  p.rank = doc.meta.kind == "referat" ? 2 : doc.meta.kind == "dagsorden" ? 1 : 0;
  p.published = doc.meta.published;
  for (const AgendaItem& item : doc.items) {
    p.closed += item.is_confidential();
    p.items.push_back(item.printed_number() + "|" + name_key(item.title).substr(0, 40));
  }
  return p;
}

bool serves_before(const Publication& a, const Publication& b) {
  if (a.rank != b.rank) return a.rank > b.rank;
  if (a.published != b.published) return a.published > b.published;
  if (a.closed != b.closed) return a.closed > b.closed;  // fail closed on a tie
  return a.source < b.source;
}

namespace {

// Items every meeting has ("Godkendelse af dagsorden", "Eventuelt"): alike
// in any two meetings of a committee, they say nothing about being the same.
bool is_procedural(std::string_view title_key) {
  for (const char* p : {"godkendelseafdagsorden", "eventuelt", "meddelelser", "orientering", "underskriftsark",
                        "underskriftsblad", "godkendelseafreferat", "gensidigorientering", "formandensorientering"})
    if (starts_with(title_key, p)) return true;
  return false;
}

struct Match {
  size_t same = 0, substantive = 0;
};

Match matching_items(const Publication& a, const Publication& b) {
  Match m;
  for (const std::string& x : a.items) {
    const size_t bar = x.find('|');
    const std::string_view tx = std::string_view(x).substr(bar + 1);
    for (const std::string& y : b.items) {
      if (y.compare(0, bar + 1, x, 0, bar + 1) != 0) continue;  // another number
      const std::string_view ty = std::string_view(y).substr(bar + 1);
      if (tx.empty() || ty.empty() || tx == ty || starts_with(tx, ty) || starts_with(ty, tx)) {
        ++m.same;
        // A closed item's withheld title matches by number alone; a public
        // item that no meeting has by routine counts as substance.
        if (!tx.empty() && !ty.empty() && !is_procedural(tx)) ++m.substantive;
        break;
      }
    }
  }
  return m;
}

size_t substantive_items(const Publication& p) {
  size_t n = 0;
  for (const std::string& x : p.items) {
    const std::string_view t = std::string_view(x).substr(x.find('|') + 1);
    n += !t.empty() && !is_procedural(t);
  }
  return n;
}

}  // namespace

bool same_meeting(const Publication& a, const Publication& b) {
  if (a.items.empty() || b.items.empty()) return a.items.empty() && b.items.empty();
  const Match m = matching_items(a, b);
  // Most items alike, and -- where both list items of substance -- most of
  // those alike too: two meetings the same day share only routine items.
  const size_t fewer = std::min(a.items.size(), b.items.size());
  const size_t fewer_substantive = std::min(substantive_items(a), substantive_items(b));
  if (m.same * 2 < fewer) return false;
  return fewer_substantive == 0 || m.substantive * 2 >= fewer_substantive;
}

std::vector<Publication> MeetingLedger::load(const std::string& key) const {
  return decode(db_.get_metadata(kMeetingPrefix + key));
}

void MeetingLedger::save(const std::string& key, const std::vector<Publication>& pubs) {
  db_.set_metadata(kMeetingPrefix + key, encode(pubs));
}

std::vector<std::string> MeetingLedger::remove(const std::string& source) {
  const std::string key = db_.get_metadata(publication_key(source));
  if (key.empty()) return {};
  db_.set_metadata(publication_key(source), "");
  std::vector<Publication> pubs = load(key);
  const auto it = std::find_if(pubs.begin(), pubs.end(), [&](const Publication& p) { return p.source == source; });
  if (it == pubs.end()) return {};
  const Publication gone = *it;
  pubs.erase(it);
  // The publications it kept from being served are read again: the next
  // run elects among them.
  std::vector<std::string> restore;
  if (gone.served) {
    for (Publication& p : pubs)
      if (!p.served && same_meeting(p, gone)) restore.push_back(p.source);
    pubs.erase(std::remove_if(pubs.begin(), pubs.end(),
                              [&](const Publication& p) {
                                return std::find(restore.begin(), restore.end(), p.source) != restore.end();
                              }),
               pubs.end());
  }
  save(key, pubs);
  return restore;
}

MeetingLedger::Decision MeetingLedger::publish(const std::string& key, Publication p) {
  Decision d;
  // Leaving the meeting it published before (its committee or date changed).
  const std::string before = db_.get_metadata(publication_key(p.source));
  if (!before.empty() && before != key) d.restore = remove(p.source);
  if (key.empty()) return d;
  std::vector<Publication> pubs = load(key);
  pubs.erase(std::remove_if(pubs.begin(), pubs.end(), [&](const Publication& x) { return x.source == p.source; }),
             pubs.end());
  // Among the same meeting's publications, the one to serve.
  bool serve = true;
  for (const Publication& other : pubs)
    if (same_meeting(other, p) && serves_before(other, p)) serve = false;
  p.served = serve;
  if (serve)
    for (Publication& other : pubs)
      if (other.served && same_meeting(other, p)) {
        other.served = false;
        d.replace.push_back(other.source);
      }
  d.serve = serve;
  pubs.push_back(std::move(p));
  save(key, pubs);
  db_.set_metadata(publication_key(pubs.back().source), key);
  return d;
}

}  // namespace sagsoeg
