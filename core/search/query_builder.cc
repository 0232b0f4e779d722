#include "search/query_builder.h"

#include <algorithm>
#include <cctype>
#include <cstring>

#include "parse/case_id.h"
#include "parse/danish_date.h"
#include "parse/decision_outcome.h"
#include "schema/schema.h"
#include "schema/topics.h"
#include "search/committee_names.h"
#include "search/date_range.h"
#include "search/query_expander.h"
#include "search/synonyms.h"
#include "text/words.h"
#include "util/utf8.h"

namespace sagsoeg {

namespace {

Xapian::Query no_match() {
  return Xapian::Query::MatchNothing;
}

// The text fields a query may name (Danish and English) and each field's term
// prefix: the one list for parsing, wildcards and spelling correction.
const std::pair<const char*, const char*> kTextFields[] = {{"titel", schema::kTitle},
                                                           {"title", schema::kTitle},
                                                           {"beslutning", schema::kDecision},
                                                           {"decision", schema::kDecision},
                                                           {"resume", schema::kResume},
                                                           {"resumé", schema::kResume},
                                                           {"summary", schema::kResume},
                                                           {"indstilling", schema::kIndstilling},
                                                           {"recommendation", schema::kIndstilling}};

// The internal field a wildcard is routed to (see route_wildcards):
// kWildcardField + the lower-cased term prefix ("" for free text).
constexpr const char* kWildcardField = "sagsoegwild";
std::string wildcard_field(const std::string& prefix) {
  std::string name = kWildcardField;
  for (char c : prefix) name += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return name;
}

// True when every item the query can match carries one of its terms and all
// of them are public text terms: then it cannot match a confidential item.
// MatchAll (a pure NOT), wildcards, value ranges and anything unknown keep
// the access filter.
bool matches_public_text_only(const Xapian::Query& q) {
  switch (q.get_type()) {
    case Xapian::Query::LEAF_MATCH_NOTHING:
      return true;
    case Xapian::Query::LEAF_TERM: {
      const std::string term = *q.get_terms_begin();
      return !term.empty() && schema::is_public_text_term(term);
    }
    default:
      break;
  }
  if (q.get_num_subqueries() == 0) return false;
  for (size_t i = 0; i < q.get_num_subqueries(); ++i)
    if (!matches_public_text_only(q.get_subquery(i))) return false;
  return true;
}

size_t count_occurrences(const std::string& s, const std::string& what) {
  size_t n = 0;
  for (size_t at = s.find(what); at != std::string::npos; at = s.find(what, at + what.size())) ++n;
  return n;
}

// The query as typed, for error messages: "sagsoegwild:lægedæk" -> "lægedæk*".
std::string restore_wildcards(const std::string& q) {
  std::string out;
  size_t i = 0;
  while (i < q.size()) {
    const size_t at = q.find(kWildcardField, i);
    if (at == std::string::npos) {
      out += q.substr(i);
      break;
    }
    out += q.substr(i, at - i);
    const size_t colon = q.find(':', at);
    size_t end = colon == std::string::npos ? q.size() : colon + 1;
    while (end < q.size() && q[end] != ' ' && q[end] != ')') ++end;
    out += q.substr(colon == std::string::npos ? at : colon + 1, end - (colon == std::string::npos ? at : colon + 1)) +
           "*";
    i = end;
  }
  return out;
}

std::string upper_ascii(std::string s) {
  for (char& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return s;
}

// udvalg:/committee: -- matches every committee whose name contains the
// text (case-insensitive), so "udvalg:nære" works as well as the full name.
class NameProcessor : public Xapian::FieldProcessor {
 public:
  NameProcessor(const Xapian::Database& db, const char* prefix) : db_(db), prefix_(prefix) {}
  Xapian::Query operator()(const std::string& text) override {
    const std::string want = to_lower_latin(trim(text));
    std::vector<Xapian::Query> terms;
    const std::string prefix = prefix_;
    const bool committees = prefix == schema::kCommittee;
    for (auto t = db_.allterms_begin(prefix); t != db_.allterms_end(prefix); ++t) {
      bool match = (*t).find(want, prefix.size()) != std::string::npos;
      // A renamed committee is found by its other name too (committee_names.h).
      if (!match && committees)
        for (const std::string& name : committee_names_lower((*t).substr(prefix.size())))
          match = match || name.find(want) != std::string::npos;
      if (match) terms.emplace_back(*t);
    }
    if (terms.empty()) return no_match();
    return Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end());
  }

 private:
  const Xapian::Database& db_;
  const char* prefix_;
};

// udvalg:/committee: and org:/organisation: match every name that contains the text.
struct CommitteeProcessor : NameProcessor {
  explicit CommitteeProcessor(const Xapian::Database& db) : NameProcessor(db, schema::kCommittee) {}
};
struct OrganisationProcessor : NameProcessor {
  explicit OrganisationProcessor(const Xapian::Database& db) : NameProcessor(db, schema::kOrganisation) {}
};

// art:/kind: referat, dagsorden, aftale, bilag (and English names).
class KindProcessor : public Xapian::FieldProcessor {
 public:
  Xapian::Query operator()(const std::string& text) override {
    const std::string t = to_lower_latin(trim(text));
    static const std::pair<const char*, const char*> kinds[] = {
        {"referat", "referat"}, {"minutes", "referat"},  {"dagsorden", "dagsorden"}, {"agenda", "dagsorden"},
        {"aftale", "aftale"},   {"agreement", "aftale"}, {"bilag", "bilag"},         {"attachment", "bilag"}};
    for (const auto& [name, kind] : kinds)
      if (t == name) return Xapian::Query(std::string(schema::kKind) + kind);
    throw QueryError("unknown kind '" + text + "': use referat, dagsorden, aftale or bilag");
  }
};

// sag:/case: -- the item's own case ID or journal number. With
// `with_refs` (a bare ID typed in the query) items that refer to the case
// match as well.
class CaseProcessor : public Xapian::FieldProcessor {
 public:
  explicit CaseProcessor(bool with_refs) : with_refs_(with_refs) {}
  Xapian::Query operator()(const std::string& text) override {
    const std::string id = upper_ascii(std::string(trim(text)));
    std::vector<Xapian::Query> q{Xapian::Query(schema::kCase + id)};
    if (with_refs_) q.emplace_back(schema::kCaseRef + id);
    if (const std::string digits = journal_digits(id); !digits.empty()) {
      // However it is written (22-014567, 22/014567, 22.014567, 22 014567, 20-001627K).
      q.emplace_back(schema::kJournal + digits);
      if (with_refs_ && is_journal_number(id)) q.emplace_back(id);  // the number as plain text
    }
    return Xapian::Query(Xapian::Query::OP_OR, q.begin(), q.end());
  }

 private:
  bool with_refs_;
};

class TopicProcessor : public Xapian::FieldProcessor {
 public:
  Xapian::Query operator()(const std::string& text) override {
    const TopicVocabulary& v = TopicVocabulary::standard();
    int t = v.find(std::string(trim(text)));
    if (t < 0) {
      // a prefix of a slug or label: emne:psyk, emne:palliation
      const std::string want = to_lower_latin(trim(text));
      for (size_t i = 0; i < v.topics().size() && t < 0; ++i)
        if (starts_with(v.topics()[i].slug, want) || starts_with(to_lower_latin(v.topics()[i].label), want))
          t = static_cast<int>(i);
    }
    if (t < 0) throw QueryError("unknown topic '" + text + "' (see `searcher --topics`)");
    return Xapian::Query(schema::kTopic + v.topics()[static_cast<size_t>(t)].slug);
  }
};

class TypeProcessor : public Xapian::FieldProcessor {
 public:
  Xapian::Query operator()(const std::string& text) override {
    const std::string t = to_lower_latin(trim(text));
    if (starts_with(t, "orient")) return Xapian::Query(std::string(schema::kType) + "orientering");
    if (starts_with(t, "besl") || starts_with(t, "decision"))
      return Xapian::Query(std::string(schema::kType) + "beslutning");
    if (starts_with(t, "drøft") || starts_with(t, "droeft") || starts_with(t, "droft") || starts_with(t, "discuss"))
      return Xapian::Query(std::string(schema::kType) + "drøftelse");
    throw QueryError("unknown type '" + text + "': use orientering, beslutning or drøftelse");
  }
};

// udfald:/outcome: -- the decision's outcome, by name or one of its words
// ("godkendt", "efterretning").
class OutcomeProcessor : public Xapian::FieldProcessor {
 public:
  Xapian::Query operator()(const std::string& text) override {
    const std::string o = outcome_from_text(text);
    if (o.empty()) {
      std::string names;
      for (const std::string& n : OutcomeRules::standard().outcomes()) names += (names.empty() ? "" : ", ") + n;
      throw QueryError("unknown outcome '" + text + "': use " + names);
    }
    return Xapian::Query(std::string(schema::kOutcome) + o);
  }
};

// dato:/date: (a day, month, year or range) and år:/year: (a year or a range
// of years): the date slot, as --from/--to read it.
class DateFieldProcessor : public Xapian::FieldProcessor {
 public:
  explicit DateFieldProcessor(const char* field) : field_(field) {}
  Xapian::Query operator()(const std::string& text) override {
    const DateRange r = parse_date_range(text, field_);
    return Xapian::Query(Xapian::Query::OP_VALUE_RANGE, schema::kSlotDate, r.from, r.to);
  }

 private:
  std::string field_;
};

// A trailing wildcard over the index's stems ("lægedæk*"). The index holds
// only stems ("Z" + stem), so the typed prefix is matched against stems:
// cut to its own stem when that only drops an ending ("sundhedsaftale*" ->
// stems from "sundhedsaftal"), and the word itself is included
// ("sundhed*" also finds "sundhed", whose stem is "sund"). Expanded here,
// to the `limit` most frequent stems, so the query is plain terms: public
// text only, no access filter needed.
class WildcardProcessor : public Xapian::FieldProcessor {
 public:
  WildcardProcessor(const Xapian::Database& db, Xapian::Stem stem, std::string field, const Xapian::termcount& limit)
      : db_(db), stem_(std::move(stem)), prefix_("Z" + std::move(field)), limit_(limit) {}
  Xapian::Query operator()(const std::string& text) override {
    const std::string word = to_lower_latin(trim(text));
    const std::string stemmed = stem_(word);
    std::string typed = word;
    if (stemmed.size() < word.size() && word.compare(0, stemmed.size(), stemmed) == 0 &&
        word.size() - stemmed.size() <= 2)
      typed = stemmed;
    std::vector<std::pair<Xapian::doccount, std::string>> found;
    const std::string pattern = prefix_ + typed;
    for (auto t = db_.allterms_begin(pattern); t != db_.allterms_end(pattern); ++t)
      found.emplace_back(t.get_termfreq(), *t);
    if (found.size() > limit_) {
      std::partial_sort(found.begin(), found.begin() + limit_, found.end(), std::greater<>());
      found.resize(limit_);
    }
    std::vector<Xapian::Query> terms;
    for (const auto& [freq, term] : found) terms.emplace_back(term);
    const std::string exact = prefix_ + stemmed;
    if (exact.compare(0, pattern.size(), pattern) != 0 && db_.term_exists(exact)) terms.emplace_back(exact);
    if (terms.empty()) return no_match();
    return Xapian::Query(Xapian::Query::OP_SYNONYM, terms.begin(), terms.end());
  }

 private:
  const Xapian::Database& db_;
  Xapian::Stem stem_;
  std::string prefix_;
  const Xapian::termcount& limit_;
};

// "lægedæk*" -> "sagsoegwild:lægedæk", "titel:orient*" ->
// "sagsoegwilds:orient": wildcards go to WildcardProcessor. Not inside
// phrases; other fields' wildcards are left to their own processors.
std::string route_wildcards(const std::string& text, std::vector<std::string>& prefixes) {
  std::string out;
  bool in_quotes = false;
  size_t i = 0;
  while (i < text.size()) {
    if (text[i] == '"') in_quotes = !in_quotes;
    if (text[i] != '*' || in_quotes) {
      out += text[i++];
      continue;
    }
    // The word before the star, back to a space, bracket, sign or field colon.
    size_t b = out.size();
    while (b > 0 && out[b - 1] != ' ' && out[b - 1] != '(' && out[b - 1] != ':' && out[b - 1] != '"' &&
           out[b - 1] != '+' && out[b - 1] != '-')
      --b;
    const std::string word = out.substr(b);
    size_t f = b;
    if (f > 0 && out[f - 1] == ':') {
      --f;
      while (f > 0 && out[f - 1] != ' ' && out[f - 1] != '(' && out[f - 1] != '+' && out[f - 1] != '-') --f;
    }
    const std::string field = out.substr(f, b - f);
    std::optional<std::string> route;
    if (field.empty()) route = wildcard_field("") + ":";
    for (const auto& [name, prefix] : kTextFields)
      if (field == std::string(name) + ":") route = wildcard_field(prefix) + ":";
    if (word.size() >= 2) prefixes.push_back(word);
    if (!route || word.empty()) {
      out += text[i++];
      continue;
    }
    out.resize(f);
    out += *route + word;
    ++i;
  }
  return out;
}

// Xapian takes ownership of a processor only when it is release()d;
// otherwise the QueryParser would leak it.
template <typename T>
T* owned(T* processor) {
  processor->release();
  return processor;
}

}  // namespace

struct QueryBuilder::Impl {
  const Xapian::Database& db;
  const Xapian::Database* spelling = nullptr;
  std::unique_ptr<Xapian::Stopper> stopper;
  Xapian::QueryParser qp;
  Xapian::Stem stem;
  Xapian::termcount wildcard_limit = kWildcardTerms;  ///< per wildcard, set for each query

  Impl(const Xapian::Database& database, const TextPipeline& pipeline) : db(database), stem(pipeline.make_stemmer()) {
    pipeline.configure(qp, stopper);
    qp.set_database(db);
    // The stems of each field: "Z" + field prefix + stem, as the indexer writes them.
    for (const auto& [name, prefix] : kTextFields) qp.add_prefix(name, std::string("Z") + prefix);
    // One wildcard processor per term prefix (free text, then each field's).
    std::vector<std::string> wildcard_prefixes{""};
    for (const auto& [name, prefix] : kTextFields)
      if (std::find(wildcard_prefixes.begin(), wildcard_prefixes.end(), prefix) == wildcard_prefixes.end())
        wildcard_prefixes.push_back(prefix);
    for (const std::string& prefix : wildcard_prefixes)
      qp.add_prefix(wildcard_field(prefix), owned(new WildcardProcessor(db, stem, prefix, wildcard_limit)));
    for (const char* f : {"udvalg", "committee"}) qp.add_boolean_prefix(f, owned(new CommitteeProcessor(db)));
    for (const char* f : {"sag", "case"}) qp.add_boolean_prefix(f, owned(new CaseProcessor(false)));
    qp.add_boolean_prefix("caseref", owned(new CaseProcessor(true)));
    for (const char* f : {"emne", "topic"}) qp.add_boolean_prefix(f, owned(new TopicProcessor()));
    qp.add_boolean_prefix("type", owned(new TypeProcessor()));
    for (const char* f : {"år", "aar", "year", "dato", "date"})
      qp.add_boolean_prefix(f, owned(new DateFieldProcessor(f)));
    for (const char* f : {"art", "kind"}) qp.add_boolean_prefix(f, owned(new KindProcessor()));
    for (const char* f : {"udfald", "outcome"}) qp.add_boolean_prefix(f, owned(new OutcomeProcessor()));
    for (const char* f : {"organisation", "org"}) qp.add_boolean_prefix(f, owned(new OrganisationProcessor(db)));
    qp.set_max_expansion(kWildcardTerms, Xapian::Query::WILDCARD_LIMIT_MOST_FREQUENT);
  }

  bool only_stopwords(const std::string& q) const {
    bool any = false;
    size_t i = 0;
    while (i < q.size()) {
      auto is_word_byte = [](unsigned char c) { return std::isalnum(c) || c >= 0x80; };
      while (i < q.size() && !is_word_byte(q[i])) ++i;
      size_t end = i;
      while (end < q.size() && is_word_byte(q[end])) ++end;
      if (end == i) break;
      if (!(*stopper)(q.substr(i, end - i))) return false;
      any = true;
      i = end;
    }
    return any;
  }

  // Terms all the wildcards of one query may expand to together: "s* s* s*"
  // must cost no more than one "sundhed*".
  static constexpr Xapian::termcount kWildcardTerms = 200;

  Xapian::Query parse(const std::string& q, Xapian::Query::op default_op, unsigned extra_flags) {
    const auto wildcards =
        static_cast<Xapian::termcount>(std::count(q.begin(), q.end(), '*')) + count_occurrences(q, kWildcardField);
    wildcard_limit = std::max<Xapian::termcount>(10, kWildcardTerms / std::max<Xapian::termcount>(1, wildcards));
    qp.set_max_expansion(wildcard_limit, Xapian::Query::WILDCARD_LIMIT_MOST_FREQUENT);
    qp.set_default_op(default_op);
    const unsigned flags = Xapian::QueryParser::FLAG_DEFAULT | Xapian::QueryParser::FLAG_WILDCARD |
                           Xapian::QueryParser::FLAG_PURE_NOT | extra_flags;
    try {
      // A query of stop words only ("og", "ikke mere"): Xapian keeps them but
      // stems them, and the indexer keeps stop words unstemmed (STOP_STEMMED).
      if (only_stopwords(q)) qp.set_stemming_strategy(Xapian::QueryParser::STEM_NONE);
      Xapian::Query parsed = qp.parse_query(q, flags);
      qp.set_stemming_strategy(Xapian::QueryParser::STEM_ALL);
      return parsed;
    } catch (const Xapian::QueryParserError& e) {
      qp.set_stemming_strategy(Xapian::QueryParser::STEM_ALL);
      throw QueryError("cannot parse query '" + restore_wildcards(q) + "': " + e.get_msg());
    }
  }
};

QueryBuilder::QueryBuilder(const Xapian::Database& db, const TextPipeline& pipeline)
    : impl_(std::make_unique<Impl>(db, pipeline)) {}
QueryBuilder::~QueryBuilder() = default;

namespace {

bool all_digits(const std::string& s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

}  // namespace

std::string QueryBuilder::protect_case_ids(const std::string& query) {
  std::string out;
  bool in_quotes = false;
  size_t i = 0;
  while (i < query.size()) {
    if (query[i] == ' ' || query[i] == '\t') {
      out += query[i++];
      continue;
    }
    size_t end = query.find_first_of(" \t", i);
    if (end == std::string::npos) end = query.size();
    std::string token = query.substr(i, end - i);
    i = end;
    // "22 014567": a journal number typed with a space is one number.
    if (!in_quotes && token.size() >= 2 && token.size() <= 4 && all_digits(token) && i < query.size() &&
        query[i] == ' ') {
      size_t next_end = query.find_first_of(" \t", i + 1);
      if (next_end == std::string::npos) next_end = query.size();
      const std::string next = query.substr(i + 1, next_end - i - 1);
      if (next.size() >= 5 && next.size() <= 8 && all_digits(next)) {
        token += "-" + next;
        i = next_end;
      }
    }
    const size_t quotes = static_cast<size_t>(std::count(token.begin(), token.end(), '"'));
    if (!in_quotes && quotes == 0 && token.find(':') == std::string::npos) {
      size_t b = 0, e = token.size();
      while (b < e && (token[b] == '(' || token[b] == '+' || token[b] == '-')) ++b;
      while (e > b && (token[e - 1] == ')' || token[e - 1] == ',' || token[e - 1] == '.')) --e;
      const std::string core = token.substr(b, e - b);
      if (is_case_id(upper_ascii(core)) || !journal_digits(core).empty())
        token = token.substr(0, b) + "caseref:" + core + token.substr(e);
    }
    if (quotes % 2 == 1) in_quotes = !in_quotes;
    out += token;
  }
  return out;
}

std::string QueryBuilder::fold_case(const std::string& query) {
  static const char* const operators[] = {"AND", "OR", "NOT", "XOR", "NEAR", "ADJ"};
  std::string out;
  size_t i = 0;
  while (i < query.size()) {
    size_t end = query.find_first_of(" \t()", i);
    if (end == std::string::npos) end = query.size();
    if (end == i) {
      out += query[i++];
      continue;
    }
    const std::string token = query.substr(i, end - i);
    bool is_operator = false;
    for (const char* op : operators)
      is_operator = is_operator || token == op ||
                    (starts_with(token, op) && token.size() > strlen(op) && token[strlen(op)] == '/');
    // caseref:/sag: values are upper-cased by their processors anyway
    out += is_operator ? token : to_lower_latin(token);
    i = end;
  }
  return out;
}

std::optional<Xapian::Query> QueryBuilder::filter_query(const SearchRequest& r, bool access_filter) {
  std::vector<Xapian::Query> filters;
  // Several values of one filter (a line each, kFilterValueSeparator) are
  // ORed: an analyst compares two committees side by side.
  auto any_of = [&](const std::string& values, Xapian::FieldProcessor&& processor) {
    if (values.empty()) return;
    std::vector<Xapian::Query> each;
    for (std::string_view v : split_lines(values))
      if (!trim(v).empty()) each.push_back(processor(std::string(v)));
    if (!each.empty()) filters.emplace_back(Xapian::Query::OP_OR, each.begin(), each.end());
  };
  any_of(r.committee, CommitteeProcessor(impl_->db));
  any_of(r.case_id, CaseProcessor(false));
  any_of(r.topic, TopicProcessor());
  any_of(r.type, TypeProcessor());
  any_of(r.organisation, OrganisationProcessor(impl_->db));
  any_of(r.kind, KindProcessor());
  any_of(r.outcome, OutcomeProcessor());
  if (!r.from.empty() || !r.to.empty()) {
    const DateRange d = date_filter_range(r.from, r.to, "--from", "--to");
    filters.emplace_back(Xapian::Query::OP_VALUE_RANGE, schema::kSlotDate, d.from, d.to);
  }
  if (!r.include_confidential && access_filter) filters.emplace_back(std::string(schema::kAccess) + "public");
  if (filters.empty()) return std::nullopt;
  return Xapian::Query(Xapian::Query::OP_AND, filters.begin(), filters.end());
}

void QueryBuilder::set_spelling_source(const Xapian::Database* spelling) {
  impl_->spelling = spelling;
}

std::string QueryBuilder::spelling_correction(const std::string& query) {
  // Word by word against the spelling table, as Xapian's QueryParser does
  // for unprefixed terms (ours all carry the "Z" prefix, so it would not):
  // free-text and text-field words, not operators, filters or case IDs.
  const std::string text = fold_case(protect_case_ids(std::string(trim(query))));
  impl_->parse(text, Xapian::Query::OP_OR, 0);  // a malformed query gets its error, not a suggestion
  std::string out;
  bool changed = false;
  size_t i = 0;
  while (i < text.size()) {
    const size_t end = std::min(text.find_first_of(" \t", i), text.size());
    std::string token = text.substr(i, end - i);
    size_t b = 0;
    for (const auto& [name, prefix] : kTextFields)
      if (starts_with(token, std::string(name) + ":")) b = std::strlen(name) + 1;
    while (b < token.size() && (token[b] == '(' || token[b] == '+' || token[b] == '-' || token[b] == '"')) ++b;
    size_t e = token.size();
    while (e > b && (token[e - 1] == ')' || token[e - 1] == '"' || token[e - 1] == ',' || token[e - 1] == '.')) --e;
    const std::string word = token.substr(b, e - b);
    const bool plain = !word.empty() && word.find_first_of(":*") == std::string::npos &&
                       std::all_of(word.begin(), word.end(), [](char c) {
                         return static_cast<unsigned char>(c) >= 0x80 || std::islower(static_cast<unsigned char>(c));
                       });
    if (plain && !impl_->db.term_exists("Z" + impl_->stem(word))) {
      const std::string suggestion = (impl_->spelling ? *impl_->spelling : impl_->db).get_spelling_suggestion(word);
      if (!suggestion.empty() && suggestion != word) {
        token = token.substr(0, b) + suggestion + token.substr(e);
        changed = true;
      }
    }
    out += token;
    if (end < text.size()) out += text[end];
    i = end + 1;
  }
  return changed ? out : std::string();
}

namespace {

// "-palliation -hospice" (only excluded words): every item but those, as
// "NOT palliation" is; Xapian's parser would otherwise match the words.
std::string only_excluded_as_not(const std::string& text) {
  std::vector<std::string> tokens;
  bool quoted = false;
  std::string token;
  for (char c : text) {
    if (c == '"') quoted = !quoted;
    if ((c == ' ' || c == '\t') && !quoted) {
      if (!token.empty()) tokens.push_back(std::move(token));
      token.clear();
    } else {
      token += c;
    }
  }
  if (!token.empty()) tokens.push_back(std::move(token));
  if (tokens.empty()) return text;
  for (const std::string& t : tokens)
    if (t.size() < 2 || t[0] != '-') return text;
  std::string out = "NOT (";
  for (size_t i = 0; i < tokens.size(); ++i) out += (i ? " OR " : "") + tokens[i].substr(1);
  return out + ")";
}

// Several plain words ("almen praksis") rank higher where all of them stand
// in the title. The bonus only weighs; which items match is the words'
// business. (Not a phrase bonus as well: Xapian 1.4 weighs a phrase inside
// an optional branch differently depending on the page asked for, which
// broke paging: the same item scored 616 or 763.)
std::optional<Xapian::Query> together_bonus(const Xapian::Query& every) {
  if (every.get_type() != Xapian::Query::OP_AND) return std::nullopt;
  std::vector<Xapian::Query> in_title;
  for (size_t i = 0; i < every.get_num_subqueries(); ++i) {
    const Xapian::Query word = every.get_subquery(i);
    if (word.get_type() != Xapian::Query::LEAF_TERM) return std::nullopt;
    const std::string term = *word.get_terms_begin();  // kept: split_term's views point into it
    const schema::SplitTerm split = schema::split_term(term);
    if (!split.stemmed || !split.prefix.empty()) return std::nullopt;
    in_title.emplace_back(std::string(1, schema::kStemmed) + schema::kTitle + std::string(split.word));
  }
  if (in_title.size() < 2) return std::nullopt;
  // Doubled: a title with every word then outranks a body that repeats
  // them (measured on "almen praksis": 512 against 370).
  constexpr double kAllWordsInTitle = 2.0;
  return Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT,
                       Xapian::Query(Xapian::Query::OP_AND, in_title.begin(), in_title.end()), kAllWordsInTitle);
}

// The words typed as names the stemmer would change ("Anders"), before the
// query is lower-cased; the operators (AND, NOT, ...) are no names.
std::unordered_set<std::string> names_typed(std::string_view query, Xapian::Stem& stem) {
  static const std::unordered_set<std::string> operators{"AND", "OR", "NOT", "XOR", "NEAR", "ADJ"};
  std::unordered_set<std::string> names;
  for_each_capitalised_word(query, [&](const std::string& written) {
    if (operators.count(written)) return;
    std::string name = TextPipeline::standard().protected_name(written, stem);
    if (!name.empty()) names.insert(std::move(name));
  });
  return names;
}

}  // namespace

BuiltQuery QueryBuilder::build(const SearchRequest& r) {
  BuiltQuery built;
  std::string text = only_excluded_as_not(fold_case(protect_case_ids(std::string(trim(r.query)))));
  // Before synonyms and the parses whose unstemmed forms the expansion reads.
  std::optional<Xapian::Query> bonus;
  if (text.find_first_of("*\"") == std::string::npos) {
    try {
      bonus = together_bonus(impl_->parse(text, Xapian::Query::OP_AND, 0));
    } catch (const QueryError&) {
      // malformed: the parse below says so
    }
  }
  if (r.synonyms) text = SynonymTable::standard().expand(text);
  ExpansionOptions expansion;
  expansion.compounds = r.compounds;
  expansion.variants = r.variants;
  expansion.stopword_stems = &TextPipeline::standard().stopword_stems();
  const std::unordered_set<std::string> names = names_typed(r.query, impl_->stem);
  expansion.names = &names;
  // Browse (filters only, newest first) only when no text was typed: text
  // that matches nothing (udvalg:ukendt, "#") must find nothing.
  built.has_text = !text.empty();
  text = route_wildcards(text, built.wildcard_prefixes);
  Xapian::Query any = match_all();
  Xapian::Query every = match_all();
  if (built.has_text) {
    any = expand_query(impl_->parse(text, Xapian::Query::OP_OR, 0), impl_->qp, impl_->db, impl_->stem, expansion);
    every = expand_query(impl_->parse(text, Xapian::Query::OP_AND, 0), impl_->qp, impl_->db, impl_->stem, expansion);
    built.all_words_first = every.get_description() != any.get_description();
    if (built.all_words_first && bonus) {
      any = Xapian::Query(Xapian::Query::OP_AND_MAYBE, any, *bonus);
      every = Xapian::Query(Xapian::Query::OP_AND_MAYBE, every, *bonus);
    }
  }
  // The access filter intersects with the long list of public items; a
  // query of public text terms cannot match anything else, so skip it there.
  const bool access_filter = !built.has_text || !matches_public_text_only(any) || !matches_public_text_only(every);
  const std::optional<Xapian::Query> filter = filter_query(r, access_filter);
  if (!built.has_text) {
    built.query = filter ? Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, *filter, 0) : match_all();
    built.all_words = built.query;
  } else if (filter) {
    built.query = Xapian::Query(Xapian::Query::OP_FILTER, any, *filter);
    built.all_words = Xapian::Query(Xapian::Query::OP_FILTER, every, *filter);
  } else {
    built.query = any;
    built.all_words = every;
  }
  return built;
}

}  // namespace sagsoeg
