// The bare Xapian reference for the benchmarks: the least any Xapian-based
// engine must do. Index: one document per file, text through TermGenerator
// with the Danish stemmer, the file's folder as a value (for the facet
// reference), one commit. Query: QueryParser + Enquire, top 10, document data
// read; with "facets", a ValueCountMatchSpy over every match as well.
//   bare_xapian index DB FILE...      (file list also read from stdin with -)
//   bare_xapian query DB QUERIES REPEAT [facets]  -> {"queries","runs","p50_us","p99_us"}
#include <xapian.h>

#include <zlib.h>
#include <memory>

#include <algorithm>
#include <chrono>
#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

namespace {

std::string read_all(const std::string& path) {
  if (path.size() > 3 && path.compare(path.size() - 3, 3, ".gz") == 0) {
    gzFile f = gzopen(path.c_str(), "rb");
    std::string out;
    char buf[65536];
    int n;
    while (f && (n = gzread(f, buf, sizeof buf)) > 0) out.append(buf, static_cast<size_t>(n));
    if (f) gzclose(f);
    return out;
  }
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

int index(const std::string& db_path, std::vector<std::string> files) {
  Xapian::WritableDatabase db(db_path, Xapian::DB_CREATE_OR_OVERWRITE);
  Xapian::TermGenerator tg;
  tg.set_stemmer(Xapian::Stem("danish"));
  for (const std::string& f : files) {
    Xapian::Document doc;
    const std::string text = read_all(f);
    tg.set_document(doc);
    tg.index_text(text);
    doc.set_data(f);
    const size_t slash = f.rfind('/');
    const size_t dir = slash == std::string::npos ? 0 : f.rfind('/', slash - 1) + 1;
    doc.add_value(0, slash == std::string::npos ? std::string() : f.substr(dir, slash - dir));
    db.add_document(doc);
  }
  db.commit();
  return 0;
}

int query(const std::string& db_path, const std::string& queries_file, int repeat,
          const std::vector<Xapian::valueno>& spy_slots) {
  const bool facets = !spy_slots.empty();
  Xapian::Database db(db_path);
  Xapian::QueryParser qp;
  qp.set_stemmer(Xapian::Stem("danish"));
  qp.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
  qp.set_database(db);
  std::vector<std::string> queries;
  std::ifstream in(queries_file);
  for (std::string l; std::getline(in, l);)
    if (!l.empty() && l[0] != '#') queries.push_back(l);
  auto run = [&](const std::string& q) {
    Xapian::Enquire e(db);
    try {
      e.set_query(qp.parse_query(q, Xapian::QueryParser::FLAG_DEFAULT | Xapian::QueryParser::FLAG_WILDCARD));
    } catch (const Xapian::QueryParserError&) {
      return;
    }
    std::vector<std::unique_ptr<Xapian::ValueCountMatchSpy>> spies;
    for (Xapian::valueno slot : spy_slots) {
      spies.push_back(std::make_unique<Xapian::ValueCountMatchSpy>(slot));
      e.add_matchspy(spies.back().get());
    }
    Xapian::MSet m = facets ? e.get_mset(0, 10, db.get_doccount()) : e.get_mset(0, 10);
    for (auto it = m.begin(); it != m.end(); ++it) (void)it.get_document().get_data();
  };
  for (const auto& q : queries) run(q);
  std::vector<double> us;
  for (int r = 0; r < repeat; ++r)
    for (const auto& q : queries) {
      const auto t0 = std::chrono::steady_clock::now();
      run(q);
      us.push_back(std::chrono::duration<double, std::micro>(std::chrono::steady_clock::now() - t0).count());
    }
  std::sort(us.begin(), us.end());
  auto pct = [&](double p) { return us[std::min(us.size() - 1, static_cast<size_t>(p * (us.size() - 1) + 0.5))]; };
  std::cout << "{\"queries\": " << queries.size() << ", \"runs\": " << us.size() << ", \"p50_us\": " << pct(0.5)
            << ", \"p99_us\": " << pct(0.99) << "}\n";
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc >= 3 && std::string(argv[1]) == "index") {
    std::vector<std::string> files;
    for (int i = 3; i < argc; ++i) {
      if (std::string(argv[i]) == "-") {
        for (std::string l; std::getline(std::cin, l);) files.push_back(l);
      } else {
        files.push_back(argv[i]);
      }
    }
    return index(argv[2], files);
  }
  if ((argc == 5 || argc == 6) && std::string(argv[1]) == "query") {
    // "facets": one spy on slot 0; "facets=12,13,4": a spy on each slot given.
    std::vector<Xapian::valueno> slots;
    const std::string mode = argc == 6 ? argv[5] : "";
    if (mode == "facets") slots.push_back(0);
    if (mode.rfind("facets=", 0) == 0)
      for (size_t a = 7; a < mode.size();) {
        const size_t b = std::min(mode.find(',', a), mode.size());
        slots.push_back(static_cast<Xapian::valueno>(std::stoul(mode.substr(a, b - a))));
        a = b + 1;
      }
    return query(argv[2], argv[3], std::stoi(argv[4]), slots);
  }
  std::cerr << "usage: bare_xapian index DB FILE... | bare_xapian query DB QUERIES REPEAT [facets|facets=SLOT,...]\n";
  return 2;
}
