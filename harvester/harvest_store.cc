#include "harvester/harvest_store.h"

#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <stdexcept>
#include <system_error>

namespace sagsoeg::harvest {

namespace fs = std::filesystem;
using json = nlohmann::json;

namespace {

std::string record_path(const std::string& path) {
  const fs::path p(path);
  return (p.parent_path() / ("." + p.filename().string() + ".harvest")).string();
}

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

json to_json(const StoredRecord& r) {
  return {{"id", r.id},
          {"url", r.url},
          {"page", r.page},
          {"date", r.date},
          {"committee", r.committee},
          {"organisation", r.organisation},
          {"kind", r.kind},
          {"fingerprint", r.fingerprint},
          {"etag", r.etag},
          {"last_modified", r.last_modified},
          {"hash", r.hash},
          {"fetched", r.fetched}};
}

StoredRecord from_json(const json& j) {
  StoredRecord r;
  auto get = [&j](const char* k) {
    return j.contains(k) && j[k].is_string() ? j[k].get<std::string>() : std::string();
  };
  r.id = get("id");
  r.url = get("url");
  r.page = get("page");
  r.date = get("date");
  r.committee = get("committee");
  r.organisation = get("organisation");
  r.kind = get("kind");
  r.fingerprint = get("fingerprint");
  r.etag = get("etag");
  r.last_modified = get("last_modified");
  r.hash = get("hash");
  r.fetched = get("fetched");
  return r;
}

// A manifest field: no tabs or line ends.
std::string field(std::string s) {
  for (char& c : s)
    if (c == '\t' || c == '\n' || c == '\r') c = ' ';
  return s;
}

}  // namespace

void write_file_atomically(const std::string& path, const std::string& bytes) {
  fs::create_directories(fs::path(path).parent_path());
  const std::string tmp = path + ".part" + std::to_string(::getpid());
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    out.flush();
    if (!out) {
      std::error_code ec;
      fs::remove(tmp, ec);
      throw std::runtime_error("cannot write " + path + " (disk full?)");
    }
  }
  std::error_code ec;
  fs::rename(tmp, path, ec);
  if (ec) {
    fs::remove(tmp, ec);
    throw std::runtime_error("cannot write " + path + ": " + ec.message());
  }
}

std::optional<StoredRecord> HarvestStore::record_of(const std::string& path) const {
  std::error_code ec;
  if (!fs::exists(path, ec)) return std::nullopt;
  const std::string text = read_file(record_path(path));
  const json j = json::parse(text, nullptr, false);
  if (j.is_discarded() || !j.is_object()) return std::nullopt;
  return from_json(j);
}

void HarvestStore::store(const std::string& path, const std::string& body, const StoredRecord& record) {
  write_file_atomically(path, body);
  write_file_atomically(record_path(path), to_json(record).dump(1) + "\n");
}

void HarvestStore::store_record(const std::string& path, const StoredRecord& record) {
  write_file_atomically(record_path(path), to_json(record).dump(1) + "\n");
}

void HarvestStore::write_manifest(const std::string& folder) const {
  std::vector<std::pair<std::string, StoredRecord>> rows;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(folder, ec)) {
    const std::string name = entry.path().filename().string();
    if (name.size() < 10 || name[0] != '.' || name.compare(name.size() - 8, 8, ".harvest") != 0) continue;
    const std::string file = name.substr(1, name.size() - 9);
    if (!fs::exists(fs::path(folder) / file, ec)) continue;
    const json j = json::parse(read_file(entry.path().string()), nullptr, false);
    if (!j.is_discarded() && j.is_object()) rows.emplace_back(file, from_json(j));
  }
  std::sort(rows.begin(), rows.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  std::string text =
      "# Written by the harvester: where each file came from (its public page is the URL).\n"
      "file\tdate\tcommittee\torganisation\tkind\turl\n";
  for (const auto& [file, r] : rows)
    text += field(file) + "\t" + field(r.date) + "\t" + field(r.committee) + "\t" + field(r.organisation) + "\t" +
            field(r.kind) + "\t" + field(r.page) + "\n";
  write_file_atomically((fs::path(folder) / "manifest.tsv").string(), text);
}

std::map<std::string, std::string> HarvestStore::meetings_below(const std::string& folder) const {
  std::map<std::string, std::string> out;
  std::error_code ec;
  for (auto it = fs::recursive_directory_iterator(folder, ec); !ec && it != fs::recursive_directory_iterator();
       it.increment(ec)) {
    const std::string name = it->path().filename().string();
    if (it->is_directory(ec) && name.size() > 6 && name.compare(name.size() - 6, 6, ".bilag") == 0) {
      it.disable_recursion_pending();
      continue;
    }
    if (name.size() < 10 || name[0] != '.' || name.compare(name.size() - 8, 8, ".harvest") != 0) continue;
    const json j = json::parse(read_file(it->path().string()), nullptr, false);
    if (j.is_discarded() || !j.is_object() || !j.contains("id") || !j["id"].is_string()) continue;
    out[j["id"].get<std::string>()] = (it->path().parent_path() / name.substr(1, name.size() - 9)).string();
  }
  return out;
}

void HarvestStore::remove(const std::string& path) {
  std::error_code ec;
  fs::remove(path, ec);
  fs::remove(record_path(path), ec);
  const std::string stem = path.size() > 5 ? path.substr(0, path.size() - 5) : path;  // without ".json"
  fs::remove_all(stem + ".bilag", ec);
}

}  // namespace sagsoeg::harvest
