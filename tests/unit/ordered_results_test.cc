// The indexer's work queue (index/ordered_results.h): results in file order
// whatever order the workers finish in, large files built one at a time,
// and an early stop that joins every worker.
#include "index/ordered_results.h"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <thread>

namespace sagsoeg {
namespace {

FileResult numbered(size_t i) {
  FileResult r;
  r.outcome = FileOutcome::unchanged;
  r.hash = std::to_string(i);
  return r;
}

TEST(OrderedResults, TheWriterTakesResultsInFileOrder) {
  constexpr size_t kFiles = 300;  // several windows of 64
  OrderedResults results(
      kFiles, 4, [](size_t) { return false; },
      [](size_t i, DocumentBuilder&) {
        // Early files take longest: workers finish out of order.
        std::this_thread::sleep_for(std::chrono::microseconds(i % 7 == 0 ? 2000 : 10));
        return numbered(i);
      });
  for (size_t i = 0; i < kFiles; ++i) {
    EXPECT_EQ(results.take(i).hash, std::to_string(i));
    results.written();
  }
}

TEST(OrderedResults, LargeFilesAreBuiltOneAtATime) {
  std::atomic<int> building{0}, most{0};
  OrderedResults results(
      40, 4, [](size_t i) { return i % 2 == 0; },
      [&](size_t i, DocumentBuilder&) {
        if (i % 2 == 0) {
          const int now = ++building;
          int seen = most.load();
          while (now > seen && !most.compare_exchange_weak(seen, now)) {
          }
          std::this_thread::sleep_for(std::chrono::milliseconds(2));
          --building;
        }
        return numbered(i);
      });
  for (size_t i = 0; i < 40; ++i) {
    EXPECT_EQ(results.take(i).hash, std::to_string(i));
    results.written();
  }
  EXPECT_EQ(most.load(), 1);
}

TEST(OrderedResults, StoppingEarlyJoinsEveryWorker) {
  const auto started = std::chrono::steady_clock::now();
  {
    OrderedResults results(
        10000, 4, [](size_t i) { return i % 3 == 0; }, [](size_t i, DocumentBuilder&) { return numbered(i); });
    for (size_t i = 0; i < 5; ++i) {
      results.take(i);
      results.written();
    }
  }  // an error in the writer: the queue is destroyed with workers waiting on the window and the large-file turn
  EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::seconds(10));
}

}  // namespace
}  // namespace sagsoeg
