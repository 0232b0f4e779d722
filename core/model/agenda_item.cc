#include "model/agenda_item.h"

namespace sagsoeg {

const Section* AgendaItem::section(const std::string& name) const {
  for (const Section& s : sections)
    if (s.name == name) return &s;
  return nullptr;
}

std::string AgendaItem::decision() const {
  const Section* s = section("decision");
  return s ? s->text : std::string();
}

std::string AgendaItem::full_text() const {
  if (is_confidential()) return {};
  std::string out;
  for (const Section& s : sections) {
    if (s.text.empty()) continue;
    if (!out.empty()) out += "\n\n";
    if (!s.heading.empty()) out += s.heading + "\n";
    out += s.text;
  }
  return out;
}

const char* access_name(Access a) {
  return a == Access::confidential ? "confidential" : "public";
}

}  // namespace sagsoeg
