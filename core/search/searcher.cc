#include "search/searcher.h"

#include <sys/stat.h>
#include <algorithm>
#include <cctype>
#include <chrono>

#include <fstream>
#include <tuple>

#include "schema/schema.h"
#include "schema/stored_item.h"
#include "schema/topics.h"
#include "search/facets.h"
#include "search/procedural_titles.h"
#include "search/query_builder.h"
#include "search/ranking.h"
#include "search/snippet.h"
#include "store/database.h"
#include "text/proper_names.h"
#include "text/text_pipeline.h"
#include "text/words.h"
#include "util/utf8.h"

namespace sagsoeg {

namespace {

bool is_remote_stub(const std::string& path) {
  std::ifstream in(path);
  std::string word;
  return in && (in >> word) && (word == "remote");
}

// A stub file's "remote HOST:PORT" (or "remote :PORT") opened with our
// timeouts; anything else in a stub file is left to Xapian.
std::optional<Xapian::Database> open_remote(const std::string& path, int timeout_ms) {
  std::ifstream in(path);
  std::string word, address, extra;
  if (!(in >> word >> address) || word != "remote" || (in >> extra)) return std::nullopt;
  const size_t colon = address.rfind(':');
  if (colon == std::string::npos) return std::nullopt;
  const std::string host = colon == 0 ? "127.0.0.1" : address.substr(0, colon);
  unsigned port = 0;
  for (size_t i = colon + 1; i < address.size(); ++i) {
    if (!std::isdigit(static_cast<unsigned char>(address[i])) || port > 65535) return std::nullopt;
    port = port * 10 + static_cast<unsigned>(address[i] - '0');
  }
  if (port == 0 || port > 65535) return std::nullopt;
  return Xapian::Remote::open(host, port, timeout_ms, timeout_ms);
}

// The public text an item's snippet is drawn from: resumé and decision
// first, they say most in fewest words.
std::string snippet_source(const AgendaItem& item) {
  std::string text;
  auto add = [&text](const std::string& s) {
    if (s.empty()) return;
    if (!text.empty()) text += "\n";
    text += s;
  };
  for (const char* first : {"resume", "decision"})
    if (const Section* s = item.section(first)) add(s->text);
  for (const Section& s : item.sections)
    if (s.name != "resume" && s.name != "decision") add(s.text);
  return text;
}

// The first line of a text, at most `max` bytes (cut at a word).
std::string first_line(const std::string& text, size_t max) {
  std::string line = text.substr(0, text.find('\n'));
  if (line.size() > max) {
    size_t cut = line.rfind(' ', max);
    line = line.substr(0, cut == std::string::npos ? max : cut) + "…";
  }
  return line;
}

// A result from a matched document: its item (sections only `with_text`)
// and, for a public item with text, the snippet and the decision's first line.
SearchHit make_hit(const Xapian::Document& doc, double score, const std::vector<std::string>& highlights,
                   bool with_text) {
  SearchHit hit;
  hit.item = decode_document_data(doc.get_data(), &hit.topics, with_text);
  hit.score = score;
  if (with_text && !hit.item.is_confidential()) {
    hit.snippet = make_snippet(snippet_source(hit.item), highlights, 220);
    hit.decision = first_line(hit.item.decision(), 200);
  }
  if (!with_text || hit.item.is_confidential()) hit.item.sections.clear();
  return hit;
}

// Edits (insert, delete, substitute) between two words, by code point.
size_t edit_distance(const std::string& a, const std::string& b) {
  std::vector<uint32_t> x, y;
  for (size_t i = 0; i < a.size();) x.push_back(next_code_point(a, i));
  for (size_t i = 0; i < b.size();) y.push_back(next_code_point(b, i));
  std::vector<size_t> row(y.size() + 1);
  for (size_t j = 0; j <= y.size(); ++j) row[j] = j;
  for (size_t i = 1; i <= x.size(); ++i) {
    size_t diagonal = row[0];
    row[0] = i;
    for (size_t j = 1; j <= y.size(); ++j) {
      const size_t up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (x[i - 1] == y[j - 1] ? 0 : 1)});
      diagonal = up;
    }
  }
  return row[y.size()];
}

// A correction sure enough to show its results instead of the query's:
// every word it changes was typed in lower case (a capitalised word or an
// abbreviation is a name -- Lisbjerg, Movia, SAPA -- and stays as typed,
// as does a word hunspell-da lists as a name however it was typed)
// and is one edit away (two for words of eight letters or more). Anything
// less certain is only offered.
bool confident_correction(const std::string& typed, const std::string& corrected) {
  const std::vector<std::string_view> a = split_words(typed), b = split_words(corrected);
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (a[i] == b[i]) continue;
    const std::string word(a[i]);
    for (size_t p = 0; p < word.size();)
      if (is_upper_letter(next_code_point(word, p))) return false;
    // A name typed in lower case ("lisbjerg", "movia") is still a name.
    if (ProperNames::standard().lists(word)) return false;
    size_t length = 0;
    for (size_t p = 0; p < word.size(); ++length) next_code_point(word, p);
    if (edit_distance(word, std::string(b[i])) > (length >= 8 ? 2u : 1u)) return false;
  }
  return true;
}

}  // namespace

struct Searcher::Impl {
  Xapian::Stem stem = TextPipeline::standard().make_stemmer();
  std::unique_ptr<QueryBuilder> builder;
};

Searcher::Searcher(std::vector<std::string> db_paths, SearcherOptions options)
    : paths_(std::move(db_paths)), options_(options), impl_(std::make_unique<Impl>()) {
  if (paths_.empty()) throw std::runtime_error("no database given");
  // Even opening reads (the pipeline version): an indexer committing twice
  // meanwhile discards that revision, so it is retried like a search.
  with_retry([this] { open(); });
}

Searcher::~Searcher() = default;

void Searcher::open() {
  browse_facets_.reset();
  Xapian::Database combined;
  std::vector<Xapian::Database> parts;
  std::vector<std::string> failed;
  std::string first_error;
  for (const std::string& path : paths_) {
    try {
      const bool remote = is_remote_stub(path);
      std::optional<Xapian::Database> opened;
      if (remote) opened = open_remote(path, options_.shard_timeout_ms);
      Xapian::Database one = opened ? *opened : Xapian::Database(path);
      // An empty database (an indexer's first batch not yet committed) just
      // has no results; check_pipeline_version accepts it.
      // Remote shards (xapian-tcpsrv) have no spelling table: "did you mean"
      // is switched off when any shard is remote.
      if (remote) spelling_ = false, remote_ = true;
      check_pipeline_version(one, path);
      if (!remote) check_database_files(one, path);
      combined.add_database(one);
      parts.push_back(one);
    } catch (const Xapian::Error& e) {
      const std::string detail =
          e.get_msg() + (e.get_error_string() ? std::string(" (") + e.get_error_string() + ")" : "");
      const std::string why = is_remote_stub(path) ? "a shard did not answer: " + path + ": " + detail
                                                   : "cannot open database " + path + ": " + detail;
      if (!options_.allow_partial || paths_.size() == 1) {
        if (std::string(e.get_type()) == "DatabaseOpeningError")
          throw std::runtime_error(why + " (build it with `indexer --db " + path + " corpus/`)");
        throw std::runtime_error(why);
      }
      failed.push_back(path + ": " + e.get_msg());
      if (first_error.empty()) first_error = why;
    } catch (const std::runtime_error& e) {
      if (!options_.allow_partial || paths_.size() == 1) throw;
      failed.push_back(path + ": " + e.what());
      if (first_error.empty()) first_error = e.what();
    }
  }
  if (parts.empty()) throw std::runtime_error(first_error.empty() ? "no database could be opened" : first_error);
  db_ = combined;
  parts_ = std::move(parts);
  failed_shards_ = std::move(failed);
  failed_at_ = std::chrono::steady_clock::now();
  signature_ = files_signature();
  if (!options_.spelling_db.empty()) {
    try {
      spelling_db_ = Xapian::Database(options_.spelling_db);
      spelling_ = true;
    } catch (const Xapian::Error& e) {
      throw std::runtime_error("cannot open the spelling database " + options_.spelling_db + ": " + e.get_msg());
    }
  }
  make_builder();
}

void Searcher::make_builder() {
  impl_->builder = std::make_unique<QueryBuilder>(db_, TextPipeline::standard());
  if (!options_.spelling_db.empty()) impl_->builder->set_spelling_source(&spelling_db_);
}

void Searcher::reopen_after_network_error(const Xapian::NetworkError& e) {
  SearcherOptions strict = options_;
  options_.allow_partial = true;  // find every shard that does not answer
  try {
    open();
  } catch (...) {
    options_ = strict;
    throw;
  }
  options_ = strict;
  if (options_.allow_partial && !failed_shards_.empty()) return;
  std::string which;
  for (const std::string& f : failed_shards_) which += (which.empty() ? "" : "; ") + f;
  throw std::runtime_error("a shard did not answer: " + (which.empty() ? e.get_msg() : which) +
                           " (searcher --allow-partial answers from the others)");
}

void Searcher::note_shards(SearchResponse& out) const {
  out.shards_total = paths_.size();
  out.failed_shards.clear();
  for (const std::string& f : failed_shards_) out.failed_shards.push_back(f.substr(0, f.find(": ")));
}

// What identifies a local database's files: `indexer --compact` and
// `--rebuild` swap in new files at the same revision, which Database::reopen
// does not notice.
std::string Searcher::files_signature() const {
  std::string sig;
  for (const std::string& path : paths_) {
    struct stat st {};
    const std::string version_file = path + "/iamglass";
    if (stat(version_file.c_str(), &st) == 0)
      sig += std::to_string(st.st_dev) + ":" + std::to_string(st.st_ino) + ":" + std::to_string(st.st_mtime) + ";";
  }
  return sig;
}

void Searcher::reopen() {
  try {
    reopen_once();
  } catch (const Xapian::NetworkError& e) {
    if (!remote_) throw;
    reopen_after_network_error(e);
  }
}

void Searcher::reopen_once() {
  const std::string sig = files_signature();
  // Shards left out are tried again every few seconds.
  const bool retry_failed =
      !failed_shards_.empty() && std::chrono::steady_clock::now() - failed_at_ > std::chrono::seconds(5);
  if (sig != signature_ || retry_failed) {
    open();  // new files: a fresh handle, never the old (perhaps purged) revision
    return;
  }
  if (!db_.reopen()) return;
  browse_facets_.reset();
  if (!options_.spelling_db.empty()) spelling_db_.reopen();
  make_builder();
}

bool Searcher::has_matches(const Xapian::Query& query) {
  if (query.empty()) return false;
  Xapian::Enquire enquire(db_);
  enquire.set_query(query);
  return enquire.get_mset(0, 0, 1).get_matches_lower_bound() > 0;
}

Searcher::Status Searcher::status() const {
  Status s;
  s.items = item_count();
  s.public_items = public_item_count();
  for (const Xapian::Database& part : parts_) {
    unsigned long revision = 0;
    try {
      revision = part.get_revision();
    } catch (const Xapian::Error&) {
      // a remote database (1.4) does not tell its revision
    }
    s.revisions.push_back(revision);
    s.indexed_at = std::max(s.indexed_at, part.get_metadata(schema::kMetaIndexedAt));
  }
  s.failed_shards = failed_shards_;
  return s;
}

size_t Searcher::item_count() const {
  return db_.get_doccount();
}

size_t Searcher::public_item_count() const {
  return db_.get_termfreq(std::string(schema::kAccess) + "public");
}

SearchResponse Searcher::search(const SearchRequest& request) {
  SearchResponse out = with_retry([&] { return search_once(request); });
  note_shards(out);
  return out;
}

SearchResponse Searcher::search_once(const SearchRequest& request) {
  const auto started = std::chrono::steady_clock::now();
  validate_request(request);
  SearchRequest r = request;
  r.spelling = r.spelling && spelling_;
  QueryRun run = run_query(r);
  // "Did you mean": only when no item has all the words, and the corrected
  // query has items with all of its words. When the query found nothing at
  // all, the suggestion's results are shown (and the page says so).
  SearchResponse& out = run;
  if (r.spelling && run.has_text && run.some_item_has_all_words != true) {
    const std::string corrected = impl_->builder->spelling_correction(r.query);
    if (!corrected.empty() && (run.some_item_has_all_words.has_value() || !has_matches(run.all_words))) {
      SearchRequest alt = r;
      alt.query = corrected;
      alt.spelling = false;
      if (has_matches(impl_->builder->build(alt).all_words)) {
        out.suggestion = corrected;
        if (out.total == 0 && confident_correction(r.query, corrected)) {
          SearchResponse shown = run_query(alt);
          shown.query = r.query;
          shown.suggestion = corrected;
          shown.suggestion_applied = true;
          out = std::move(shown);  // the response part only
        }
      }
    }
  }
  for_each_word(r.query, [&](const std::string& word) {
    if (TextPipeline::standard().is_stopword(word) &&
        std::find(out.ignored_words.begin(), out.ignored_words.end(), word) == out.ignored_words.end())
      out.ignored_words.push_back(word);
  });
  const double elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  if (r.time_budget > 0 && elapsed > r.time_budget)
    throw QueryTimeout("the search took longer than " + std::to_string(static_cast<int>(r.time_budget * 1000)) +
                       " ms and was stopped; make it narrower (fewer wildcards, more words, a filter)");
  return std::move(out);
}

Searcher::QueryRun Searcher::run_query(const SearchRequest& r) {
  const BuiltQuery built = impl_->builder->build(r);
  const RankedPage page = rank_page(db_, built, r, parts_);
  QueryRun out;
  out.has_text = built.has_text;
  out.all_words = built.all_words;
  out.some_item_has_all_words = page.some_item_has_all_words;
  out.query = r.query;
  out.offset = r.offset;
  out.limit = r.limit;
  out.total = page.count.total;
  out.total_exact = page.count.exact;
  out.total_min = page.count.min;
  out.total_max = page.count.max;
  if (r.facets) {
    const bool browse = !built.has_text && r.committee.empty() && r.case_id.empty() && r.topic.empty() &&
                        r.type.empty() && r.organisation.empty() && r.kind.empty() && r.outcome.empty() &&
                        r.from.empty() && r.to.empty() && !r.include_confidential;
    if (browse && browse_facets_) {
      out.facets = browse_facets_->facets;
      out.total = out.total_min = out.total_max = browse_facets_->total;
    } else {
      // The browse is counted to the end, as it is kept for the revision.
      out.total = out.total_min = out.total_max =
          count_facets(db_, built.query, out.facets, browse ? 0 : r.time_budget, remote_);
      count_other_values(r, out.facets);
      if (browse) browse_facets_ = BrowseFacets{out.facets, out.total};
    }
    out.total_exact = true;
  }
  std::vector<std::string> highlights = built.has_text ? highlight_terms(built.query) : std::vector<std::string>{};
  for (const std::string& p : built.wildcard_prefixes)
    if (std::find(highlights.begin(), highlights.end(), p) == highlights.end()) highlights.push_back(p);
  size_t rank = r.offset;
  for (const RankedMatch& m : page.matches) {
    SearchHit hit = make_hit(m.doc, page.weighted ? m.weight : 0.0, highlights, r.snippets);
    // Never reached (the query builder keeps confidential items out unless
    // asked for; the query fuzzer checks that): a last guard.
    if (hit.item.is_confidential() && !r.include_confidential) continue;
    hit.rank = ++rank;
    out.hits.push_back(std::move(hit));
  }
  out.has_more = out.total_min > r.offset + out.hits.size() || (!out.total_exact && out.hits.size() == r.limit);
  return out;
}

// A facet whose filter is set counts as if it were not: choosing one
// committee keeps the others in view with their counts, so an analyst can
// compare and add a second (several values are ORed). One more count per
// filter set.
void Searcher::count_other_values(const SearchRequest& r, std::map<std::string, std::vector<FacetValue>>& facets) {
  const std::pair<std::string SearchRequest::*, const char*> filters[] = {
      {&SearchRequest::committee, "committee"}, {&SearchRequest::organisation, "organisation"},
      {&SearchRequest::topic, "topic"},         {&SearchRequest::type, "type"},
      {&SearchRequest::kind, "kind"},           {&SearchRequest::outcome, "outcome"},
      {&SearchRequest::case_id, "case_id"}};
  auto recount = [&](const SearchRequest& without, const char* facet) {
    std::map<std::string, std::vector<FacetValue>> all;
    count_facets(db_, impl_->builder->build(without).query, all, r.time_budget, remote_);
    facets[facet] = std::move(all[facet]);
  };
  for (const auto& [field, facet] : filters) {
    if ((r.*field).empty()) continue;
    SearchRequest without = r;
    (without.*field).clear();
    recount(without, facet);
  }
  if (!r.from.empty() || !r.to.empty()) {
    SearchRequest without = r;
    without.from.clear();
    without.to.clear();
    recount(without, "year");
  }
}

std::vector<SearchHit> Searcher::case_history(const std::string& case_id, bool include_confidential) {
  return with_retry([&] { return case_history_once(case_id, include_confidential); });
}

std::vector<SearchHit> Searcher::case_history_once(const std::string& case_id, bool include_confidential) {
  SearchRequest r;
  r.case_id = case_id;
  r.include_confidential = include_confidential;
  Xapian::Enquire enquire(db_);
  enquire.set_query(impl_->builder->filter_query(r).value_or(match_all()));
  const Xapian::MSet mset = enquire.get_mset(0, db_.get_doccount());
  std::vector<SearchHit> hits;
  for (auto m = mset.begin(); m != mset.end(); ++m) {
    SearchHit hit;
    hit.item = decode_document_data(m.get_document().get_data(), &hit.topics, true);
    if (hit.item.is_confidential()) hit.item.sections.clear();
    hits.push_back(std::move(hit));
  }
  // Oldest first; items whose meeting date is unknown go last.
  std::sort(hits.begin(), hits.end(), [](const SearchHit& a, const SearchHit& b) {
    const auto key = [](const SearchHit& h) {
      return std::make_tuple(h.item.meta.date.empty(), h.item.meta.date, h.item.meta.source, h.item.number);
    };
    return key(a) < key(b);
  });
  for (size_t i = 0; i < hits.size(); ++i) hits[i].rank = i + 1;
  return hits;
}

std::vector<std::string> Searcher::query_terms(const SearchRequest& request) {
  validate_request(request);
  const BuiltQuery built = impl_->builder->build(request);
  std::vector<std::string> terms;
  for (auto t = built.query.get_unique_terms_begin(); t != built.query.get_unique_terms_end(); ++t)
    if (!starts_with(*t, schema::kAccess)) terms.push_back(*t);
  return terms;
}

size_t Searcher::confidential_count(const std::string& case_id) {
  return with_retry([&] {
    SearchRequest r;
    r.case_id = case_id;
    r.include_confidential = true;
    const std::optional<Xapian::Query> filter = impl_->builder->filter_query(r);
    const Xapian::Query closed(Xapian::Query::OP_FILTER, filter.value_or(match_all()),
                               Xapian::Query(std::string(schema::kAccess) + "confidential"));
    return count_matches(db_, closed, 0, parts_).total;
  });
}

namespace {

// Terms worth expanding on: stems of the text ("Z" + a lower-case stem of at
// least four bytes), not field copies, compound parts, numbers or filters --
// and not a term of this item alone, which can find nothing else.
class TextStemsOnly : public Xapian::ExpandDecider {
 public:
  explicit TextStemsOnly(const Xapian::Database& db) : db_(db) {}
  bool operator()(const std::string& term) const override {
    if (term.size() < 5 || term[0] != 'Z' || db_.get_termfreq(term) < 2) return false;
    const auto c = static_cast<unsigned char>(term[1]);
    if (!((c >= 'a' && c <= 'z') || c >= 0xC3)) return false;
    for (size_t i = 1; i < term.size(); ++i)
      if (term[i] >= '0' && term[i] <= '9') return false;
    return true;
  }

 private:
  const Xapian::Database& db_;
};

}  // namespace

std::optional<std::vector<SearchHit>> Searcher::similar(const SimilarRequest& request) {
  return with_retry([&] { return similar_once(request); });
}

std::optional<std::vector<SearchHit>> Searcher::similar_once(const SimilarRequest& r) {
  const std::string id_term = schema::id_term(r.id);
  Xapian::PostingIterator p = db_.postlist_begin(id_term);
  if (p == db_.postlist_end(id_term)) return std::nullopt;
  const Xapian::docid did = *p;
  const AgendaItem item = decode_document_data(db_.get_document(did).get_data(), nullptr, false);
  if (item.is_confidential()) return std::nullopt;

  // The item's most telling terms: Xapian's expand set with the item as the
  // only relevant document.
  Xapian::RSet rset;
  rset.add_document(did);
  Xapian::Enquire feedback(db_);
  feedback.set_query(Xapian::Query(id_term));
  const TextStemsOnly decider(db_);
  const Xapian::ESet eset = feedback.get_eset(kSimilarTerms, rset, &decider);
  std::vector<Xapian::Query> terms;
  std::vector<std::string> highlights;
  for (auto t = eset.begin(); t != eset.end(); ++t) {
    terms.emplace_back(*t);
    highlights.push_back((*t).substr(1));
  }
  std::vector<SearchHit> hits;
  if (terms.empty()) return hits;

  // Not the item, not its own meeting, public items only; optionally only
  // other committees or other years.
  std::vector<Xapian::Query> excluded{Xapian::Query(id_term), Xapian::Query(schema::source_term(item.meta.source))};
  if (r.other_committee && !item.meta.committee.empty())
    excluded.emplace_back(std::string(schema::kCommittee) + to_lower_latin(item.meta.committee));
  if (r.other_year && item.meta.date.size() == 10) {
    const std::string year = item.meta.date.substr(0, 4);
    excluded.emplace_back(Xapian::Query::OP_VALUE_RANGE, schema::kSlotDate, year + "0101", year + "1231");
  }
  Xapian::Query query(Xapian::Query::OP_OR, terms.begin(), terms.end());
  query = Xapian::Query(Xapian::Query::OP_FILTER, query, Xapian::Query(std::string(schema::kAccess) + "public"));
  query = Xapian::Query(Xapian::Query::OP_AND_NOT, query,
                        Xapian::Query(Xapian::Query::OP_OR, excluded.begin(), excluded.end()));
  // A substantive item is never like "Eventuelt" or "Godkendelse af
  // dagsorden": every meeting has them. Asked for with room to skip them.
  const bool skip_procedural = !is_procedural_title(item.title);
  const auto wanted = static_cast<Xapian::doccount>(r.limit);
  const Xapian::MSet mset = make_enquire(db_, query).get_mset(0, skip_procedural ? 2 * wanted + 10 : wanted);
  for (auto m = mset.begin(); m != mset.end() && hits.size() < r.limit; ++m) {
    SearchHit hit = make_hit(m.get_document(), m.get_weight(), highlights, true);
    if (hit.item.is_confidential()) continue;  // never reached: the filter keeps them out
    if (skip_procedural && is_procedural_title(hit.item.title)) continue;
    hit.rank = hits.size() + 1;
    hit.item.sections.clear();
    hits.push_back(std::move(hit));
  }
  return hits;
}

std::optional<AgendaItem> Searcher::item(const std::string& id) {
  return with_retry([&] { return item_once(id); });
}

std::optional<AgendaItem> Searcher::item_once(const std::string& id) {
  const std::string term = schema::id_term(id);
  Xapian::PostingIterator p = db_.postlist_begin(term);
  if (p == db_.postlist_end(term)) return std::nullopt;
  AgendaItem item = decode_document_data(db_.get_document(*p).get_data(), nullptr, true);
  if (item.is_confidential()) item.sections.clear();
  return item;
}

}  // namespace sagsoeg
