// Ranking weights: BM25 with its document-length normalisation folded into
// the wdf at index time.
//
// Why: Xapian's BM25 with b > 0 reads the length of every matching document
// from a list with one entry per document. With one document per agenda item
// (110,440 in the benchmark corpus) that walk was about 70% of query time.
// BM25's term weight
//     (k1 + 1) * tf / (k1 * N + tf),   N = (1 - b) + b * max(len / pivot, min)
// equals (k1 + 1) * (tf / N) / (k1 + tf / N). So the indexer stores
// wdf = S * tf / N and the searcher runs BM25 with b = 0 and k1' = S * k1:
// the same ranking (up to a constant factor and rounding to whole numbers),
// no length lookups.
//
// The pivot is a fixed length rather than the database's average, so that an
// item's terms never change when other items are added (incremental indexing,
// shards built apart).
#pragma once

#include <xapian.h>

namespace sagsoeg::bm25 {

inline constexpr double kK1 = 1.2;
inline constexpr double kB = 0.6;
/// Items shorter than half the pivot count as half the pivot: a two-word
/// item must not outrank a real one on length alone.
inline constexpr double kMinNormLength = 0.5;
/// Roughly the average item length (wdf sum) of real minutes (bundled
/// corpus: 873, generated benchmark corpus: 591).
inline constexpr double kPivotLength = 700;
/// wdf resolution: whole numbers, so tf / N is stored times this. Each
/// occurrence adds round(kScale * weight / N) (the indexer knows N before it
/// indexes an item), so the resolution must keep that rounding small.
inline constexpr double kScale = 40;

/// BM25's length normalisation N of an item whose weighted occurrences sum
/// to `length`.
inline double length_norm(double length) {
  double relative = length / kPivotLength;
  if (relative < kMinNormLength) relative = kMinNormLength;
  return (1 - kB) + kB * relative;
}

/// The wdf one occurrence adds in such an item, for a field weighing `weight`:
/// at least 1 so a term still matches in a huge item.
inline Xapian::termcount occurrence_wdf(Xapian::termcount weight, double length) {
  const double wdf = kScale * static_cast<double>(weight) / length_norm(length) + 0.5;
  return wdf < 1 ? 1 : static_cast<Xapian::termcount>(wdf);
}

/// The stored wdf of a term with `tf` weighted occurrences in an item whose
/// weighted occurrences sum to `length`; at least 1 so the term still matches.
inline Xapian::termcount normalised_wdf(Xapian::termcount tf, Xapian::termcount length) {
  const double wdf = kScale * static_cast<double>(tf) / length_norm(static_cast<double>(length)) + 0.5;
  return wdf < 1 ? 1 : static_cast<Xapian::termcount>(wdf);
}

/// The searcher's weighting scheme for those wdfs.
inline Xapian::BM25Weight weight() {
  return Xapian::BM25Weight(kScale * kK1, 0, 1, 0, kMinNormLength);
}

}  // namespace sagsoeg::bm25
