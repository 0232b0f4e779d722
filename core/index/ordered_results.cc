#include "index/ordered_results.h"

#include "schema/topics.h"
#include "text/text_pipeline.h"

namespace sagsoeg {

void OrderedResults::LargeFileTurn::reserve(size_t file) {
  std::lock_guard<std::mutex> lock(mu_);
  waiting_.insert(file);
}

void OrderedResults::LargeFileTurn::acquire(size_t file) {
  std::unique_lock<std::mutex> lock(mu_);
  free_.wait(lock, [&] { return stop_ || (!taken_ && *waiting_.begin() == file); });
  waiting_.erase(file);
  taken_ = true;
}

void OrderedResults::LargeFileTurn::release() {
  std::lock_guard<std::mutex> lock(mu_);
  taken_ = false;
  free_.notify_all();
}

void OrderedResults::LargeFileTurn::stop() {
  std::lock_guard<std::mutex> lock(mu_);
  stop_ = true;
  free_.notify_all();
}

OrderedResults::OrderedResults(size_t count, unsigned threads, IsLarge is_large, Work work)
    : count_(count), is_large_(std::move(is_large)), work_(std::move(work)), slots_(kWindow), holds_turn_(kWindow) {
  for (unsigned t = 0; t < threads; ++t) threads_.emplace_back([this] { run_worker(); });
}

OrderedResults::~OrderedResults() {
  stop();
  for (std::thread& t : threads_) t.join();
}

void OrderedResults::stop() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    stop_ = true;
    consumed_.notify_all();
  }
  large_.stop();
}

void OrderedResults::run_worker() {
  DocumentBuilder builder(TextPipeline::standard(), TopicVocabulary::standard());
  for (;;) {
    size_t i;
    bool large;
    {
      std::lock_guard<std::mutex> claim(claim_mu_);
      i = next_file_++;
      if (i >= count_) return;
      large = is_large_(i);
      if (large) large_.reserve(i);
    }
    {
      std::unique_lock<std::mutex> lock(mu_);
      consumed_.wait(lock, [&] { return i < taken_ + kWindow || stop_; });
      if (stop_) return;
    }
    if (large) large_.acquire(i);
    FileResult r = work_(i, builder);
    std::lock_guard<std::mutex> lock(mu_);
    holds_turn_[i % kWindow] = large;
    slots_[i % kWindow] = std::move(r);
    produced_.notify_all();
  }
}

FileResult OrderedResults::take(size_t i) {
  std::unique_lock<std::mutex> lock(mu_);
  produced_.wait(lock, [&] { return slots_[i % kWindow].has_value(); });
  FileResult r = std::move(*slots_[i % kWindow]);
  slots_[i % kWindow].reset();
  // Read now: once taken, the slot's next file may set its own flag.
  last_taken_holds_turn_ = holds_turn_[i % kWindow];
  taken_ = i + 1;
  consumed_.notify_all();
  return r;
}

void OrderedResults::written() {
  if (last_taken_holds_turn_) large_.release();
  last_taken_holds_turn_ = false;
}

}  // namespace sagsoeg
