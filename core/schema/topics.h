// The topic vocabulary (data/topics.tsv) and the rule that assigns topics to
// an item from the stems the pipeline produced for it.
#pragma once

#include <xapian.h>

#include <string>
#include <vector>

#include "text/text_pipeline.h"

namespace sagsoeg {

struct Topic {
  std::string slug;   ///< e.g. "almen-praksis"
  std::string label;  ///< e.g. "Almen praksis og lægedækning"
  std::vector<std::string> stems;
  std::vector<std::string> stem_prefixes;  ///< from "word*" entries
};

class TopicVocabulary {
 public:
  /// The vocabulary embedded from data/topics.tsv.
  static const TopicVocabulary& standard();
  TopicVocabulary(const std::string& tsv, const TextPipeline& pipeline);

  const std::vector<Topic>& topics() const { return topics_; }
  /// Index of a topic by slug or (case-insensitive) label, or -1.
  int find(const std::string& slug_or_label) const;
  const std::string& version() const { return version_; }

  /// Topics of an indexed document, from its stemmed ("Z") terms and their
  /// wdf, where one occurrence adds `wdf_per_occurrence`: at least 4 hits
  /// and at least 1 % of the stemmed words.
  std::vector<int> assign(const Xapian::Document& doc, Xapian::termcount wdf_per_occurrence = 1) const;

 private:
  std::vector<Topic> topics_;
  std::string version_;
};

}  // namespace sagsoeg
