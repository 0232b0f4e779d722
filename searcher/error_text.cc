#include "searcher/error_text.h"

#include <utility>

namespace sagsoeg {

std::string danish_error(int status, const std::string& english) {
  static const std::pair<const char*, const char*> kinds[] = {
      {"cannot parse query", "Søgningen kan ikke læses. Tjek anførselstegn, parenteser og AND/OR/NOT."},
      {"is not a date", "Datoen kan ikke læses. Skriv fx 2025-01-31, 31-01-2025, 2025-01, 2025 eller 2024..2025."},
      {"is after", "Fra-datoen ligger efter til-datoen."},
      {"ends before it starts", "Datointervallet slutter, før det begynder."},
      {"wildcard", "Jokertegn (*) kræver mindst 2 bogstaver foran, og der må højst være 8 i en søgning."},
      {"nests parentheses", "Søgningen har for mange parenteser inden i hinanden."},
      {"longer than", "Søgningen er for lang."},
      {"UTF-8", "Søgningen indeholder tegn, der ikke er gyldig tekst."},
      {"control characters", "Søgningen indeholder kontroltegn."},
      {"unknown topic", "Emnet findes ikke."},
      {"unknown type", "Typen skal være orientering, beslutning eller drøftelse."},
      {"unknown kind", "Dokumenttypen skal være referat, dagsorden, aftale eller bilag."},
      {"sort must be", "Sortering skal være relevans eller dato."},
      {"unknown outcome",
       "Udfaldet findes ikke. Brug fx godkendt, anbefalet, efterretning, oversendt, udsat, forkastet, drøftet eller "
       "ukendt."},
      {"must be", "En talværdi er ugyldig (limit: 0-1000, offset: 0-100000)."},
      {"built by another version", "Søgeindekset er bygget af en anden version af programmet og skal genopbygges."},
      {"shard did not answer", "En del af søgeindekset svarer ikke lige nu. Prøv igen om lidt."},
      {"shards do not answer", "En del af søgeindekset svarer ikke; resultaterne er ufuldstændige."},
      {"is damaged", "Søgeindekset er beskadiget og skal genskabes."},
      {"could not be read", "Søgeindekset kan ikke læses lige nu. Prøv igen om lidt."},
      {"cannot be opened", "Søgeindekset kan ikke åbnes lige nu. Prøv igen om lidt."},
      {"holds no items", "Søgeindekset er tomt."},
      {"took longer than",
       "Søgningen tog for lang tid og blev stoppet. Gør den mere præcis (færre jokertegn, flere ord)."},
  };
  for (const auto& [marker, danish] : kinds)
    if (english.find(marker) != std::string::npos) return danish;
  switch (status) {
    case 404:
      return "Siden eller punktet findes ikke (eller er fortroligt).";
    case 405:
      return "Kun GET og HEAD er tilladt.";
    case 503:
      return "Serveren er optaget; prøv igen om lidt.";
    case 500:
      return "Der opstod en intern fejl.";
    default:
      return "Søgningen kunne ikke udføres.";
  }
}

}  // namespace sagsoeg
