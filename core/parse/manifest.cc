#include "parse/manifest.h"

#include <fstream>
#include <sstream>

#include "io/input_error.h"
#include "parse/danish_date.h"
#include "util/utf8.h"

namespace sagsoeg {

namespace {

std::string base_name(std::string_view path) {
  const size_t slash = path.rfind('/');
  std::string_view b = slash == std::string_view::npos ? path : path.substr(slash + 1);
  if (ends_with(b, ".gz")) b.remove_suffix(3);
  return std::string(b);
}

}  // namespace

Manifest Manifest::parse(std::string_view text) {
  Manifest m;
  int line_no = 0;
  for (std::string_view line : split_lines(text)) {
    ++line_no;
    if (trim(line).empty() || trim(line)[0] == '#') continue;
    std::vector<std::string> fields;
    size_t start = 0;
    for (;;) {
      size_t tab = line.find('\t', start);
      fields.emplace_back(trim(line.substr(start, tab == std::string_view::npos ? tab : tab - start)));
      if (tab == std::string_view::npos) break;
      start = tab + 1;
    }
    if (fields[0] == "file") continue;  // header row
    fields.resize(6);
    DocumentMeta meta;
    meta.source = fields[0];
    if (!fields[1].empty()) {
      meta.date = parse_date_prefix(fields[1]);
      if (meta.date.empty()) throw InputError("manifest: bad date '" + fields[1] + "'", line_no);
    }
    meta.committee = fields[2];
    meta.organisation = fields[3];
    meta.kind = fields[4];
    meta.url = fields[5];
    m.entries_[base_name(meta.source)] = meta;
  }
  return m;
}

Manifest Manifest::load_from_dir(const std::string& dir) {
  std::ifstream in(dir + "/manifest.tsv");
  if (!in) return {};
  std::stringstream ss;
  ss << in.rdbuf();
  return parse(ss.str());
}

const DocumentMeta* Manifest::find(std::string_view file_name) const {
  auto it = entries_.find(base_name(file_name));
  return it == entries_.end() ? nullptr : &it->second;
}

void apply_manifest(const DocumentMeta* entry, DocumentMeta& meta) {
  if (!entry) return;
  if (meta.date.empty()) meta.date = entry->date;
  if (meta.committee.empty()) meta.committee = entry->committee;
  if (meta.organisation.empty()) meta.organisation = entry->organisation;
  if (meta.kind.empty()) meta.kind = entry->kind;
  if (meta.url.empty()) meta.url = entry->url;
}

}  // namespace sagsoeg
