#include <iostream>
#include <nlohmann/json.hpp>
#include "io/document_reader.h"
#include "io/input_error.h"
#include "model/item_json.h"
#include "parse/agenda_parser.h"
#include "parse/manifest.h"
using namespace sagsoeg;
int main(int argc, char** argv) {
  for (int i = 1; i < argc; ++i) {
    std::string p = argv[i];
    try {
      auto doc = read_document(p);
      auto dir = p.substr(0, p.rfind('/') == std::string::npos ? 0 : p.rfind('/'));
      Manifest m = Manifest::load_from_dir(dir.empty() ? "." : dir);
      auto parsed = parse_agenda(doc.text, p.substr(p.rfind('/') + 1), m.find(p));
      for (auto& it : parsed.items) std::cout << item_to_json(it).dump() << "\n";
    } catch (const InputError& e) { std::cerr << p << ":" << e.line() << ": " << e.what() << "\n"; }
  }
}
