// The indexer's work queue: worker threads read and build files in any
// order; the writer takes their results in file order. At most `window`
// results wait in memory, and large files are built one at a time (the
// next waits until the writer has taken the last one), so peak memory is
// one large file's, not one per thread.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <functional>
#include <mutex>
#include <optional>
#include <set>
#include <thread>
#include <vector>

#include "index/file_processor.h"

namespace sagsoeg {

class OrderedResults {
 public:
  /// Builds file `i` on a worker (with that worker's own DocumentBuilder).
  using Work = std::function<FileResult(size_t i, DocumentBuilder& builder)>;
  /// Whether file `i` is large (built alone).
  using IsLarge = std::function<bool(size_t i)>;

  /// Starts `threads` workers over files 0 .. count-1.
  OrderedResults(size_t count, unsigned threads, IsLarge is_large, Work work);
  /// Stops the workers (a result not yet taken is dropped) and joins them.
  ~OrderedResults();
  OrderedResults(const OrderedResults&) = delete;
  OrderedResults& operator=(const OrderedResults&) = delete;

  /// File `i`'s result, waiting for it; files are taken in order 0, 1, 2 ...
  FileResult take(size_t i);
  /// The writer is done with the file it took last: a large file's turn
  /// passes on.
  void written();

 private:
  static constexpr size_t kWindow = 64;
  void run_worker();
  void stop();

  // Given in file order: a large file is reserved as its number is claimed
  // (under one lock, so an earlier large file is always reserved before a
  // later one asks), and the turn goes to the lowest reserved file. The
  // holder's file thus always comes before any waiter's, and the writer
  // (which consumes in file order) reaches it and frees it. (Reserving only
  // on asking let a later large file take the turn first: a deadlock, found
  // by a test that builds every second file large.)
  class LargeFileTurn {
   public:
    void reserve(size_t file);
    void acquire(size_t file);
    void release();
    void stop();

   private:
    std::mutex mu_;
    std::condition_variable free_;
    std::set<size_t> waiting_;
    bool taken_ = false, stop_ = false;
  };

  const size_t count_;
  IsLarge is_large_;
  Work work_;
  // Slot i % kWindow holds file i's result: file i waits until file
  // i - kWindow, the slot's last occupant, has been taken.
  std::vector<std::optional<FileResult>> slots_;
  std::vector<bool> holds_turn_;
  std::mutex mu_;
  std::condition_variable produced_, consumed_;
  std::mutex claim_mu_;  ///< a file's number and its reservation, taken together
  size_t next_file_ = 0;
  size_t taken_ = 0;
  bool last_taken_holds_turn_ = false;  ///< the writer's own: take() and written() run on its thread
  bool stop_ = false;
  LargeFileTurn large_;
  std::vector<std::thread> threads_;
};

}  // namespace sagsoeg
