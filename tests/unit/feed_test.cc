// The Atom feeds' dates: an entry is dated by its meeting, else by the day
// it was indexed (stored with the item), never by the day the feed is read:
// an undated item must not look new every day.
#include <gtest/gtest.h>

#include "searcher/atom_feed.h"
#include "util/clock.h"

namespace sagsoeg {
namespace {

SearchHit hit(const std::string& date, const std::string& indexed) {
  SearchHit h;
  h.item.meta.source = "bilag.pdf";
  h.item.number = 1;
  h.item.title = "Et bilag uden dato";
  h.item.meta.date = date;
  h.item.meta.indexed = indexed;
  return h;
}

TEST(Feed, AnUndatedItemKeepsTheDayItWasIndexed) {
  SearchResponse r;
  r.hits = {hit("", "2025-03-04")};
  r.total = 1;
  const std::string feed = atom_feed(r, "http://localhost:8080", "/feed.atom?q=bilag", SearchRequest{});
  EXPECT_NE(feed.find("<updated>2025-03-04T00:00:00Z</updated>"), std::string::npos) << feed;
  EXPECT_EQ(feed.find(utc_today()), std::string::npos) << feed;
  EXPECT_EQ(feed.find("1970"), std::string::npos);
}

TEST(Feed, AMeetingsDateComesBeforeTheIndexingDay) {
  SearchResponse r;
  r.hits = {hit("2024-11-20", "2025-03-04"), hit("", "2025-01-02")};
  r.total = 2;
  const std::string feed = atom_feed(r, "http://localhost:8080", "/feed.atom?q=bilag", SearchRequest{});
  EXPECT_NE(feed.find("<updated>2024-11-20T00:00:00Z</updated>"), std::string::npos);
  EXPECT_NE(feed.find("<updated>2025-01-02T00:00:00Z</updated>"), std::string::npos);
  EXPECT_EQ(feed.find("2025-03-04"), std::string::npos);  // the dated item's indexing day is no entry date
  const std::string cases = case_feed("EMN-2024-1", r.hits, "http://localhost:8080", "/feed.atom?case=EMN-2024-1");
  EXPECT_EQ(cases.find(utc_today()), std::string::npos);
}

}  // namespace
}  // namespace sagsoeg
