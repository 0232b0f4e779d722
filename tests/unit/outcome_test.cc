// Decision outcomes (data/outcomes.tsv): one row per way committees write
// their decisions, each written for this test in the style of real minutes.
#include <gtest/gtest.h>

#include "parse/agenda_parser.h"
#include "parse/decision_outcome.h"

namespace sagsoeg {
namespace {

struct Row {
  const char* decision;
  const char* outcome;
  const char* split;
};

TEST(Outcome, EachWayOfWritingADecision) {
  const Row rows[] = {
      {"Godkendt.", "godkendt", "enig"},
      {"Indstillingen blev godkendt.", "godkendt", "enig"},
      {"Byrådet vedtog indstillingen.", "godkendt", "enig"},
      {"Tiltrådt.", "godkendt", "enig"},
      {"Udvalget bevilgede 2,5 mio. kr. til projektet.", "godkendt", "enig"},
      {"Ansøgningen imødekommes.", "godkendt", "enig"},
      {"Som indstillet.", "godkendt", "enig"},
      {"Udvalget besluttede at igangsætte en analyse.", "godkendt", "enig"},
      {"Et flertal (A, V og C) godkendte indstillingen. Et mindretal (Ø) stemte imod.", "godkendt", "delt"},
      {"Godkendt. Et mindretal (F) kunne ikke tiltræde indstillingen.", "godkendt", "delt"},
      {"Indstillingen blev godkendt med 7 stemmer for og 2 imod. Ø stemte imod.", "godkendt", "delt"},
      // Returned to the administration to carry out an adopted decision.
      {"Tilbagesendes Teknik og Miljø med bemærkning, at byrådet på mødet den 12. maj har vedtaget indstillingen.",
       "godkendt", "enig"},
      {"Anbefales godkendt.", "anbefalet", "enig"},
      {"Økonomiudvalget anbefaler Byrådet at godkende budgetrevisionen.", "anbefalet", "enig"},
      {"Indstillingen anbefales over for Byrådet. Et mindretal (Ø) kan ikke anbefale indstillingen.", "anbefalet",
       "delt"},
      {"Orienteringen blev taget til efterretning.", "taget til efterretning", "enig"},
      {"Udvalget tog orienteringen til efterretning.", "taget til efterretning", "enig"},
      {"Udvalget tog oplægget til orientering.", "taget til efterretning", "enig"},
      {"Sagen oversendes til Økonomiudvalget til videre behandling.", "oversendt", "enig"},
      {"Fremsendes til Byrådets behandling.", "oversendt", "enig"},
      {"Sagen blev udsat.", "udsat", "enig"},
      // From real minutes (FirstAgenda, Aarhus, 2025).
      {"Et flertal i udvalget kunne tiltræde indstillingen i overensstemmelse med Magistratens anbefaling. Solveig "
       "Munk kunne ikke tiltræde indstillingen.",
       "godkendt", "delt"},
      {"Der var foretræde til sagen, hvorefter udvalget drøftede sagen. Udvalget besluttede herefter at udsætte "
       "sagens behandling.",
       "udsat", "enig"},
      {"Udvalget blev orienteret om arkitekturugen i uge 41.", "taget til efterretning", "enig"},
      {"Udsættes til næste møde.", "udsat", "enig"},
      {"Punktet blev ikke behandlet.", "udsat", "enig"},
      {"Sagen blev trukket af dagsordenen.", "udsat", "enig"},
      {"Indstillingen blev ikke godkendt.", "forkastet", "enig"},
      {"Forslaget blev forkastet.", "forkastet", "enig"},
      {"Ansøgningen afvises.", "forkastet", "enig"},
      {"Forslaget faldt med 4 stemmer imod 5.", "forkastet", "delt"},
      {"Udvalget kan ikke anbefale indstillingen.", "forkastet", "enig"},
      {"Et flertal (A og V) kunne ikke godkende forslaget. Et mindretal (Ø og F) stemte for.", "forkastet", "delt"},
      {"Sagen blev drøftet.", "drøftet", "enig"},
      {"Udvalget drøftede de indkomne høringssvar.", "drøftet", "enig"},
      {"Udvalget holdt et oplæg om området.", "ukendt", "enig"},
      // A postponed or rejected item is never "godkendt", whatever else is said.
      {"Sagen udsættes, indtil forvaltningen har godkendt de nye tegninger.", "udsat", "enig"},
      {"Ikke godkendt, idet udvalget ønsker en ny vurdering.", "forkastet", "enig"},
      // "Beslutning" in a proposal's text is not a decision; "kl." ends no sentence.
      {"Godkendt, idet mødet kl. 16 udsættes til kl. 17.", "godkendt", "enig"},
  };
  for (const Row& row : rows) {
    SCOPED_TRACE(row.decision);
    const DecisionOutcome d = OutcomeRules::standard().classify(row.decision);
    EXPECT_EQ(d.outcome, row.outcome);
    EXPECT_EQ(d.split, row.split);
  }
  EXPECT_EQ(OutcomeRules::standard().classify("").outcome, "");
}

TEST(Outcome, TheNewestDecisionCounts) {
  // An item that records an earlier body's decision is classified by the newest one.
  const ParsedDocument d = parse_agenda(
      "Referat fra møde i Byrådet den 12. marts 2025\n\n"
      "## 1. Beslutning: Budgetrevision\n\nSagsfremstilling\nTekst.\n\n"
      "Økonomiudvalgets beslutning den 04.03.2025\nAnbefales godkendt.\n\n"
      "Byrådets beslutning den 12.03.2025\nGodkendt.\n",
      "b.md");
  ASSERT_EQ(d.items.size(), 1u);
  EXPECT_EQ(d.items[0].outcome, "godkendt");
  EXPECT_EQ(d.items[0].split, "enig");
}

TEST(Outcome, NamedByWordOrWhole) {
  EXPECT_EQ(outcome_from_text("godkendt"), "godkendt");
  EXPECT_EQ(outcome_from_text("Taget til efterretning"), "taget til efterretning");
  EXPECT_EQ(outcome_from_text("efterretning"), "taget til efterretning");
  EXPECT_EQ(outcome_from_text("til"), "");
  // A word of the rules names the outcome a decision saying it would get.
  EXPECT_EQ(outcome_from_text("vedtaget"), "godkendt");
  EXPECT_EQ(outcome_from_text("afvist"), "forkastet");
  EXPECT_EQ(outcome_from_text("blåbær"), "");
}

TEST(Outcome, MalformedRulesNameTheirLine) {
  try {
    OutcomeRules("# comment\ngodkendt\n");
    FAIL() << "no error";
  } catch (const std::runtime_error& e) {
    EXPECT_STREQ(e.what(), "data/outcomes.tsv:2: want outcome<TAB>pattern");
  }
}

}  // namespace
}  // namespace sagsoeg
