// One test per reader on fixtures written for it (tests/data/<format>/):
// the items, numbers, titles, case numbers, date, committee, kind, access,
// decisions and attachments each must yield, and the words of its closed
// items that must never come out.
#include <gtest/gtest.h>

#include "io/input_error.h"
#include "model/item_json.h"
#include "parse/agenda_parser.h"
#include "unit/test_support.h"
#include "util/utf8.h"

namespace sagsoeg {
namespace {

struct Want {
  const char* number;
  const char* access;
  const char* case_id;
  const char* title;
};

std::string data(const std::string& rel) {
  return test::source_dir() + "/tests/data/" + rel;
}

// Items as expected, and no closed word ("zebrafink", "narhval") anywhere in
// the output of any item.
void expect_items(const ParsedDocument& d, const std::vector<Want>& want) {
  ASSERT_EQ(d.items.size(), want.size());
  for (size_t i = 0; i < want.size(); ++i) {
    SCOPED_TRACE(want[i].number);
    const AgendaItem& got = d.items[i];
    EXPECT_EQ(got.printed_number(), want[i].number);
    EXPECT_STREQ(access_name(got.access), want[i].access);
    EXPECT_EQ(got.case_id, want[i].case_id);
    EXPECT_EQ(got.title, want[i].title);
    const std::string all = to_lower_latin(dump_json(item_to_json(got)));
    EXPECT_EQ(all.find("zebrafink"), std::string::npos) << all;
    EXPECT_EQ(all.find("narhval"), std::string::npos) << all;
    if (got.is_confidential()) {
      EXPECT_EQ(got.full_text(), "");
      EXPECT_TRUE(got.attachments.empty());
    }
  }
}

TEST(Formats, PdfPrintOfMinutes) {
  const ParsedDocument d = test::parse_file(data("pdf/firstagenda_referat.pdf"));
  EXPECT_EQ(d.meta.format, "pdf");
  EXPECT_EQ(d.meta.date, "2025-03-04");
  EXPECT_EQ(d.meta.committee, "Teknik- og Miljøudvalget");
  EXPECT_EQ(d.meta.kind, "referat");
  expect_items(d, {{"1", "public", "24/1001", "Godkendelse af dagsorden"},
                   {"2", "public", "24/2002", "Ny plan for cykelstier og sikre skoleveje i den nordlige bydel"},
                   {"3", "confidential", "24/3003", "Salg af grund ved havnen"},  // printed after "Lukket:"
                   {"4", "public", "24/4004", "Orientering om vintervedligeholdelse"}});
  const AgendaItem& two = d.items[1];
  EXPECT_EQ(two.decision(), "Godkendt. Et flertal stemte for.");
  ASSERT_TRUE(two.section("sagsforloeb"));
  EXPECT_NE(two.section("sagsforloeb")->text.find("seks strækninger"), std::string::npos);
  ASSERT_EQ(two.attachments.size(), 1u);
  EXPECT_EQ(two.attachments[0].name, "Kort over strækningerne");
  EXPECT_EQ(d.items[3].page, 2);
  // Running headers and footers are no item text.
  for (const AgendaItem& item : d.items) {
    EXPECT_EQ(item.full_text().find("Side 1 af 2"), std::string::npos);
    EXPECT_EQ(item.full_text().find("referat 4. marts 2025"), std::string::npos);
  }
}

// Every way a print marks item 2 closed (tests/data/pdf/closed/, written by
// make_closed_variants.py): item 2 is closed and its text ("kanarie...")
// comes out nowhere; items 1 and 3 stay public, except where a stamp on
// every page closes them all.
TEST(Formats, ClosedSignsInPdfPrints) {
  const char* const item_two[] = {"right-aligned.pdf",        "letter-spaced.pdf", "watermark.pdf",
                                  "line-sagen-er-lukket.pdf", "line-jf.pdf",       "line-behandles-som.pdf",
                                  "line-lukkede-doere.pdf"};
  const char* const every_page[] = {"header-fortroligt.pdf", "header-lukket-punkt.pdf", "header-lukket-dagsorden.pdf"};
  for (const char* name : item_two) {
    SCOPED_TRACE(name);
    const ParsedDocument d = test::parse_file(data(std::string("pdf/closed/") + name));
    expect_items(d, {{"1", "public", "24/1001", "Godkendelse af dagsorden"},
                     {"2", "confidential", "24/1002", ""},
                     {"3", "public", "24/1003", "Trafikplan for midtbyen"}});
    EXPECT_EQ(to_lower_latin(dump_json(item_to_json(d.items[0])) + dump_json(item_to_json(d.items[2]))).find("kanarie"),
              std::string::npos);
  }
  for (const char* name : every_page) {
    SCOPED_TRACE(name);
    const ParsedDocument d = test::parse_file(data(std::string("pdf/closed/") + name));
    ASSERT_EQ(d.items.size(), 3u);
    for (const AgendaItem& item : d.items) {
      EXPECT_TRUE(item.is_confidential()) << item.id();
      EXPECT_EQ(item.full_text(), "");
    }
  }
}

TEST(Formats, BrokenPdfsGetOneClearError) {
  struct Row {
    const char* file;
    const char* message;
  };
  for (const Row& r : {Row{"pdf/encrypted.pdf", "encrypted PDF: it needs a password to be read"},
                       Row{"pdf/damaged.pdf", "damaged PDF: poppler cannot open it"},
                       Row{"pdf/images_only.pdf", "PDF without a text layer (2 pages of images?): nothing to index"}}) {
    SCOPED_TRACE(r.file);
    try {
      test::parse_file(data(r.file));
      ADD_FAILURE() << "expected InputError";
    } catch (const InputError& e) {
      EXPECT_STREQ(e.what(), r.message);
    }
  }
}

TEST(Formats, FirstAgendaPublicationPage) {
  // Rows tr.punktrow as the real pages build them (html/firstagenda_publication.html).
  const ParsedDocument d = test::parse_file(data("html/firstagenda_publication.html"));
  EXPECT_EQ(d.meta.format, "html");
  EXPECT_EQ(d.meta.date, "2025-03-04");
  EXPECT_EQ(d.meta.committee, "Klimaudvalget");
  EXPECT_EQ(d.meta.kind, "referat");
  expect_items(d, {{"1", "public", "EMN-2025-000101", "Godkendelse af dagsorden"},
                   {"2", "public", "EMN-2024-012345", "Klimaplan 2030 - endelig vedtagelse"},
                   {"3", "confidential", "EMN-2025-000303", "Køb af landbrugsejendom"},  // the title in <button>
                   {"4", "confidential", "EMN-2025-000404", ""},  // closed by the row's class alone
                   {"5", "public", "", "Eventuelt"}});
  const AgendaItem& two = d.items[1];
  ASSERT_EQ(two.decisions().size(), 1u);
  EXPECT_EQ(two.decisions()[0].body, "Klimaudvalget");
  EXPECT_EQ(two.decisions()[0].date, "2025-03-04");
  // The empty <h3></h3> after the decision starts untitled text: not the decision.
  EXPECT_EQ(two.decision(),
            "Et flertal i udvalget kunne tiltræde indstillingen.\n\nAnna Hansen kunne ikke tiltræde indstillingen.");
  ASSERT_TRUE(two.section("text"));
  EXPECT_NE(two.section("text")->text.find("otte uger"), std::string::npos);
  EXPECT_TRUE(two.section("resume"));
  EXPECT_NE(two.section("indstilling")->text.find("vedtages endeligt"), std::string::npos);  // Beslutningspunkter
  EXPECT_TRUE(two.section("sagsforloeb"));
  ASSERT_EQ(two.attachments.size(), 2u);
  EXPECT_EQ(two.attachments[0].name, "Høringsnotat");
  EXPECT_EQ(two.attachments[0].url, "/vis/pdf/bilag/aaaa-1/?redirectDirectlyToPdf=false");
  EXPECT_EQ(d.items[0].decision(), "Godkendt.");
  // Text a reader cannot see is not indexed; the page's script closes nothing.
  EXPECT_EQ(d.items[4].full_text().find("Skjult"), std::string::npos);
}

TEST(Formats, PageWithoutKnownMarkupIsReadByItsHeadings) {
  // Markup no reader knows (html/agenda_page_by_headings.html): numbered
  // headings, section headings, a closed title, a closed marker in a title.
  const ParsedDocument d = test::parse_file(data("html/agenda_page_by_headings.html"));
  EXPECT_EQ(d.meta.format, "html");
  EXPECT_EQ(d.meta.date, "2025-03-12");
  EXPECT_EQ(d.meta.committee, "Byrådet");
  EXPECT_EQ(d.meta.kind, "referat");
  expect_items(d, {{"1", "public", "25/1001", "Godkendelse af dagsorden"},
                   {"2", "public", "24/8812", "Udbud af \xE2\x80\x9Egr\xC3\xB8n\xE2\x80\x9C busdrift"},
                   {"2.1", "public", "24/8813", "tillægsbevilling til ladestandere"},
                   {"3", "confidential", "25/0333", "Køb af ejendom ved havnen"},
                   {"4", "confidential", "", ""},
                   {"5", "public", "", "Eventuelt"}});
  const AgendaItem& two = d.items[1];
  EXPECT_EQ(two.number, 2);
  EXPECT_EQ(d.items[2].number, 2);  // a sub-item's integer is its leading number
  const std::vector<Decision> decisions = two.decisions();
  ASSERT_EQ(decisions.size(), 2u);
  EXPECT_EQ(decisions[0].body, "Økonomiudvalget");
  EXPECT_EQ(decisions[0].date, "2025-03-04");
  EXPECT_EQ(decisions[0].text, "Anbefales.");
  EXPECT_EQ(decisions[1].body, "Byrådet");
  EXPECT_EQ(decisions[1].date, "2025-03-12");
  EXPECT_EQ(two.decision(), "Godkendt. Et flertal stemte for.");
  // "Beslutning: at ..." inside the recommendation is the proposal's text.
  EXPECT_NE(two.section("indstilling")->text.find("Beslutning: at udbuddet"), std::string::npos);
  ASSERT_EQ(two.attachments.size(), 2u);
  EXPECT_EQ(two.attachments[1].name, "Tidsplan for udbud");
  EXPECT_EQ(two.attachments[1].url, "https://dagsorden.example.dk/bilag/8812-2.pdf");
  // Text a reader cannot see (display:none) and scripts are not indexed.
  EXPECT_EQ(d.items[5].full_text().find("Skjult"), std::string::npos);
}

// Closed signs a page gives only in its markup, and an item's own access
// label in a layout no reader knows: each closes its item, and nothing more.
TEST(Formats, ClosedSignsInHtmlMarkup) {
  const std::string page =
      "<html><body><h1>Referat fra møde i Klimaudvalget den 4. marts 2025</h1>"
      "<h2>1. Godkendelse af dagsorden</h2><p>Dagsordenen godkendt.</p>"
      "<h2 class=\"punkt lukket\">2. Salg af grund</h2><p>Zebrafinkeavl ved havnen.</p>"
      "<div aria-label=\"Lukket punkt\"><h2>3. Personalesag</h2><p>Narhvalsbudget.</p></div>"
      "<h2>4. Trafikplan</h2><img alt=\"Lukket vej ved skolen\" src=\"v.png\"><p>Cykelstier.</p>"
      "<h2 title=\"Fortroligt punkt\">5. Grundkøb</h2><p>Zebrafinkeavl igen.</p>"
      "<h2>6. Eventuelt</h2><p>Intet.</p>"
      // Number, title and the item's own label in cells of their own.
      "<table><tr><td>7.</td><td><b>Skolebus</b></td></tr>"
      "<tr><td>Sagsnr.: 25/0707</td><td>Sagsbehandler: Anna</td><td>Lukket</td></tr></table>"
      "<p>Narhvalsbudget for bussen.</p>"
      "</body></html>";
  const ParsedDocument d = test::parse_bytes(page, "side.html");
  expect_items(d, {{"1", "public", "", "Godkendelse af dagsorden"},
                   {"2", "confidential", "", ""},
                   {"3", "confidential", "", ""},
                   {"4", "public", "", "Trafikplan"},  // a photo's caption is no access sign
                   {"5", "confidential", "", ""},
                   {"6", "public", "", "Eventuelt"},
                   {"7", "confidential", "", ""}});
  // A closed sub-item's parent closes it too, in a print as in an export.
  const ParsedDocument sub = parse_agenda(
      "## 3. Lukket: Salg af grund\n\nNarhvalsbudget.\n\n## 3.1 Købers tilbud\n\nZebrafinkeavl.\n\n"
      "## 4. Eventuelt\n\nIntet.\n",
      "sub.md");
  expect_items(
      sub,
      {{"3", "confidential", "", "Salg af grund"}, {"3.1", "confidential", "", ""}, {"4", "public", "", "Eventuelt"}});
}

TEST(Formats, EdocFujitsuHtmlAndXmlYieldTheSameItems) {
  const ParsedDocument html = test::parse_file(data("html/fujitsu_dagsorden.html"));
  const ParsedDocument xml = test::parse_file(data("xml/fujitsu_dagsorden.xml"));
  const std::vector<Want> same = {{"1", "public", "25/0101", "Godkendelse af dagsorden"},
                                  {"2", "public", "24/7710", "Kvalitetsrapport for skolerne 2024"},
                                  {"3", "confidential", "25/0303", ""}};
  expect_items(xml, same);
  // The page has two more: its own label "Ikke åben" in the open group, and
  // an item with an open label that the contents list as "Lukket dagsorden".
  std::vector<Want> page = same;
  page.push_back({"4", "confidential", "2013-003869", ""});
  page.push_back({"5", "confidential", "", ""});
  expect_items(html, page);
  for (const ParsedDocument* d : {&html, &xml}) {
    EXPECT_EQ(d->meta.date, "2025-03-11");
    EXPECT_EQ(d->meta.committee, "Børne- og Ungeudvalget");
    EXPECT_EQ(d->meta.kind, "dagsorden");
    EXPECT_NE(d->items[1].section("indstilling")->text.find("rapporten godkendes"), std::string::npos);
    // The attachment not for publication is left out.
    ASSERT_EQ(d->items[1].attachments.size(), 1u);
    EXPECT_EQ(d->items[1].attachments[0].name, "Kvalitetsrapport 2024");
  }
  EXPECT_EQ(xml.meta.format, "fujitsu-xml");
}

TEST(Formats, EdocPublishingXml) {
  const ParsedDocument d = test::parse_file(data("xml/edoc_meeting.xml"));
  EXPECT_EQ(d.meta.format, "edoc-xml");
  EXPECT_EQ(d.meta.date, "2025-03-03");
  EXPECT_EQ(d.meta.committee, "Økonomiudvalget");
  EXPECT_EQ(d.meta.kind, "referat");
  // Stored out of order, read in number order; "SKAL IKKE PUBLICERES" and
  // the closed agenda type are closed.
  expect_items(d, {{"1", "public", "", "Godkendelse af dagsorden"},
                   {"2", "public", "24/5566", "Anlægsbevilling til ny daginstitution"},
                   {"3", "confidential", "", ""},
                   {"4", "confidential", "", ""}});
  const AgendaItem& two = d.items[1];
  ASSERT_EQ(two.decisions().size(), 1u);
  EXPECT_EQ(two.decisions()[0].date, "2025-03-03");
  EXPECT_EQ(two.decision(), "Anbefales over for Byrådet.");
  // The invalid character reference (&#x1;) is skipped, the text kept.
  EXPECT_NE(two.section("resume")->text.find("ny daginstitution."), std::string::npos);
  // An attachment's text is a section of its item; one not for publication is left out.
  ASSERT_EQ(two.attachments.size(), 1u);
  EXPECT_EQ(two.attachments[0].url, "bilag/71.pdf");
  ASSERT_TRUE(two.section("bilagstekst"));
  EXPECT_NE(two.section("bilagstekst")->text.find("kunstgræsbaner"), std::string::npos);
}

TEST(Formats, AcadreItemsMergedWithTheirManifest) {
  // The publication manifest (values as attributes) holds no items.
  const ParsedDocument manifest = test::parse_file(data("xml/acadre/XML_4711.xml"));
  EXPECT_TRUE(manifest.metadata_only);
  EXPECT_TRUE(manifest.items.empty());
  // Through the indexer's folder context the manifest beside it is merged.
  const std::vector<nlohmann::json> items = test::dry_run_json(data("xml/acadre"));
  ASSERT_EQ(items.size(), 4u);
  EXPECT_EQ(items[0]["number"], "715");
  EXPECT_EQ(items[0]["item"], 715);
  EXPECT_EQ(items[0]["case_id"], "12/27845");
  EXPECT_EQ(items[0]["committee"], "Teknik- og Miljøudvalget");
  EXPECT_EQ(items[0]["date"], "2024-11-12");
  EXPECT_EQ(items[0]["kind"], "referat");
  ASSERT_EQ(items[0]["decisions"].size(), 2u);
  EXPECT_EQ(items[0]["decisions"][0]["date"], "2024-10-08");
  EXPECT_EQ(items[0]["decisions"][0]["text"], "Udsat.");
  EXPECT_EQ(items[0]["decision"], "Anbefales over for Økonomiudvalget.");
  EXPECT_EQ(items[0]["attachments"], nlohmann::json::array({"Tilbud fra entreprenør"}));
  EXPECT_NE(items[0]["text"].get<std::string>().find("renoveres"), std::string::npos);  // escaped HTML read as HTML
  EXPECT_EQ(items[2]["access"], "confidential");                                        // accessname Lukket
  EXPECT_EQ(items[3]["access"], "confidential");  // access "Lukket" against accessname "Åben"
  for (const auto& item : items) {
    const std::string all = to_lower_latin(item.dump());
    EXPECT_EQ(all.find("zebrafink"), std::string::npos) << all;
    EXPECT_EQ(all.find("narhval"), std::string::npos) << all;
    EXPECT_EQ(all.find("@kommune.dk"), std::string::npos) << all;
  }
}

TEST(Formats, SbsysPublicationXml) {
  const ParsedDocument d = test::parse_file(data("xml/sbsys_publication.xml"));
  EXPECT_EQ(d.meta.format, "sbsys-xml");
  EXPECT_EQ(d.meta.date, "2025-03-04");  // the meeting's time, not the publication date
  EXPECT_EQ(d.meta.committee, "Social- og Sundhedsudvalget");
  EXPECT_EQ(d.meta.kind, "referat");  // an open "Åbent referat" entry: the minutes
  expect_items(d, {{"1", "public", "25/1111", "Hjemmeplejens kvalitet"},
                   {"1.1", "public", "", "Sygefravær i hjemmeplejen"},
                   {"1.2", "confidential", "", ""},     // IsPublic False
                   {"2", "confidential", "", ""},       // IsPublic "Ikke offentlig"
                   {"3", "confidential", "", ""},       // "Lukket punkt:" in the caption
                   {"3.1", "confidential", "", ""},     // under a closed item
                   {"4", "public", "", "Eventuelt"}});  // the appendix entries are no items
  const AgendaItem& one = d.items[0];
  ASSERT_EQ(one.decisions().size(), 1u);
  EXPECT_EQ(one.decisions()[0].body, "Social- og Sundhedsudvalget");
  EXPECT_EQ(one.decision(), "Taget til efterretning.");
  EXPECT_TRUE(one.section("resume"));
  EXPECT_TRUE(one.section("indstilling"));  // ADMINISTRATIONENS INDSTILLING
  // A bold "Beslutning" inside a field is the field's text, not a decision.
  EXPECT_NE(one.section("sagsfremstilling")->text.find("Ældrerådet"), std::string::npos);
  ASSERT_EQ(one.attachments.size(), 1u);
  EXPECT_EQ(one.attachments[0].name, "Kvalitetsrapport 2024");
  EXPECT_TRUE(d.items[6].decisions().empty());  // "Tomt indhold" is no decision
  for (const AgendaItem& item : d.items) EXPECT_EQ(item.full_text().find("@kommune.dk"), std::string::npos);
}

TEST(Formats, SbsysAgendaXml) {
  // The <Dagsorden> export OS2dagsorden's SBSYS importer reads: attributes
  // for access and meeting, one element per field under <Indhold>.
  const ParsedDocument d = test::parse_file(data("xml/sbsys_dagsorden.xml"));
  EXPECT_EQ(d.meta.format, "sbsys-dagsorden-xml");
  EXPECT_EQ(d.meta.date, "2024-08-27");
  EXPECT_EQ(d.meta.committee, "Klima- og Miljøudvalget");
  EXPECT_EQ(d.meta.kind, "referat");
  expect_items(d, {{"1", "public", "", "Godkendelse af dagsorden"},
                   {"2", "public", "24/3310", "Vandløbsregulativ for Grønå"},
                   {"3", "confidential", "24/4410", ""},
                   {"4", "confidential", "", ""}});  // no Åbent flag: closed
  const AgendaItem& two = d.items[1];
  EXPECT_TRUE(two.section("sagsfremstilling"));
  EXPECT_TRUE(two.section("indstilling"));
  EXPECT_EQ(two.decision(), "Godkendt.");
  ASSERT_EQ(two.attachments.size(), 1u);  // the one not for publication is left out
  EXPECT_EQ(two.attachments[0].name, "Udkast til regulativ");
  EXPECT_EQ(two.attachments[0].url, "bilag/90.pdf");
  EXPECT_NE(two.full_text().find("skybrud"), std::string::npos);
  EXPECT_EQ(two.full_text().find("<p>"), std::string::npos);  // escaped HTML is read as HTML
}

}  // namespace
}  // namespace sagsoeg
