// Conformance over the real documents in ../shared/realdocs/: what a person
// reads in each file (opened in a browser, with pdftotext -layout, in an
// editor) -- items with their numbers as printed, titles, case IDs, the
// meeting's date, committee and kind, decisions, which items are closed --
// asserted exactly. The folder stays outside the repository; without it
// these tests are skipped with a message saying so.
#include <gtest/gtest.h>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <regex>
#include <set>

#include "format/html_blocks.h"
#include "format/xml_tree.h"
#include "model/item_json.h"
#include "unit/test_support.h"
#include "util/utf8.h"

namespace sagsoeg {
namespace {

std::string realdocs() {
  return test::source_dir() + "/../shared/realdocs";
}

#define REQUIRE_REALDOCS()                        \
  if (!std::filesystem::is_directory(realdocs())) \
  GTEST_SKIP() << "../shared/realdocs is absent: the real-document conformance tests need it (CI has it)"

ParsedDocument real(const std::string& name) {
  return test::parse_file(realdocs() + "/" + name);
}

struct Want {
  const char* number;
  const char* access;
  const char* case_id;
  const char* title;
};

void expect_items(const ParsedDocument& d, const std::vector<Want>& want) {
  ASSERT_EQ(d.items.size(), want.size());
  for (size_t i = 0; i < want.size(); ++i) {
    SCOPED_TRACE(std::string("item ") + want[i].number);
    const AgendaItem& got = d.items[i];
    EXPECT_EQ(got.printed_number(), want[i].number);
    EXPECT_STREQ(access_name(got.access), want[i].access);
    EXPECT_EQ(got.case_id, want[i].case_id);
    EXPECT_EQ(got.title, want[i].title);
    if (got.is_confidential()) {
      EXPECT_EQ(got.full_text(), "");
      EXPECT_TRUE(got.sections.empty());
      EXPECT_TRUE(got.attachments.empty());
    }
  }
}

void expect_meeting(const ParsedDocument& d, const char* date, const char* committee, const char* kind) {
  EXPECT_EQ(d.meta.date, date);
  EXPECT_EQ(d.meta.committee, committee);
  EXPECT_EQ(d.meta.kind, kind);
}

std::string all_output(const ParsedDocument& d) {
  std::string out;
  for (const AgendaItem& item : d.items) out += dump_json(item_to_json(item)) + "\n";
  return out;
}

// --- FirstAgenda publication pages -------------------------------------------

TEST(RealDocs, FirstAgendaMinutesPage) {
  REQUIRE_REALDOCS();
  const ParsedDocument d = real("jakobmwang_dagsordener__examples__example_minutes.html");
  expect_meeting(d, "2025-10-01", "Teknisk Udvalg", "referat");
  expect_items(d, {{"1", "public", "EMN-2025-010561", "Referat fra sidste udvalgsmøde"},
                   {"2", "public", "EMN-2025-009242", "Udviklingsplan Aarhus Ø - endelig vedtagelse"},
                   {"3", "public", "EMN-2025-008468",
                    "Lokalplan 1221 (tillæg 2 til lokalplan 411) – Erhvervsområde ved Kattrup, Hasselager-Kolt, med "
                    "tillæg 1 - Endelig"},
                   {"4", "public", "EMN-2025-010561", "Forvaltningen orienterer"},
                   {"5", "public", "", "Eventuelt"},
                   {"6", "public", "EMN-2024-035156", "Måltal for busfremkommelighed, jf. budgetforlig 2023"}});
  EXPECT_EQ(d.items[0].decision(), "Ingen bemærkninger.");
  EXPECT_EQ(d.items[5].decision(), "Sagen blev udsat uden behandling.");
  ASSERT_EQ(d.items[1].decisions().size(), 1u);
  EXPECT_EQ(d.items[1].decisions()[0].body, "Teknisk Udvalg");
  EXPECT_EQ(d.items[1].decisions()[0].date, "2025-10-01");
  EXPECT_EQ(d.items[1].decision().rfind("Et flertal i udvalget kunne tiltræde indstillingen", 0), 0u);
  // The untitled section after the decision is the case text, not the decision.
  EXPECT_EQ(d.items[1].decision().find("fire ugers høring"), std::string::npos);
  EXPECT_NE(d.items[1].full_text().find("fire ugers høring"), std::string::npos);
  EXPECT_EQ(d.items[1].attachments.size(), 30u);
  EXPECT_EQ(d.items[0].attachments.at(0).name, "Referat fra møde den 22. september 2025");
  // "Lukket punkt" stands only in the page's script: nothing is closed by it.
}

TEST(RealDocs, FirstAgendaAgendaPage) {
  REQUIRE_REALDOCS();
  const ParsedDocument d = real("jakobmwang_dagsordener__examples__example_agenda.html");
  expect_meeting(d, "2025-10-08", "Aarhus Byråd", "dagsorden");
  expect_items(
      d,
      {{"1", "public", "EMN-2023-009832", "Godkendelse af dagsorden"},
       {"2", "public", "EMN-2025-008308", "Forslag til budget 2026-2029"},
       {"3", "public", "EMN-2025-008308", "Materiale til Magistratens 1. tekniske behandling af budget 2026"},
       {"4", "public", "EMN-2025-008308", "Materiale til Magistratens 2. tekniske behandling af budget 2026"},
       {"5", "public", "EMN-2025-008294", "Budgetforslag Ældre og sundhed"},
       {"6", "public", "EMN-2025-008294", "Budgetforslag Social- og beskæftigelsesområdet"},
       {"7", "public", "EMN-2025-008294", "Budgetforslag Miljø, byudvikling, infrastruktur og kollektiv trafik"},
       {"8", "public", "EMN-2025-008294", "Budgetforslag Sport, fritid og kultur"},
       {"9", "public", "EMN-2025-008294", "Budgetforslag Børn og Unge"},
       {"10", "public", "EMN-2025-008294", "Budgetforslag Økonomi og andet"},
       {"11", "public", "EMN-2025-000502", "Svar på forslag fra S, SF, RV, M og ALT om vindmøller på Aarhus Havn"},
       {"12", "public", "EMN-2025-006138",
        "Svar på forslag fra Børne- og ungebyrådet om flere lejrskoler og udflugter i grundskolen"},
       {"13", "public", "EMN-2025-006131",
        "Svar på forslag fra Børne- og ungebyrådet om to-voksentimer og bredere information om eksisterende "
        "trivselsinitiativer"},
       {"14", "public", "EMN-2025-006822", "Svar på forslag fra RV om Aarhus City Metro"},
       {"15", "public", "EMN-2025-009824", "Udpegning til sundhedsråd"},
       {"16", "public", "EMN-2025-010585", "Anbefalinger fra §17, stk. 4-udvalget Nyt Byråd"},
       {"17", "public", "EMN-2025-009516", "Dispensation fra 'Grøn handleplan for kunstgræsbaner'"},
       {"18", "public", "EMN-2025-010190", "Ændring af et godkendelseskriterie for private daginstitutioner"},
       {"19", "public", "EMN-2025-009868",
        "Beredskabsplaner - negativ social kontrol, æresrelaterede konflikter og ekstremisme"},
       {"20", "public", "EMN-2025-010281", "Økonomiteknisk justering af cykelmidler"},
       {"21", "public", "EMN-2025-010236", "Lokalplan 1246 Åbyhøj Idrætscenter – Endelig"},
       {"22", "public", "EMN-2025-009242", "Udviklingsplan Aarhus Ø - endelig vedtagelse"},
       {"23", "public", "EMN-2025-009097", "Lokalplan 1204, Trige Syd - Endelig"},
       {"24", "public", "EMN-2025-008076", "Byggemodning af område til boliger i Trige, lokalplan 1204"},
       {"25", "public", "EMN-2025-010627",
        "Forslag fra S, KF, SF, V og RV om mærkningsordning for genbrug af storskrald"},
       {"26", "public", "EMN-2025-010689", "Forslag fra ALT om at Aarhus Kommune skal udtræde af Kattegatkomitéen"},
       {"27", "public", "EMN-2025-010711", "Forslag fra V, LA, DD, KF, RV, M og ALT om tilskud til hjemmepasning"},
       {"28", "public", "EMN-2025-010748",
        "Forslag fra KF om at adoptere en rundkørsel – skab kunst i det offentlige rum"},
       {"29", "public", "EMN-2025-010715", "Forslag fra SF om Børnenes Plads"},
       {"30", "public", "EMN-2025-010825", "Forslag fra V om bedre rammer for erhvervslivet - giv os Aarhus tilbage"},
       {"31", "public", "EMN-2025-010828", "Forslag fra VL om offentlig undskyldning til kommunal ansat"},
       {"32", "public", "EMN-2025-010830",
        "Forslag fra VL om undersøgelse af kommunens håndtering som bygherre i asbesthåndtering på rådhuset"},
       {"33", "public", "EMN-2025-010810",
        "Forslag fra V, KF, LA og DD om afledte konsekvenser af lukning af Vesterbro Torv"}});
  // An agenda records no decision, so no outcome is read from a proposal.
  for (const AgendaItem& item : d.items) {
    EXPECT_TRUE(item.decisions().empty()) << item.id();
    EXPECT_EQ(item.outcome, "") << item.id();
  }
  EXPECT_TRUE(d.items[1].section("resume"));
  EXPECT_TRUE(d.items[1].section("indstilling"));  // "Beslutningspunkter"
  EXPECT_TRUE(d.items[1].section("sagsforloeb"));
}

// --- FirstAgenda PDF print -------------------------------------------------------

TEST(RealDocs, FirstAgendaPdfPrintOfMinutes) {
  REQUIRE_REALDOCS();
  const ParsedDocument d = real("Aarhus_Byråd-Aarhus_Byråd_den_27._august_2025.pdf");
  EXPECT_EQ(d.meta.format, "pdf");
  expect_meeting(d, "2025-08-27", "Aarhus Byråd", "referat");
  expect_items(
      d,
      {{"1", "public", "EMN-2023-009832", "Godkendelse af dagsorden"},
       {"2", "public", "EMN-2025-003383",
        "Svar på forslag fra DD om principbeslutning om at sikre Havnens Perles fremtid på Aarhus Ø"},
       {"3", "public", "EMN-2025-003928",
        "Svar på forslag fra KF og M om at halvere prisen på parkering i kommunale P-huse"},
       {"4", "public", "EMN-2025-004084",
        "Svar på forslag fra V om at farten skal ned på Grenåvej i Løgten & Skødstrup"},
       {"5", "public", "EMN-2025-008579", "Revisionspåtegning og endelig godkendelse af regnskab 2024"},
       {"6", "public", "EMN-2025-000517",
        "Svar på forslag fra RV om politik og handlingsplan mod diskrimination i Aarhus"},
       {"7", "public", "EMN-2025-008528", "Afrapportering på klimaregnskab samt orientering om ny 2030-fremskrivning"},
       {"8", "public", "EMN-2025-005495", "Afsluttede anlægsregnskaber for Teknik og Miljø 2024"},
       {"9", "public", "EMN-2025-006675", "Bro mellem Dokk1 og Balticagade"},
       {"10", "public", "EMN-2025-008468",
        "Lokalplan 1221 (tillæg 2 til lokalplan 411) – Erhvervsområde ved Kattrup, Hasselager-Kolt, med tillæg 1 "
        "- Endelig"},
       {"11", "public", "EMN-2025-007373", "Anlægsbevilling til Kongeruten i Kongelunden"},
       {"12", "public", "EMN-2025-007459", "Anlægsbevilling til nyt idrætsanlæg i Lisbjerg"},
       {"13", "public", "EMN-2025-007142", "Mulighed for skoleskift til Ravnbakkeskolen"},
       {"14", "public", "EMN-2025-008370", "Justering af ramme for kvalitetsopfølgning og tilsyn i Børn og Unge"},
       {"15", "public", "EMN-2025-008774", "Forslag fra M om styrket implementering af relationel velfærd"},
       {"16", "public", "EMN-2025-008892", "Forslag fra M om International Aarhus 2.0"},
       {"17", "public", "EMN-2025-008893", "Forslag fra DD og LA om Aarhus som testkommune for selvkørende biler"},
       {"18", "public", "EMN-2025-008908",
        "Forslag fra EL og Viggo Jonasen, UFP, om særskilt budgettering af specialundervisning"},
       {"19", "public", "EMN-2025-008910",
        "Forslag fra EL og Viggo Jonasen, UFP, om tabt arbejdsfortjeneste ved skolevægring og lignende"},
       {"20", "public", "EMN-2025-008912", "Forslag fra SF og ALT om Østjysk Marin Naturnationalpark"},
       // Only item 21 is closed; its title is printed after "Lukket:".
       {"21", "confidential", "EMN-2025-007940", "Køb af landbrugsejendom"}});
  EXPECT_EQ(d.items[0].decision(), "Godkendt.");
  EXPECT_EQ(d.items[1].decision().rfind("Fremsendes til Teknisk Udvalg til behandling", 0), 0u);
  EXPECT_EQ(d.items[0].page, 3);
  EXPECT_EQ(d.items[20].page, 28);
  ASSERT_EQ(d.items[1].decisions().size(), 1u);
  EXPECT_EQ(d.items[1].decisions()[0].body, "Aarhus Byråd");
  EXPECT_EQ(d.items[1].decisions()[0].date, "2025-08-27");
  // "Bilag" lists attachments, even one named like a section heading.
  ASSERT_GE(d.items[1].attachments.size(), 2u);
  EXPECT_EQ(d.items[1].attachments[0].name, "Indstilling");
  EXPECT_EQ(d.items[1].attachments[1].name, "Beslutningsforslag");
}

// --- attachments published beside the minutes ----------------------------------

TEST(RealDocs, AttachmentsAreOneDocumentEach) {
  REQUIRE_REALDOCS();
  const ParsedDocument letter = real("document.pdf");
  ASSERT_EQ(letter.items.size(), 1u);
  EXPECT_EQ(letter.meta.kind, "bilag");
  EXPECT_EQ(letter.items[0].title, "Havnens Perle epilog? Før 27.08.2025 møde i byrådssalen");    // its subject line
  EXPECT_EQ(letter.meta.date, "2025-08-26");                                                      // its own date line
  EXPECT_NE(letter.items[0].full_text().find("Til Aarhus Byråd 26-08-2025"), std::string::npos);  // a gap is a space
  const ParsedDocument list = real("dagsbil.pdf");
  ASSERT_EQ(list.items.size(), 1u);
  EXPECT_EQ(list.meta.kind, "bilag");
  EXPECT_EQ(list.items[0].title, "Sager pa vej – Sundhed og Omsorg 2025");  // as printed (the PDF has no "å")
  EXPECT_EQ(list.meta.date, "2025-08-29");                                  // "Ajourført: 29. august 2025"
  EXPECT_NE(list.items[0].full_text().find("Til: Udvalget, Ældrerådet"), std::string::npos);  // label and value
}

// --- FirstAgenda portal JSON -------------------------------------------------------

std::string portal(const std::string& prefix) {
  for (const auto& e : std::filesystem::directory_iterator(realdocs() + "/firstagenda-api"))
    if (e.path().filename().string().rfind(prefix, 0) == 0) return e.path().string();
  return {};
}

TEST(RealDocs, PortalJsonMeetings) {
  REQUIRE_REALDOCS();
  struct Meeting {
    const char* prefix;
    const char* committee;
    const char* date;
    size_t items;
    std::set<std::string> closed;
  };
  const Meeting meetings[] = {
      {"greve__Byråd_2022-2025_2022-01-14", "Byråd 2022-2025", "2022-01-14", 4, {"3"}},
      {"greve__Byråd_2022-2025_2022-01-31", "Byråd 2022-2025", "2022-01-31", 25, {"4", "5", "6", "7"}},
      {"greve__Klima", "Klima-, Teknik- og Miljøudvalget", "2022-01-17", 21, {"19"}},
      {"greve__Skole", "Skole-, Børne- og Ungeudvalget", "2022-01-11", 15, {"11"}},
      {"greve__Spørgsmål", ".Spørgsmål / Svar til Byrådet 2022-2025", "2022-01-01", 1, {}},
      {"greve__Sundheds", "Sundheds- og Omsorgsudvalget", "2022-01-10", 11, {"6"}},
      {"greve__Økonomiudvalget", "Økonomiudvalget", "2022-01-10", 4, {"3"}},
  };
  size_t total = 0, closed = 0;
  for (const Meeting& m : meetings) {
    SCOPED_TRACE(m.prefix);
    const std::string path = portal(m.prefix);
    ASSERT_FALSE(path.empty());
    const ParsedDocument d = test::parse_file(path);
    EXPECT_EQ(d.meta.format, "firstagenda-json");
    EXPECT_EQ(d.meta.committee, m.committee);
    EXPECT_EQ(d.meta.date, m.date);
    ASSERT_EQ(d.items.size(), m.items);
    for (size_t i = 0; i < d.items.size(); ++i) {
      const AgendaItem& item = d.items[i];
      EXPECT_EQ(item.printed_number(), std::to_string(i + 1));
      EXPECT_EQ(item.is_confidential(), m.closed.count(item.printed_number()) > 0) << item.id();
      EXPECT_FALSE(item.title.empty()) << item.id();
    }
    total += d.items.size();
    closed += m.closed.size();
  }
  EXPECT_EQ(total, 81u);
  EXPECT_EQ(closed, 9u);  // every item whose title starts "Lukket:"; IsOpen is false on all 81
}

TEST(RealDocs, PortalJsonItems) {
  REQUIRE_REALDOCS();
  const ParsedDocument d = test::parse_file(portal("greve__Byråd_2022-2025_2022-01-31"));
  EXPECT_EQ(d.meta.kind, "referat");  // named "Dagsorden", but its items record decisions
  const std::vector<Want> head = {
      {"1", "public", "21-014420", "Godkendelse af dagsorden."},
      {"2", "public", "22-000762", "Temamøde - Introduktion af kommunal økonomi"},
      {"3", "public", "21-014419", "Program for byrådsmødet"},
      {"4", "confidential", "21-013720", "Orientering"},
      {"5", "confidential", "21-013712", "orientering fra administrationen"},
      {"6", "confidential", "22-000895",
       "Orientering om status på outsourcing aftalen med Global Connect med henblik på aftaleforlængelse"},
      {"7", "confidential", "22-000177", "Tilbagekøb af matrikel 3db Hundige by, Kildebrønde"},
      {"8", "public", "21-014418", "Spørgetid"}};
  ParsedDocument first = d;
  first.items.resize(head.size());
  expect_items(first, head);
  EXPECT_EQ(d.items[18].case_id, "19-033355K");
  EXPECT_EQ(d.items[0].decision(), "Dagsordenen blev godkendt.\n\nFraværende: Tina Rottbøll");
  EXPECT_TRUE(d.items[10].section("sagsfremstilling"));  // "Fremstilling"
  EXPECT_EQ(d.items[10].attachments.size(), 2u);
  EXPECT_EQ(d.items[10].attachments[0].url.rfind("/vis/pdf/bilag/", 0), 0u);
}

std::set<std::string> words_of(const std::string& text) {
  static const std::regex word("[a-zæøåéü]{6,}");
  std::set<std::string> out;
  const std::string lower = to_lower_latin(text);
  for (auto it = std::sregex_iterator(lower.begin(), lower.end(), word); it != std::sregex_iterator(); ++it)
    out.insert(it->str());
  return out;
}

// Words that occur only in the text of a portal file's closed items never
// come out of it (their titles, printed after "Lukket:", may).
TEST(RealDocs, PortalJsonClosedTextNeverComesOut) {
  REQUIRE_REALDOCS();
  size_t checked = 0;
  for (const auto& e : std::filesystem::directory_iterator(realdocs() + "/firstagenda-api")) {
    const nlohmann::json j = nlohmann::json::parse(test::read_file(e.path().string()));
    std::set<std::string> closed_words, open_words;
    for (const nlohmann::json& p : j["Dagsordenpunkter"]) {
      const std::string title = p["Navn"].get<std::string>();
      std::string text;
      for (const nlohmann::json& f : p["Felter"])
        for (const Block& b : html_fragment_blocks(f["Html"].is_string() ? f["Html"].get<std::string>() : ""))
          text += b.text + " ";
      for (const nlohmann::json& b : p["Bilag"]) text += b["Navn"].get<std::string>() + " ";
      const bool closed = to_lower_latin(title).rfind("lukket:", 0) == 0;
      for (const std::string& w : words_of(text)) (closed ? closed_words : open_words).insert(w);
      for (const std::string& w : words_of(title)) open_words.insert(w);
    }
    const std::set<std::string> out = words_of(all_output(test::parse_file(e.path().string())));
    for (const std::string& w : closed_words) {
      if (open_words.count(w)) continue;
      ++checked;
      EXPECT_EQ(out.count(w), 0u) << w << " in " << e.path().filename();
    }
  }
  EXPECT_GT(checked, 0u);
}

// --- SBSYS publication XML, two generations -------------------------------------------

TEST(RealDocs, SbsysRegionPublication) {
  REQUIRE_REALDOCS();
  const ParsedDocument d =
      real("OS2dagsorden_os2dagsorden-2.0__os2web_sbsys_esdh__example__Publication553.zip_Publication553.xml");
  expect_meeting(d, "2012-09-25", "Forretningsudvalget", "dagsorden");  // a draft agenda
  expect_items(d, {{"1", "public", "", "2. behandling af forslag til styrelsesvedtægt – nedsættelse af stående udvalg"},
                   {"2", "public", "", "Anvendelse af beløb til hospitalsudstyr og patientnære arealer"},
                   {"3", "public", "", "Særpublikation og konference om infrastruktur og vækst"},
                   {"4", "public", "",
                    "Anmodning fra Hans Toft (C) om offentliggørelse af beslutning truffet af Movias bestyrelse"}});
  // The earlier decision, dated in its own text; the later body's field is empty.
  ASSERT_EQ(d.items[0].decisions().size(), 1u);
  EXPECT_EQ(d.items[0].decisions()[0].body, "Forretningsudvalget");
  EXPECT_EQ(d.items[0].decisions()[0].date, "2012-09-18");
  EXPECT_TRUE(d.items[2].decisions().empty());     // "Tomt indhold"
  EXPECT_TRUE(d.items[3].decisions().empty());     // a quoted board decision in the case text is no decision
  EXPECT_TRUE(d.items[0].section("indstilling"));  // ADMINISTRATIONENS INDSTILLING
  EXPECT_EQ(d.items[0].attachments.size(), 6u);
  EXPECT_EQ(all_output(d).find("@"), std::string::npos);  // the member list is no item text
}

TEST(RealDocs, SbsysMunicipalityPublication) {
  REQUIRE_REALDOCS();
  const ParsedDocument d =
      real("OS2dagsorden_os2dagsorden-2.0__os2web_sbsys_esdh__example__Publication32.zip_Publication32.xml");
  expect_meeting(d, "2013-05-15", "KMB IT-udvalget", "dagsorden");
  expect_items(
      d, {{"1", "public", "", "Meddelelser"},
          {"2", "public", "", "Oplæg til standard it-arbejdsplads for Kommunalbestyrelsens medlemmer i 2014-2018"},
          {"3", "public", "", "Indførelse af systemet SAPA (Sagsoverblik/Partskontakt)"},
          {"4", "public", "", "Regler for indkøb af it-udstyr"},
          {"5", "public", "", "Status på eDagsorden"}});
  EXPECT_TRUE(d.items[1].section("tidligere_behandling"));
  EXPECT_TRUE(d.items[1].section("resume"));  // "Sammendrag"
  EXPECT_EQ(d.items[2].attachments.at(0).name, "Brev fra KL til Kommunalbestyrelsen vedr Monopolbrud");
}

TEST(RealDocs, SbsysNewerPublicationWithSubItems) {
  REQUIRE_REALDOCS();
  const ParsedDocument d =
      real("OS2dagsorden_os2dagsorden-2.0__os2web_sbsys_aarhus__example__Archive.zip_publication.xml");
  expect_meeting(d, "2016-10-06", "Mødesystemgruppen", "referat");  // an "Åbent referat" is minutes
  EXPECT_EQ(d.meta.organisation, "Tværgående møder");
  expect_items(d, {{"1", "public", "", "First Agenda"},
                   {"1.1", "public", "", "Status siden sidst"},
                   {"1.2", "public", "", "Status på udviklingsønsker"},
                   {"1.3", "public", "", "Besøg af First Agenda"},
                   {"1.4", "public", "", "Plan for resten af året"},
                   {"2", "public", "", "GetOrganized"},
                   {"2.1", "public", "", "Status siden sidst"},
                   {"2.2", "public", "", "Plan for resten af året"},
                   {"2.3", "public", "", "Status over udviklingsønsker"},
                   {"3", "public", "", "Eventuelt"}});
  EXPECT_EQ(d.items[1].number, 1);  // a sub-item's integer is its leading number
}

// --- Acadre MM XML --------------------------------------------------------------------

TEST(RealDocs, AcadreItemFileAndManifest) {
  REQUIRE_REALDOCS();
  const ParsedDocument d =
      real("OS2dagsorden_os2dagsorden-2.0__os2web_acadre_esdh__example__Files_1863_3687982__3687981.XML");
  expect_meeting(d, "2013-06-20", "Udvalget for plan, udvikling og kultur (PUK)", "referat");
  expect_items(d, {{"715", "public", "12/27845", "Kulturkommune 2017. Politiske fokusområder"}});
  const std::vector<Decision> decisions = d.items[0].decisions();
  ASSERT_EQ(decisions.size(), 3u);
  EXPECT_EQ(decisions[0].date, "2013-04-10");
  EXPECT_EQ(decisions[1].date, "2013-04-24");
  EXPECT_EQ(decisions[2].date, "2013-06-20");
  EXPECT_EQ(decisions[2].body, "Udvalget for plan, udvikling og kultur (PUK)");
  EXPECT_EQ(decisions[2].text.rfind("Punktet blev drøftet.", 0), 0u);
  EXPECT_EQ(d.items[0].attachments.size(), 3u);
  EXPECT_NE(d.items[0].full_text().find("Kulturafdelingen"), std::string::npos);  // escaped HTML read as HTML
  EXPECT_EQ(d.items[0].full_text().find("<p>"), std::string::npos);
  EXPECT_EQ(all_output(d).find("@syddjurs.dk"), std::string::npos);
  const ParsedDocument manifest = real("OS2dagsorden_os2dagsorden-2.0__os2web_acadre_esdh__example__XML_1863.xml");
  EXPECT_TRUE(manifest.metadata_only);
  EXPECT_TRUE(manifest.items.empty());
}

// --- eDoc publishing XML and the minutes print inside it ---------------------------------

const std::vector<Want> kEdocItems = {
    {"1", "public", "2011-29298", "Meddelelser"},
    {"2", "public", "2012-28504", "Bygningsvedligeholdelse 2013 - anlægsbevilling"},
    {"3", "public", "2012-31114", "Kvalitetsstandarder for stof- og alkoholbehandling 2012-2013"},
    {"4", "public", "2012-31673", "Takstreduktion på aflastningstilbuddet Torvevej i Skovlunde i 2013"},
    {"5", "public", "2011-29939", "KL's opfølgningsproces vedrørende det nære sundhedsvæsen"},
    {"6", "public", "2012-21786",
     "Prioritering af midler til kronisk syge borgere og hverdagsrehabilitering for ældre"},
    {"7", "public", "2012-28505", "Etablering af aktivitetscenter på Solvej 6 i Ballerup"},
    {"8", "public", "2010-3082", "Evaluering af rygestopkurser"}};

const char* const kEdocFile =
    "OS2dagsorden_os2dagsorden-2.0__os2web_edoc_esdh__example__04-12-2012_13_00_00__eDocAgendaPublishing.xml";

TEST(RealDocs, EdocPublishingXml) {
  REQUIRE_REALDOCS();
  const ParsedDocument d = real(kEdocFile);
  expect_meeting(d, "2012-12-04", "Sundheds- og Forebyggelsesudvalget", "referat");
  expect_items(d, kEdocItems);
  for (const AgendaItem& item : d.items) {
    ASSERT_EQ(item.decisions().size(), 1u) << item.id();
    EXPECT_EQ(item.decisions()[0].body, "Sundheds- og Forebyggelsesudvalget");
    EXPECT_EQ(item.decisions()[0].date, "2012-12-04");
  }
  EXPECT_EQ(d.items[1].decision().rfind("Indstillingen godkendt", 0), 0u);
  EXPECT_EQ(d.items[1].outcome, "godkendt");
}

// The export carries the text of its minutes PDF: eDoc's print layout, with
// a table of contents under group headings ("Åbent referat", and "Lukket
// referat" with no entries) that must close nothing.
TEST(RealDocs, EdocMinutesPrint) {
  REQUIRE_REALDOCS();
  const ParsedDocument xml = real(kEdocFile);
  const std::string bytes = test::read_file(realdocs() + "/" + kEdocFile);
  const XmlTree tree = XmlTree::parse_xml(bytes);
  std::string text;
  for (const xmlNode* t : descendants_named(tree.root(), "MeetingAgendaType")) text = child_text(t, "FullText");
  ASSERT_FALSE(text.empty());
  const ParsedDocument d = parse_agenda(text, "edoc-referat.txt");
  expect_meeting(d, "2012-12-04", "Sundheds- og Forebyggelsesudvalget", "referat");
  expect_items(d, kEdocItems);
  for (size_t i = 0; i < d.items.size(); ++i) EXPECT_EQ(d.items[i].decision(), xml.items[i].decision());
  EXPECT_EQ(d.items[7].attachments.size(), 0u);  // "Bilag: Ingen"
}

// --- eDoc/Fujitsu: one meeting as HTML and as XML -----------------------------------------

TEST(RealDocs, FujitsuHtmlAndXml) {
  REQUIRE_REALDOCS();
  const std::string base =
      "OS2dagsorden_os2dagsorden-2.0__os2web_edoc_fujitsu__example__Hennys_testudvalg__2017-05-02_10.00__e9117c72-"
      "1d79-4fe9-9653-ef7ab6f27187";
  const std::vector<Want> want = {{"1", "public", "", "test"},
                                  {"2", "public", "200906126", "test tabel"},
                                  {"3", "public", "2013-003869", "Fejloprettet"},
                                  {"4", "public", "2013-000038", "Fejloprettet"},
                                  {"5", "confidential", "2016-003798", ""},
                                  {"6", "confidential", "", ""}};
  for (const char* ext : {".html", ".xml"}) {
    SCOPED_TRACE(ext);
    const ParsedDocument d = real(base + ext);
    expect_meeting(d, "2017-05-02", "Hennys testudvalg", "dagsorden");
    expect_items(d, want);
    EXPECT_EQ(d.items[0].attachments.size(), 4u);    // an item with a title and attachments but no text
    EXPECT_TRUE(d.items[2].section("resume"));       // "Præsentation"
    EXPECT_TRUE(d.items[2].section("indstilling"));  // "Forvaltningen foreslår"
    const std::string out = to_lower_latin(all_output(d));
    EXPECT_EQ(out.find("møgsag"), std::string::npos);
    EXPECT_EQ(out.find("gulvtæppet"), std::string::npos);
    EXPECT_EQ(out.find("geosager"), std::string::npos);
  }
}

}  // namespace
}  // namespace sagsoeg
