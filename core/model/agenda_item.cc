#include "model/agenda_item.h"

namespace sagsoeg {

std::string AgendaItem::printed_number() const {
  return number_text.empty() ? std::to_string(number) : number_text;
}

std::string AgendaItem::id() const {
  std::string id = meta.source + ":" + printed_number();
  if (occurrence > 1) id += "~" + std::to_string(occurrence);
  return id;
}

const Section* AgendaItem::section(const std::string& name) const {
  for (const Section& s : sections)
    if (s.name == name) return &s;
  return nullptr;
}

std::vector<Decision> AgendaItem::decisions() const {
  std::vector<Decision> out;
  for (const Section& s : sections)
    if (s.name == "decision" && !s.text.empty()) out.push_back({s.body, s.date, s.text});
  return out;
}

std::string AgendaItem::decision() const {
  const Section* latest = nullptr;
  for (const Section& s : sections) {
    if (s.name != "decision" || s.text.empty()) continue;
    // Minutes add later decisions below earlier ones, so document order
    // decides, except that a decision dated before the one kept so far is older.
    if (!latest || s.date.empty() || latest->date.empty() || s.date >= latest->date) latest = &s;
  }
  return latest ? latest->text : std::string();
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
