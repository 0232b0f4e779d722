// Input handling: encodings, line ends, gzip, HTML, and clear errors for
// files that are not documents.
#include <gtest/gtest.h>

#include "format/reader.h"
#include "format/text_decoding.h"
#include "format/xml_tree.h"
#include "io/document_reader.h"
#include "io/gzip.h"
#include "io/input_error.h"
#include "model/item_json.h"
#include "unit/test_support.h"

#include <zlib.h>

namespace sagsoeg {
namespace {

const char* const kSeeds[] = {"000_95b85b1cae4d3646.txt", "001_4087263cda476328.txt", "002_232f1646488d47e5.txt",
                              "003_d8c3f28a1a9dde23.txt", "004_9c22b7f145ec25f7.txt"};

std::string gzip_bytes(const std::string& data) {
  z_stream zs{};
  deflateInit2(&zs, Z_DEFAULT_COMPRESSION, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY);
  std::string out(deflateBound(&zs, data.size()) + 32, '\0');
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  zs.avail_in = static_cast<uInt>(data.size());
  zs.next_out = reinterpret_cast<Bytef*>(out.data());
  zs.avail_out = static_cast<uInt>(out.size());
  deflate(&zs, Z_FINISH);
  out.resize(zs.total_out);
  deflateEnd(&zs);
  return out;
}

// UTF-8 -> Latin-1 for text whose characters all fit in Latin-1; others become '?'.
std::string to_latin1(const std::string& utf8) {
  std::string out;
  for (size_t i = 0; i < utf8.size();) {
    const auto c = static_cast<unsigned char>(utf8[i]);
    if (c < 0x80) {
      out += utf8[i++];
    } else if ((c & 0xE0) == 0xC0) {
      const unsigned cp = ((c & 0x1F) << 6) | (static_cast<unsigned char>(utf8[i + 1]) & 0x3F);
      out += cp < 0x100 ? static_cast<char>(cp) : '?';
      i += 2;
    } else {
      out += (c & 0xF0) == 0xE0 ? "\x96" : "?";  // en dash and friends: cp1252 0x96
      i += (c & 0xF0) == 0xE0 ? 3 : 4;
    }
  }
  return out;
}

std::vector<std::string> item_signatures(const std::string& text, const std::string& name) {
  std::vector<std::string> sig;
  for (const auto& item : parse_agenda(text, name).items)
    sig.push_back(item.printed_number() + "|" + item.title + "|" + item.case_id + "|" + access_name(item.access) + "|" +
                  std::to_string(item.sections.size()));
  return sig;
}

TEST(Reader, Latin1CopyParsesLikeTheOriginal) {
  for (const char* seed : kSeeds) {
    SCOPED_TRACE(seed);
    const std::string utf8 = test::read_file(test::corpus_path(seed));
    SourceEncoding encoding = SourceEncoding::utf8;
    (void)to_utf8(to_latin1(utf8), &encoding);
    EXPECT_EQ(encoding, SourceEncoding::cp1252);
    const auto want = item_signatures(utf8, seed);
    const auto got = item_signatures(read_source(to_latin1(utf8), {"copy.txt", {}, nullptr}).text, seed);
    ASSERT_EQ(got.size(), want.size());
    for (size_t i = 0; i < want.size(); ++i) {
      // Characters outside Latin-1 (–, ”) may differ; numbers, IDs and counts may not.
      EXPECT_EQ(got[i].substr(0, got[i].find('|')), want[i].substr(0, want[i].find('|')));
      EXPECT_EQ(got[i].substr(got[i].rfind('|')), want[i].substr(want[i].rfind('|')));
    }
  }
}

TEST(Reader, CrlfBomAndGzipCopiesParseLikeTheOriginal) {
  for (const char* seed : kSeeds) {
    SCOPED_TRACE(seed);
    const std::string utf8 = test::read_file(test::corpus_path(seed));
    std::string crlf;
    for (char c : utf8) crlf += c == '\n' ? std::string("\r\n") : std::string(1, c);
    const auto want = item_signatures(utf8, seed);
    EXPECT_EQ(item_signatures(read_source("\xEF\xBB\xBF" + crlf, {"x.txt", {}, nullptr}).text, seed), want);
    EXPECT_EQ(item_signatures(read_source(gzip_bytes(utf8), {"x.txt.gz", {}, nullptr}).text, seed), want);
    // A .gz is sniffed by its magic whatever it is called.
    EXPECT_EQ(item_signatures(read_source(gzip_bytes(utf8), {"x.txt", {}, nullptr}).text, seed), want);
  }
}

TEST(Reader, GzipFileOnDisk) {
  test::TempDir dir;
  const std::string utf8 = test::read_file(test::corpus_path(kSeeds[0]));
  test::write_file(dir.file("a.txt.gz"), gzip_bytes(utf8));
  EXPECT_EQ(read_source(read_file_bytes(dir.file("a.txt.gz")), {dir.file("a.txt.gz"), {}, nullptr}).text, utf8);
}

void expect_input_error(const std::string& bytes, const std::string& name, const std::string& message,
                        const ReadLimits& limits = {}) {
  try {
    read_source(bytes, {name, limits, nullptr});
    ADD_FAILURE() << "expected InputError '" << message << "'";
  } catch (const InputError& e) {
    EXPECT_EQ(std::string(e.what()), message);
  }
}

TEST(Reader, ClearErrorsForNonDocuments) {
  expect_input_error("", "empty.txt", "empty file");
  expect_input_error("  \n\n ", "blank.txt", "empty file");
  expect_input_error(std::string("\x7f"
                                 "ELF\x02\x01\x01\0\0\0",
                                 10) +
                         std::string(200, '\0'),
                     "bin.txt", "binary file, not text");
  const std::string gz = gzip_bytes(std::string(100000, 'x'));
  expect_input_error(gz.substr(0, gz.size() / 2), "cut.txt.gz", "truncated gzip data");
  expect_input_error("plain text", "fake.txt.gz", "not gzip data although the name ends in .gz");
  ReadLimits small;
  small.max_bytes = 1 << 20;
  expect_input_error(gzip_bytes(std::string(3 << 20, 'a')), "bomb.txt.gz",
                     "gzip data expands beyond the size limit of 1 MB", small);
}

TEST(Reader, UnreadableAndMissingFiles) {
  EXPECT_THROW(read_file_bytes("/nonexistent/file.txt"), InputError);
  test::TempDir dir;
  EXPECT_THROW(read_file_bytes(dir.path()), InputError);  // a folder
}

TEST(Reader, CandidateNames) {
  EXPECT_TRUE(is_candidate_name("a.txt"));
  EXPECT_TRUE(is_candidate_name("a.md.gz"));
  EXPECT_TRUE(is_candidate_name("A.PDF"));
  EXPECT_TRUE(is_candidate_name("referat.bin"));  // the content decides
  EXPECT_FALSE(is_candidate_name("manifest.tsv"));
  EXPECT_FALSE(is_candidate_name(".hidden.txt"));
  EXPECT_FALSE(is_candidate_name("notes.txt~"));
}

TEST(Reader, FormatsAreSniffedFromContent) {
  struct Row {
    std::string bytes, name;
    const char* reader;  // nullptr: unsupported
  };
  const Row rows[] = {
      {"%PDF-1.4\n...", "referat.bin", "pdf"},
      {"<!DOCTYPE html><html><body><p>x</p></body></html>", "page.txt", "html"},
      {"<html><body>x</body></html>", "PAGE.HTM", "html"},
      {"<?xml version=\"1.0\"?><Meeting/>", "export.XML", "edoc-xml"},
      {"\xEF\xBB\xBF<?xml version=\"1.0\"?>\r\n<Publication/>", "pub.dat", "sbsys-xml"},
      {"<?xml version=\"1.0\"?><Root xmlns=\"http://www.fujitsu.dk/agenda/xml/schemas/2009/03/31/\"/>", "a.xml",
       "fujitsu-xml"},
      {"<?xml version=\"1.0\"?><table name=\"meeting\"><fields/></table>", "a.xml", "acadre-xml"},
      {"<?xml version=\"1.0\"?><invoice/>", "a.xml", "xml"},
      {"1. Punkt\n", "notes.md", "text"},
      {"col1,col2\n", "data.csv", nullptr},
  };
  for (const Row& r : rows) {
    SCOPED_TRACE(r.name);
    const Reader* reader = find_reader(r.bytes, r.name);
    if (!r.reader) {
      EXPECT_EQ(reader, nullptr);
    } else {
      ASSERT_NE(reader, nullptr);
      EXPECT_STREQ(reader->name, r.reader);
    }
  }
}

// XML bounds are the parser's: an entity declared in any encoding stops it
// before anything expands; thousands of attributes are refused in linear
// time; the limits it reaches (depth, a text over 10 MB) are named warnings.
TEST(Reader, XmlEntitiesAttributesAndLimits) {
  const std::string bomb =
      "<!DOCTYPE Publication [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;\">]>"
      "<Publication><Agendas><Agenda><Items><Item><Caption>&b;</Caption></Item></Items></Agenda></Agendas>"
      "</Publication>";
  std::string utf7 = bomb;
  for (size_t i = 0; (i = utf7.find('!', i)) != std::string::npos;) utf7.replace(i, 1, "+ACE-");
  for (const std::string& doc :
       {"<?xml version=\"1.0\"?>" + bomb, "<?xml version=\"1.0\" encoding=\"UTF-7\"?>" + utf7}) {
    try {
      XmlTree::parse_xml(doc);
      ADD_FAILURE() << "expected InputError for " << doc.substr(0, 60);
    } catch (const InputError& e) {
      EXPECT_STREQ(e.what(), "XML declares entities, which exports never do: not read");
    }
  }
  std::string attributes = "<Publication";
  for (int i = 0; i < 20000; ++i) attributes += " a" + std::to_string(i) + "=\"1\"";
  EXPECT_THROW(XmlTree::parse_xml(attributes + "/>"), InputError);
  EXPECT_THROW(XmlTree::parse_html("<html><body" + attributes.substr(12) + "></body></html>"), InputError);

  const std::string deep = "<Publication>" + [] {
    std::string s;
    for (int i = 0; i < 400; ++i) s += "<d>";
    return s + "dybt";
  }() + "</Publication>";
  const XmlTree deep_tree = XmlTree::parse_xml(deep);
  ASSERT_EQ(deep_tree.warnings().size(), 1u);
  EXPECT_NE(deep_tree.warnings()[0].find("nested deeper than 256 levels"), std::string::npos);
  std::string big(11u << 20, 'a');
  for (size_t i = 0; i < big.size(); i += 8) big[i] = ' ';
  const XmlTree cdata = XmlTree::parse_xml("<Publication><x><![CDATA[" + big + "]]></x></Publication>");
  ASSERT_FALSE(cdata.warnings().empty());
  EXPECT_NE(cdata.warnings()[0].find("over the XML parser's 10 MB limit"), std::string::npos);
  const XmlTree page = XmlTree::parse_html("<html><body><p>" + big + "</p></body></html>");
  ASSERT_FALSE(page.warnings().empty());
}

TEST(Reader, UnknownXmlAndUnsupportedTypesSayWhatTheyAre) {
  // One policy for every file no reader can use: unsupported, named with what it is.
  struct Row {
    const char* bytes;
    const char* name;
    const char* message;
  };
  for (const Row& r :
       {Row{"<?xml version=\"1.0\"?><invoice><x/></invoice>", "a.xml",
            "unsupported: XML of an unknown schema (root element <invoice>), not an agenda export this indexer reads"},
        Row{"{\"orders\": []}", "b.json", "unsupported: JSON that is not a FirstAgenda agenda (no Dagsordenpunkter)"},
        Row{"col1,col2\n", "data.csv", "unsupported file type .csv"}}) {
    SCOPED_TRACE(r.name);
    try {
      read_source(r.bytes, {r.name, {}, nullptr});
      ADD_FAILURE() << "expected UnsupportedInput";
    } catch (const UnsupportedInput& e) {
      EXPECT_STREQ(e.what(), r.message);
    }
  }
  EXPECT_THROW(read_source("", {"empty.txt", {}, nullptr}), EmptyInput);
}

TEST(Reader, StoredTextRoundTrip) {
  const std::string text = test::read_file(test::corpus_path(kSeeds[1]));
  const std::string z = deflate_bytes(text);
  EXPECT_LT(z.size(), text.size() / 2);
  EXPECT_EQ(inflate_bytes(z), text);
}

}  // namespace
}  // namespace sagsoeg
