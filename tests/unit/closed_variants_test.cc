// The property that matters most, per export format: take a real export
// (../shared/realdocs/ where present, else the fixtures modelled on them),
// close one of its items in every way that format can say "closed" -- a
// false flag, a negated or unknown label, a closed title, a conflicting
// second signal -- and put a canary word in that item's text. The canary must
// reach no surface: not the parsed items (what is stored and served), not
// the index terms, not the spelling table.
#include <gtest/gtest.h>

#include <filesystem>
#include <functional>
#include <nlohmann/json.hpp>

#include "index/document_builder.h"
#include "model/item_json.h"
#include "schema/topics.h"
#include "text/text_pipeline.h"
#include "unit/test_support.h"
#include "util/utf8.h"

namespace sagsoeg {
namespace {

constexpr const char* kCanary = "kanariefuglefrø";

std::string data(const std::string& rel) {
  return test::source_dir() + "/tests/data/" + rel;
}

std::string realdoc(const std::string& name) {
  const std::string path = test::source_dir() + "/../shared/realdocs/" + name;
  return std::filesystem::exists(path) ? path : std::string();
}

// Replaces the first `from` at or after `at` (and before `end`, if given)
// by `to`; false if there is none.
bool replace_after(std::string& s, size_t at, const std::string& from, const std::string& to,
                   const std::string& end = {}) {
  const size_t i = s.find(from, at);
  if (i == std::string::npos || (!end.empty() && i > s.find(end, at))) return false;
  s.replace(i, from.size(), to);
  return true;
}

// No surface carries the canary: parsed items, index terms, spelling words.
void expect_no_canary(const std::string& bytes, const std::string& name, const std::string& what) {
  SCOPED_TRACE(what);
  const ParsedDocument d = test::parse_bytes(bytes, name);
  ASSERT_FALSE(d.items.empty());
  static DocumentBuilder builder(TextPipeline::standard(), TopicVocabulary::standard());
  for (const AgendaItem& item : d.items) {
    EXPECT_EQ(to_lower_latin(dump_json(item_to_json(item))).find("kanarie"), std::string::npos) << item.id();
    std::vector<std::string> spelling;
    const Xapian::Document doc = builder.build(item, &spelling);
    for (auto t = doc.termlist_begin(); t != doc.termlist_end(); ++t)
      EXPECT_EQ((*t).find("kanarie"), std::string::npos) << item.id() << " term " << *t;
    for (const std::string& w : spelling) EXPECT_EQ(w.find("kanarie"), std::string::npos) << item.id();
    EXPECT_EQ(to_lower_latin(decode_document_data(doc.get_data()).full_text()).find("kanarie"), std::string::npos);
  }
}

// For each source file and each way of closing: the item closed, the canary nowhere.
void for_each_source(std::initializer_list<std::string> paths,
                     const std::function<void(const std::string& bytes, const std::string& name)>& check) {
  size_t read = 0;
  for (const std::string& path : paths) {
    if (path.empty()) continue;
    SCOPED_TRACE(path);
    check(test::read_file(path), path.substr(path.rfind('/') + 1));
    ++read;
  }
  EXPECT_GT(read, 0u);
}

TEST(ClosedVariants, SbsysPublication) {
  for_each_source(
      {data("xml/sbsys_publication.xml"),
       realdoc("OS2dagsorden_os2dagsorden-2.0__os2web_sbsys_esdh__example__Publication553.zip_Publication553.xml"),
       realdoc("OS2dagsorden_os2dagsorden-2.0__os2web_sbsys_esdh__example__Publication32.zip_Publication32.xml")},
      [](const std::string& bytes, const std::string& name) {
        for (const char* value : {"False", "false", "0", "Nej", "Ikke offentlig", "Ikke åben", "Publiceres ikke", "",
                                  "Ukendt", "Not public"}) {
          std::string doc = bytes;
          const size_t item = doc.find("<Item ");
          ASSERT_NE(item, std::string::npos);
          const size_t flag = doc.find("<IsPublic>", item);
          const size_t flag_end = doc.find("</IsPublic>", flag);
          doc.replace(flag, flag_end - flag, std::string("<IsPublic>") + value);
          // The canary in the item's own text: one of its fields.
          ASSERT_TRUE(replace_after(doc, item, "</Fields>",
                                    std::string("<ItemField><Caption>Resume</Caption><Content>") + kCanary +
                                        "</Content></ItemField></Fields>",
                                    "</Item>"));
          expect_no_canary(doc, name, std::string("IsPublic ") + value);
        }
        // A closed marker only in the caption, with IsPublic True.
        std::string doc = bytes;
        const size_t item = doc.find("<Item ");
        ASSERT_TRUE(replace_after(doc, item, "<Caption><![CDATA[", "<Caption><![CDATA[Lukket punkt: ", "</Item>"));
        ASSERT_TRUE(replace_after(
            doc, item, "</Fields>",
            std::string("<ItemField><Caption>Resume</Caption><Content>") + kCanary + "</Content></ItemField></Fields>",
            "</Item>"));
        expect_no_canary(doc, name, "Lukket punkt: in the caption");
      });
}

TEST(ClosedVariants, FirstAgendaPortalJson) {
  std::vector<std::string> paths{""};
  const std::string dir = test::source_dir() + "/../shared/realdocs/firstagenda-api";
  if (std::filesystem::is_directory(dir))
    for (const auto& e : std::filesystem::directory_iterator(dir)) paths.push_back(e.path().string());
  if (paths.size() == 1) GTEST_SKIP() << "../shared/realdocs is absent: the portal JSON samples live there";
  for (const std::string& path : paths) {
    if (path.empty()) continue;
    nlohmann::json j = nlohmann::json::parse(test::read_file(path));
    for (const char* prefix : {"Lukket: ", "LUKKET: ", "Lukket punkt: ", "(Fortrolig) "}) {
      // The closed sign in the item's name, or only in its caption (the
      // two titles a portal serves can disagree).
      for (const char* field : {"Navn", "Caption"}) {
        nlohmann::json v = j;
        nlohmann::json& item = v["Dagsordenpunkter"][0];
        item[field] = prefix + item[field].get<std::string>();
        item["Felter"] = nlohmann::json::array({{{"Navn", ""}, {"Html", std::string("<div>") + kCanary + "</div>"}}});
        item["Bilag"] = nlohmann::json::array({{{"Navn", std::string(kCanary) + ".pdf"}, {"Id", "x"}}});
        expect_no_canary(v.dump(), "portal.json", std::string(field) + " " + prefix);
      }
    }
  }
}

TEST(ClosedVariants, Acadre) {
  for_each_source(
      {data("xml/acadre/4712.xml"),
       realdoc("OS2dagsorden_os2dagsorden-2.0__os2web_acadre_esdh__example__Files_1863_3687982__3687981.XML")},
      [](const std::string& bytes, const std::string& name) {
        for (const char* value : {"Lukket", "Ikke åben", "Fortrolig", "Ej offentlig", "", "Intern"}) {
          std::string doc = bytes;
          const size_t item = doc.find("<table name=\"agendaitem\">");
          ASSERT_NE(item, std::string::npos);
          ASSERT_TRUE(replace_after(doc, item, "<field name=\"accessname\">Åben</field>",
                                    std::string("<field name=\"accessname\">") + value + "</field>"));
          ASSERT_TRUE(replace_after(doc, item, "<field name=\"bulletcontent\">",
                                    std::string("<field name=\"bulletcontent\">") + kCanary + " "));
          expect_no_canary(doc, name, std::string("accessname ") + value);
        }
        // A word access that contradicts the access name.
        std::string doc = bytes;
        const size_t item = doc.find("<table name=\"agendaitem\">");
        const size_t access = doc.find("<field name=\"access\"", item);
        const size_t end = doc.find("</field>", access);
        doc.replace(access, end - access, "<field name=\"access\">Lukket");
        ASSERT_TRUE(replace_after(doc, item, "<field name=\"bulletcontent\">",
                                  std::string("<field name=\"bulletcontent\">") + kCanary + " "));
        expect_no_canary(doc, name, "access Lukket, accessname Åben");
      });
}

TEST(ClosedVariants, EdocPublishing) {
  for_each_source(
      {data("xml/edoc_meeting.xml"),
       realdoc(
           "OS2dagsorden_os2dagsorden-2.0__os2web_edoc_esdh__example__04-12-2012_13_00_00__eDocAgendaPublishing.xml")},
      [](const std::string& bytes, const std::string& name) {
        // Fields stated first in the first item's Document: each closes it.
        for (const char* field :
             {"<PublishingType>SKAL IKKE PUBLICERES</PublishingType>",
              "<PublishingType>Publiceres ikke</PublishingType>", "<SecurityCode>Fortrolig</SecurityCode>",
              "<PublicAccess>Nej</PublicAccess>", "<MaaPubliceres>false</MaaPubliceres>"}) {
          std::string doc = bytes;
          const size_t item = doc.find("<MeetingAgendaItem>");
          ASSERT_NE(item, std::string::npos);
          ASSERT_TRUE(replace_after(doc, item, "</Title>", std::string("</Title>") + field));
          ASSERT_TRUE(replace_after(doc, item, "<FullText>", std::string("<FullText>") + kCanary + " ",
                                    "</MeetingAgendaItem>"));
          expect_no_canary(doc, name, field);
        }
        // The agenda type, negated: every item of it closes.
        std::string doc = bytes;
        if (replace_after(doc, 0, "<AgendaType>Åben dagsorden</AgendaType>",
                          "<AgendaType>Ikke åben dagsorden</AgendaType>")) {
          ASSERT_TRUE(replace_after(doc, doc.find("<MeetingAgendaItem>"), "<FullText>",
                                    std::string("<FullText>") + kCanary + " "));
          expect_no_canary(doc, name, "AgendaType Ikke åben dagsorden");
        }
      });
}

TEST(ClosedVariants, FujitsuExport) {
  const std::string real = realdoc(
      "OS2dagsorden_os2dagsorden-2.0__os2web_edoc_fujitsu__example__Hennys_testudvalg__2017-05-02_10.00__e9117c72-"
      "1d79-4fe9-9653-ef7ab6f27187.xml");
  if (real.empty()) GTEST_SKIP() << "../shared/realdocs is absent: the eDoc/Fujitsu export lives there";
  for_each_source({real}, [](const std::string& bytes, const std::string& name) {
    const std::pair<const char*, const char*> variants[] = {
        {"<edoc:AccessIsPublic>true</edoc:AccessIsPublic>", "<edoc:AccessIsPublic>false</edoc:AccessIsPublic>"},
        {"<edoc:AccessName>Offentlig publicering</edoc:AccessName>",
         "<edoc:AccessName>Ikke offentlig publicering</edoc:AccessName>"},
        {"<edoc:Access>Offentlig publicering</edoc:Access>", "<edoc:Access>Fortrolig publicering</edoc:Access>"}};
    for (const auto& [from, to] : variants) {
      std::string doc = bytes;
      const size_t element = doc.find("<edoc:AgendaElement>");
      ASSERT_TRUE(replace_after(doc, element, from, to));
      ASSERT_TRUE(replace_after(doc, element, "<edoc:Content>", std::string("<edoc:Content>") + kCanary + " ",
                                "</edoc:AgendaElement>"));
      expect_no_canary(doc, name, to);
    }
  });
}

}  // namespace
}  // namespace sagsoeg
