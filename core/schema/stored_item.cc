#include "schema/stored_item.h"

#include <stdexcept>

#include "io/gzip.h"
#include "text/embedded_data.h"

namespace sagsoeg {

namespace {

// Record layout (all text UTF-8; the separators never occur in values):
//   metadata fields, each ended by US, in kFields order; a list's values
//   separated by GS; then NUL and, per section, name US heading US text US
//   body US date RS.
constexpr char kUnit = '\x1f';
constexpr char kRecord = '\x1e';
constexpr char kGroup = '\x1d';
constexpr char kVersion = '1';

void put(std::string& out, const std::string& value, char end) {
  for (char c : value) out += (c == kUnit || c == kRecord || c == kGroup || c == '\0') ? ' ' : c;
  out += end;
}

void put_list(std::string& out, const std::vector<std::string>& values) {
  for (size_t i = 0; i < values.size(); ++i) put(out, values[i], i + 1 < values.size() ? kGroup : kUnit);
  if (values.empty()) out += kUnit;
}

std::vector<std::string> split_list(const std::string& field) {
  std::vector<std::string> out;
  if (field.empty()) return out;
  size_t from = 0;
  for (size_t at = field.find(kGroup); at != std::string::npos; at = field.find(kGroup, from)) {
    out.push_back(field.substr(from, at - from));
    from = at + 1;
  }
  out.push_back(field.substr(from));
  return out;
}

int to_int(const std::string& s) {
  int n = 0;
  for (char c : s)
    if (c >= '0' && c <= '9') n = n * 10 + (c - '0');
  return s.size() && s[0] == '-' ? -n : n;
}

// The preset dictionary: typical text (data/docdata_dictionary.txt), then
// the record's own skeleton -- section names and headings with their
// separators, common metadata values -- last, where deflate reaches it most
// cheaply. Changing it changes the stored format (schema version).
const std::string& dictionary() {
  static const std::string d = [] {
    std::string out = kDocdataDictionaryText;
    out += "\n";
    for (const char* v : {"markdown", "text", "html", "pdf", "edoc-xml", "acadre-xml", "sbsys-xml", "dagsorden",
                          "referat", "aftale", "bilag", "orientering", "beslutning", "drøftelse", "p", "c"})
      out += std::string(v) + kUnit;
    for (const char* s : {"bilag\x1f"
                          "Bilag",
                          "baggrund\x1f"
                          "Baggrund",
                          "økonomi\x1f"
                          "Økonomi",
                          "indstilling\x1f"
                          "Indstilling",
                          "sagsfremstilling\x1f"
                          "Sagsfremstilling",
                          "decision\x1f"
                          "Beslutning",
                          "resume\x1f"
                          "Resumé"})
      out += std::string(1, kRecord) + s + kUnit;
    return out;
  }();
  return d;
}

}  // namespace

std::string encode_document_data(const AgendaItem& item, const std::vector<std::string>& topic_slugs) {
  std::string data(1, kVersion);
  const DocumentMeta& m = item.meta;
  for (const std::string* s :
       {&m.source, &m.date, &m.committee, &m.organisation, &m.kind, &m.url, &m.format, &m.indexed})
    put(data, *s, kUnit);
  put(data, std::to_string(item.number), kUnit);
  put(data, item.number_text, kUnit);
  put(data, std::to_string(item.occurrence), kUnit);
  put(data, item.title, kUnit);  // a closed item's title is the one its document prints publicly
  put(data, item.type, kUnit);
  put(data, item.outcome, kUnit);
  put(data, item.split, kUnit);
  put(data, item.is_confidential() ? "c" : "p", kUnit);
  put(data, item.case_id, kUnit);
  put_list(data, item.case_refs);
  put(data, item.contact, kUnit);
  std::vector<std::string> attachments;
  for (const Attachment& a : item.attachments) {
    attachments.push_back(a.name);
    attachments.push_back(a.url);
  }
  put_list(data, attachments);
  put(data, std::to_string(item.line), kUnit);
  put(data, std::to_string(item.page), kUnit);
  put_list(data, topic_slugs);
  if (!item.is_confidential()) {
    data += '\0';
    for (const Section& s : item.sections) {
      put(data, s.name, kUnit);
      put(data, s.heading, kUnit);
      put(data, s.text, kUnit);
      put(data, s.body, kUnit);
      put(data, s.date, kRecord);
    }
  }
  return deflate_bytes(data, dictionary());
}

AgendaItem decode_document_data(const std::string& data, std::vector<std::string>* topics, bool with_text) {
  const std::string plain = inflate_bytes(data, dictionary());
  if (plain.empty() || plain[0] != kVersion) throw std::runtime_error("corrupt document data");
  const size_t nul = std::min(plain.find('\0'), plain.size());
  std::vector<std::string> f;
  for (size_t from = 1; from < nul;) {
    const size_t at = plain.find(kUnit, from);
    if (at == std::string::npos || at > nul) throw std::runtime_error("corrupt document data");
    f.push_back(plain.substr(from, at - from));
    from = at + 1;
  }
  if (f.size() != 23) throw std::runtime_error("corrupt document data");
  AgendaItem item;
  DocumentMeta& m = item.meta;
  std::string* meta[] = {&m.source, &m.date, &m.committee, &m.organisation, &m.kind, &m.url, &m.format, &m.indexed};
  for (size_t i = 0; i < 8; ++i) *meta[i] = std::move(f[i]);
  item.number = to_int(f[8]);
  item.number_text = std::move(f[9]);
  item.occurrence = std::max(1, to_int(f[10]));
  item.title = std::move(f[11]);
  item.type = std::move(f[12]);
  item.outcome = std::move(f[13]);
  item.split = std::move(f[14]);
  item.access = f[15] == "c" ? Access::confidential : Access::public_item;
  item.case_id = std::move(f[16]);
  item.case_refs = split_list(f[17]);
  item.contact = std::move(f[18]);
  const std::vector<std::string> attachments = split_list(f[19]);
  for (size_t i = 0; i + 1 < attachments.size(); i += 2)
    item.attachments.push_back({attachments[i], attachments[i + 1]});
  item.line = to_int(f[20]);
  item.page = to_int(f[21]);
  if (topics) *topics = split_list(f[22]);
  if (!with_text || nul >= plain.size() || item.is_confidential()) return item;
  size_t pos = nul + 1;
  while (pos < plain.size()) {
    const size_t end = plain.find(kRecord, pos);
    if (end == std::string::npos) throw std::runtime_error("corrupt document data");
    Section s;
    std::string* fields[] = {&s.name, &s.heading, &s.text, &s.body, &s.date};
    size_t from = pos;
    for (size_t i = 0; i < 5; ++i) {
      const size_t to = i < 4 ? plain.find(kUnit, from) : end;
      if (to == std::string::npos || to > end) throw std::runtime_error("corrupt document data");
      fields[i]->assign(plain, from, to - from);
      from = to + 1;
    }
    item.sections.push_back(std::move(s));
    pos = end + 1;
  }
  return item;
}

}  // namespace sagsoeg
