#include "harvester/portal.h"

#include <nlohmann/json.hpp>

#include <set>
#include <stdexcept>

#include "util/utf8.h"

namespace sagsoeg::harvest {

namespace {

using json = nlohmann::json;

std::string text_of(const json& j, const char* key) {
  const auto it = j.find(key);
  if (it == j.end()) return {};
  if (it->is_string()) return it->get<std::string>();
  if (it->is_number_integer()) return std::to_string(it->get<long long>());
  return {};
}

// Committees are objects with a name and a "Moeder" list, wherever the
// portal groups them ("Aktuelle politiske udvalg", "Tidligere udvalg", ...).
void collect(const json& j, std::vector<MeetingRef>& out, std::set<std::string>& seen) {
  if (j.is_array()) {
    for (const json& e : j) collect(e, out, seen);
    return;
  }
  if (!j.is_object()) return;
  const auto meetings = j.find("Moeder");
  if (meetings != j.end() && meetings->is_array()) {
    const std::string committee = collapse_spaces(text_of(j, "Navn"));
    for (const json& m : *meetings) {
      if (!m.is_object()) continue;
      const std::string id = text_of(m, "Id");
      if (id.empty() || !seen.insert(id).second) continue;
      MeetingRef ref;
      ref.id = id;
      ref.date = text_of(m, "Dato").substr(0, 10);
      ref.committee = committee;
      ref.fingerprint = m.dump();
      out.push_back(std::move(ref));
    }
    return;
  }
  for (const auto& [key, value] : j.items()) collect(value, out, seen);
}

}  // namespace

Portal::Portal(const std::string& url) {
  const size_t scheme = url.find("://");
  if (scheme == std::string::npos || (url.compare(0, scheme, "http") != 0 && url.compare(0, scheme, "https") != 0))
    throw std::invalid_argument(url + ": not an http(s) address of a portal");
  const size_t slash = url.find('/', scheme + 3);
  host_ = url.substr(scheme + 3, slash == std::string::npos ? std::string::npos : slash - scheme - 3);
  if (host_.empty()) throw std::invalid_argument(url + ": no host");
  std::string path = slash == std::string::npos ? "" : url.substr(slash);
  // The portal's root, whatever page of it was given.
  for (const char* page : {"/vis", "/api/", "/?"}) {
    const size_t at = path.find(page);
    if (at != std::string::npos) path.resize(at);
  }
  while (!path.empty() && path.back() == '/') path.pop_back();
  base_ = url.substr(0, scheme + 3) + host_ + path;
}

std::string Portal::organisation() const {
  std::string host = host_.substr(0, host_.find(':'));
  for (const char* prefix : {"dagsordener.", "dagsorden."}) {
    if (host.rfind(prefix, 0) != 0) continue;
    std::string name = host.substr(std::string(prefix).size());
    name = name.substr(0, name.find('.'));
    if (name.empty()) break;
    name[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(name[0])));
    return name + " Kommune";
  }
  return host;
}

std::vector<MeetingRef> parse_committee_list(std::string_view body) {
  json j = json::parse(body.begin(), body.end(), nullptr, false);
  if (j.is_discarded()) {
    const std::string_view head = trim(body.substr(0, 200));
    const bool html = !head.empty() && head[0] == '<';
    throw std::runtime_error(html ? "the committee list is HTML, not JSON (a login or error page?)"
                                  : "the committee list is not valid JSON (truncated?)");
  }
  std::vector<MeetingRef> out;
  std::set<std::string> seen;
  collect(j, out, seen);
  if (out.empty() && !(j.is_object() && j.contains("Udvalg")))
    throw std::runtime_error("the committee list has no committees with meetings (not a FirstAgenda portal?)");
  return out;
}

std::string attachment_id(std::string_view link) {
  const std::string_view marker = "/vis/pdf/bilag/";
  const size_t at = link.find(marker);
  if (at == std::string_view::npos) return {};
  std::string_view rest = link.substr(at + marker.size());
  return std::string(rest.substr(0, rest.find_first_of("/?#")));
}

std::string path_part(std::string_view text) {
  std::string out;
  for (size_t pos = 0; pos < text.size();) {
    const size_t start = pos;
    const uint32_t cp = next_code_point(text, pos);
    // A dot inside a name (a host name) is kept; a leading one would hide the file.
    const bool keep = is_letter(cp) || (cp >= '0' && cp <= '9') || cp == '-' || (cp == '.' && !out.empty());
    if (keep) {
      out.append(text.substr(start, pos - start));
    } else if (!out.empty() && out.back() != '_') {
      out += '_';
    }
  }
  while (!out.empty() && out.back() == '_') out.pop_back();
  if (out.size() > 120) {
    size_t cut = 120;
    while (cut > 0 && (static_cast<unsigned char>(out[cut]) & 0xC0) == 0x80) --cut;  // whole letters only
    out.resize(cut);
  }
  return out.empty() ? "_" : out;
}

}  // namespace sagsoeg::harvest
