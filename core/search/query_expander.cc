#include "search/query_expander.h"

#include <vector>

#include "index/schema.h"
#include "text/spelling_variants.h"

namespace sagsoeg {

namespace {

constexpr double kCompoundPartWeight = 0.5;

bool is_stemmed_text_term(const std::string& term) {
  // "Z" + stem of an unprefixed word; prefixed fields look like "ZS..." or "ZXD...".
  return term.size() > 1 && term[0] == 'Z' && !(term[1] >= 'A' && term[1] <= 'Z');
}

Xapian::Query expand_term(const std::string& term, const Xapian::QueryParser& qp, const Xapian::Database& db,
                          Xapian::Stem& stem, const ExpansionOptions& o) {
  if (!is_stemmed_text_term(term)) return Xapian::Query(term);
  std::vector<Xapian::Query> same_word{Xapian::Query(term)};
  std::vector<std::string> stems{term.substr(1)};
  if (o.variants) {
    for (auto u = qp.unstem_begin(term); u != qp.unstem_end(term); ++u)
      for (const std::string& v : danish_spelling_variants(*u)) {
        const std::string vs = stem(v);
        const std::string vt = "Z" + vs;
        if (vt != term && db.term_exists(vt)) {
          same_word.emplace_back(vt);
          stems.push_back(vs);
        }
      }
  }
  std::vector<Xapian::Query> alternatives{
      same_word.size() == 1 ? same_word[0]
                            : Xapian::Query(Xapian::Query::OP_SYNONYM, same_word.begin(), same_word.end())};
  if (o.compounds) {
    for (const std::string& s : stems) {
      const std::string part = std::string(schema::kCompoundPart) + s;
      if (db.term_exists(part))
        alternatives.emplace_back(Xapian::Query::OP_SCALE_WEIGHT, Xapian::Query(part), kCompoundPartWeight);
    }
  }
  if (alternatives.size() == 1) return alternatives[0];
  return Xapian::Query(Xapian::Query::OP_OR, alternatives.begin(), alternatives.end());
}

}  // namespace

Xapian::Query expand_query(const Xapian::Query& q, const Xapian::QueryParser& qp, const Xapian::Database& db,
                           Xapian::Stem& stem, const ExpansionOptions& o) {
  if (!o.compounds && !o.variants) return q;
  const Xapian::Query::op type = q.get_type();
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
    default:
      return q;  // phrases, NEAR, wildcards, value ranges, scaled filters: as parsed
  }
}

}  // namespace sagsoeg
