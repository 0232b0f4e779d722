#include "schema/schema.h"

#include "util/hash.h"

namespace sagsoeg::schema {

std::string id_term(const std::string& item_id) {
  std::string term = std::string(kId) + item_id;
  if (term.size() > 240) term = std::string(kId) + fnv1a_hex(item_id);
  return term;
}

std::string source_term(const std::string& source) {
  std::string term = std::string(kSource) + source;
  if (term.size() > 240) term = std::string(kSource) + fnv1a_hex(source);
  return term;
}

}  // namespace sagsoeg::schema
