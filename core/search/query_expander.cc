#include "search/query_expander.h"

#include <algorithm>
#include <vector>

#include "schema/schema.h"
#include "text/spelling_variants.h"

namespace sagsoeg {

namespace {

constexpr double kCompoundPartWeight = 0.5;

// "Z" + a text field's prefix ("", S, XD, XR, XI) + a stem: the field's
// prefix, or false for any other term.
bool split_stemmed_term(const std::string& term, std::string& prefix, std::string& stem) {
  const schema::SplitTerm t = schema::split_term(term);
  if (!t.stemmed || t.word.empty() || !schema::is_text_field_prefix(t.prefix)) return false;
  prefix = t.prefix;
  stem = t.word;
  return true;
}

// The names among the words that made a stemmed term ("anders" of "and"),
// each with its other spellings in the index (Aalborg, Ålborg).
std::vector<Xapian::Query> typed_names(const std::string& term, const Xapian::QueryParser& qp,
                                       const Xapian::Database& db, const ExpansionOptions& o, bool& only_names) {
  std::vector<Xapian::Query> names;
  only_names = true;
  if (!o.names || o.names->empty()) {
    only_names = false;
    return names;
  }
  const std::string_view prefix = schema::split_term(term).prefix;
  for (auto u = qp.unstem_begin(term); u != qp.unstem_end(term); ++u) {
    std::string word = *u;
    if (word.compare(0, prefix.size(), prefix) == 0) word.erase(0, prefix.size());
    if (!o.names->count(word)) {
      only_names = false;
      continue;
    }
    names.emplace_back(word);
    if (o.variants)
      for (const std::string& v : danish_spelling_variants(word))
        if (v != word && db.term_exists(v)) names.emplace_back(v);
  }
  if (names.empty()) only_names = false;
  return names;
}

Xapian::Query expand_word(const std::string& term, const std::string& prefix, const std::string& base,
                          const Xapian::QueryParser& qp, const Xapian::Database& db, Xapian::Stem& stem,
                          const ExpansionOptions& o);

// A compound typed as one word that the items write as two: "almenpraksis"
// is the phrase "almen praksis", "lægedækning" also "læge dækning". Each cut
// into two words of at least four letters that both occur in the index
// gives a phrase of their stems -- where the items write the two words far
// more often than the compound (else the compound is the usual spelling,
// and the parts' other uses would only blur its snippets).
std::vector<Xapian::Query> written_apart(const std::string& word, const Xapian::Database& db, Xapian::Stem& stem,
                                         const ExpansionOptions& o) {
  constexpr size_t kMinPartLetters = 4;
  constexpr Xapian::doccount kPartsMoreCommon = 4;
  const Xapian::doccount together = db.get_termfreq(std::string(1, schema::kStemmed) + stem(word));
  std::vector<size_t> offsets;  // byte offset of each letter
  for (Xapian::Utf8Iterator it(word.data(), word.size()); it != Xapian::Utf8Iterator(); ++it)
    offsets.push_back(static_cast<size_t>(it.raw() - word.data()));
  std::vector<Xapian::Query> phrases;
  for (size_t cut = kMinPartLetters; cut + kMinPartLetters <= offsets.size(); ++cut) {
    const std::string left = stem(word.substr(0, offsets[cut])), right = stem(word.substr(offsets[cut]));
    if (o.stopword_stems && (o.stopword_stems->count(left) || o.stopword_stems->count(right))) continue;
    const std::string a = std::string(1, schema::kStemmed) + left, b = std::string(1, schema::kStemmed) + right;
    const Xapian::doccount least = std::min(db.get_termfreq(a), db.get_termfreq(b));
    if (least == 0 || least <= kPartsMoreCommon * together) continue;
    const Xapian::Query pair[] = {Xapian::Query(a), Xapian::Query(b)};
    phrases.emplace_back(Xapian::Query::OP_PHRASE, pair, pair + 2, 2);
  }
  return phrases;
}

Xapian::Query expand_term(const std::string& term, const Xapian::QueryParser& qp, const Xapian::Database& db,
                          Xapian::Stem& stem, const ExpansionOptions& o) {
  std::string prefix, base;
  if (!split_stemmed_term(term, prefix, base)) return Xapian::Query(term);
  bool only_names = false;
  const std::vector<Xapian::Query> names = typed_names(term, qp, db, o, only_names);
  if (names.empty()) return expand_word(term, prefix, base, qp, db, stem, o);
  const Xapian::Query name =
      names.size() == 1 ? names[0] : Xapian::Query(Xapian::Query::OP_SYNONYM, names.begin(), names.end());
  // The names are copied from the whole text only: in a field (titel:Anders)
  // the field's stem must match as well as the name somewhere in the item.
  if (!prefix.empty())
    return Xapian::Query(Xapian::Query::OP_AND, expand_word(term, prefix, base, qp, db, stem, o), name);
  if (only_names) return name;
  // "Anders andet" makes one stem of both: the other word keeps its stem.
  return Xapian::Query(Xapian::Query::OP_OR, name, expand_word(term, prefix, base, qp, db, stem, o));
}

Xapian::Query expand_word(const std::string& term, const std::string& prefix, const std::string& base,
                          const Xapian::QueryParser& qp, const Xapian::Database& db, Xapian::Stem& stem,
                          const ExpansionOptions& o) {
  std::vector<Xapian::Query> same_word{Xapian::Query(term)};
  std::vector<std::string> stems{base};
  if (o.variants) {
    for (auto u = qp.unstem_begin(term); u != qp.unstem_end(term); ++u) {
      std::string word = *u;
      if (word.compare(0, prefix.size(), prefix) == 0) word.erase(0, prefix.size());
      for (const std::string& v : danish_spelling_variants(word)) {
        const std::string vs = stem(v);
        const std::string vt = "Z" + prefix + vs;
        if (vt != term && db.term_exists(vt)) {
          same_word.emplace_back(vt);
          stems.push_back(vs);
        }
      }
    }
  }
  if (o.compounds && prefix.empty())
    for (auto u = qp.unstem_begin(term); u != qp.unstem_end(term); ++u)
      for (Xapian::Query& phrase : written_apart(*u, db, stem, o)) same_word.push_back(std::move(phrase));
  const Xapian::Query word = same_word.size() == 1
                                 ? same_word[0]
                                 : Xapian::Query(Xapian::Query::OP_SYNONYM, same_word.begin(), same_word.end());
  std::vector<Xapian::Query> parts;
  if (o.compounds) {
    const std::string parts_prefix = schema::compound_prefix_for(prefix);
    for (const std::string& s : stems)
      if (db.term_exists(parts_prefix + s)) parts.emplace_back(parts_prefix + s);
  }
  if (parts.empty()) return word;
  // The indexer gives an item a compound part only where the item lacks the
  // word itself (document_builder.cc): the two never both count for one
  // item, so one that says "lægedækning" and also "lægedækningsproblemer"
  // does not outrank one that says the word more plainly.
  return Xapian::Query(
      Xapian::Query::OP_OR, word,
      Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, Xapian::Query(Xapian::Query::OP_OR, parts.begin(), parts.end()),
                    kCompoundPartWeight));
}

// The title, decision, resumé and recommendation copies carry no positions
// (the positional text is the field-less one): a phrase in such a field is
// its words in the field and the phrase in the item's text.
Xapian::Query field_phrase(const Xapian::Query& q) {
  std::vector<std::string> terms(q.get_terms_begin(), q.get_terms_end());
  if (terms.empty()) return q;
  std::string field;
  for (const std::string& t : terms) {
    const schema::SplitTerm split = schema::split_term(t);
    const std::string prefix(split.prefix);
    if (!split.stemmed || prefix.empty() || !schema::is_text_field_prefix(prefix)) return q;
    if (!field.empty() && field != prefix) return q;
    field = prefix;
  }
  std::vector<Xapian::Query> in_field, words;
  for (const std::string& t : terms) {
    in_field.emplace_back(t);
    words.emplace_back(std::string(1, schema::kStemmed) + std::string(schema::split_term(t).word));
  }
  const Xapian::Query phrase(q.get_type(), words.begin(), words.end(), static_cast<Xapian::termcount>(words.size()));
  in_field.push_back(phrase);
  return Xapian::Query(Xapian::Query::OP_AND, in_field.begin(), in_field.end());
}

// "til efterretning" -> efterretning, "taget til efterretning" -> tag
// PHRASE efterretning: the indexer drops stop words and closes their gaps.
Xapian::Query without_stopwords(const Xapian::Query& q, const ExpansionOptions& o) {
  if (!o.stopword_stems) return q;
  std::vector<Xapian::Query> kept;
  for (auto t = q.get_terms_begin(); t != q.get_terms_end(); ++t) {
    const std::string term = *t;
    size_t p = term.empty() || term[0] != 'Z' ? 0 : 1;
    while (p < term.size() && term[p] >= 'A' && term[p] <= 'Z') ++p;
    if (!o.stopword_stems->count(term.substr(p))) kept.emplace_back(term);
  }
  if (kept.empty()) return Xapian::Query::MatchNothing;
  if (kept.size() == 1) return kept.front();
  return Xapian::Query(Xapian::Query::OP_PHRASE, kept.begin(), kept.end(), static_cast<Xapian::termcount>(kept.size()));
}

// A phrase with a name in it ("Anders Hansen") matches on stems with
// positions; the item must also have the names themselves.
Xapian::Query with_names(const Xapian::Query& phrase, const Xapian::Query& parsed, const Xapian::QueryParser& qp,
                         const Xapian::Database& db, const ExpansionOptions& o) {
  std::vector<Xapian::Query> all{phrase};
  for (auto t = parsed.get_terms_begin(); t != parsed.get_terms_end(); ++t) {
    bool only_names = false;
    std::vector<Xapian::Query> names = typed_names(*t, qp, db, o, only_names);
    if (!names.empty())
      all.push_back(names.size() == 1 ? names[0]
                                      : Xapian::Query(Xapian::Query::OP_SYNONYM, names.begin(), names.end()));
  }
  if (all.size() == 1) return phrase;
  return Xapian::Query(Xapian::Query::OP_FILTER, phrase,
                       Xapian::Query(Xapian::Query::OP_AND, all.begin() + 1, all.end()));
}

}  // namespace

Xapian::Query expand_query(const Xapian::Query& q, const Xapian::QueryParser& qp, const Xapian::Database& db,
                           Xapian::Stem& stem, const ExpansionOptions& o) {
  const Xapian::Query::op type = q.get_type();
  if (!o.compounds && !o.variants && type != Xapian::Query::OP_PHRASE && q.get_num_subqueries() == 0) return q;
  if (type == Xapian::Query::LEAF_TERM) {
    auto t = q.get_terms_begin();
    return t == q.get_terms_end() ? q : expand_term(*t, qp, db, stem, o);
  }
  switch (type) {
    case Xapian::Query::OP_AND:
    case Xapian::Query::OP_OR:
    case Xapian::Query::OP_AND_NOT:
    case Xapian::Query::OP_XOR:
    case Xapian::Query::OP_AND_MAYBE:
    case Xapian::Query::OP_FILTER:
    case Xapian::Query::OP_MAX: {
      std::vector<Xapian::Query> subs;
      for (size_t i = 0; i < q.get_num_subqueries(); ++i)
        subs.push_back(expand_query(q.get_subquery(i), qp, db, stem, o));
      return Xapian::Query(type, subs.begin(), subs.end());
    }
    case Xapian::Query::OP_PHRASE:
      return with_names(field_phrase(without_stopwords(q, o)), q, qp, db, o);
    default:
      return q;  // NEAR, wildcards, value ranges, scaled filters: as parsed
  }
}

}  // namespace sagsoeg
