#include "index/batch_writer.h"

#include "index/document_builder.h"
#include "schema/schema.h"
#include "schema/stored_item.h"
#include "store/database.h"
#include "util/clock.h"

// tcmalloc's C API, when the program is linked with it (the indexer is;
// the sanitizer builds are not): weak, so it is null otherwise.
extern "C" void MallocExtension_ReleaseFreeMemory(void) __attribute__((weak));

namespace sagsoeg {

namespace {

// Unsupported files are named one by one up to this many (a folder of
// spreadsheets must not flood the log); the summary counts them all.
constexpr size_t kNamedSkips = 50;

// Removes a file's items and the spelling words they contributed, so no
// word of a changed (perhaps now closed) item lingers in "did you mean".
size_t remove_file_items(Xapian::WritableDatabase& db, const std::string& source) {
  const std::string src = schema::source_term(source);
  std::vector<Xapian::docid> ids(db.postlist_begin(src), db.postlist_end(src));
  for (Xapian::docid id : ids) {
    // The words its public text added, derived from the stored text the same
    // way the builder derived them (the index itself holds only stems).
    const AgendaItem old = decode_document_data(db.get_document(id).get_data(), nullptr, true);
    for (const std::string& word : spelling_words(old)) {
      try {
        db.remove_spelling(word, 1);
      } catch (const Xapian::Error&) {
      }
    }
  }
  if (!ids.empty()) db.delete_document(src);
  return ids.size();
}

}  // namespace

BatchWriter::BatchWriter(Xapian::WritableDatabase& db, const IndexOptions& options, IndexStats& stats,
                         std::ostream& errors)
    : db_(db), options_(options), stats_(stats), errors_(errors), version_(expected_pipeline_version()), ledger_(db) {}

void BatchWriter::begin() {
  if (!in_transaction_) db_.begin_transaction();
  in_transaction_ = true;
  wrote_ = true;
}

void BatchWriter::set_root(const std::string& root, const std::string& previous) {
  begin();
  set_database_root(db_, root);
  if (!previous.empty())
    errors_ << "indexer: " << options_.db_path << ": documents are now read from " << root << " (were in " << previous
            << "); IDs are unchanged\n";
}

void BatchWriter::set_shard(const std::string& label) {
  if (db_.get_metadata(schema::kMetaShard) == label) return;
  begin();
  db_.set_metadata(schema::kMetaShard, label);
}

// Publications no longer kept from being served (the newer one went):
// their files are read again on the next run.
void BatchWriter::restore_publications(const std::vector<std::string>& sources) {
  for (const std::string& source : sources) {
    forget_indexed_file(db_, source);
    stats_.reread_next.push_back(source);
  }
}

void BatchWriter::apply(const InputFile& file, FileResult& r, bool known) {
  switch (r.outcome) {
    case FileOutcome::unchanged:
      ++stats_.unchanged;
      break;
    case FileOutcome::failed:
      apply_failed(file, r, known);
      break;
    case FileOutcome::empty:
    case FileOutcome::unsupported:
    case FileOutcome::metadata:
      apply_without_items(file, r, known);
      break;
    case FileOutcome::indexed:
      apply_indexed(file, r, known);
      break;
  }
  commit_full_batch();
}

void BatchWriter::apply_failed(const InputFile& file, const FileResult& r, bool known) {
  ++stats_.failed;
  stats_.failed_files.push_back(file.display);
  std::string note;
  if (known) {
    // Fail closed: the file may now mark closed what its old items show,
    // so they go until it reads again.
    begin();
    const size_t n = remove_file_items(db_, file.source);
    forget_indexed_file(db_, file.source);
    restore_publications(ledger_.remove(file.source));
    ++stats_.withdrawn;
    note = " (its " + std::to_string(n) + " earlier items are withdrawn until it reads again)";
  }
  errors_ << "indexer: " << r.message << note << "\n";
}

void BatchWriter::apply_without_items(const InputFile& file, const FileResult& r, bool known) {
  if (r.outcome == FileOutcome::empty) {
    ++stats_.empty;
    errors_ << "indexer: warning: " << r.message << " (nothing to index)\n";
  }
  if (r.outcome == FileOutcome::unsupported) {
    stats_.unsupported.push_back(file.display);
    if (stats_.unsupported.size() <= kNamedSkips) errors_ << "indexer: warning: " << r.message << " (skipped)\n";
  }
  if (r.outcome == FileOutcome::metadata) ++stats_.manifests;
  if (!known && r.outcome == FileOutcome::unsupported) return;
  begin();
  if (known) {
    remove_file_items(db_, file.source);
    restore_publications(ledger_.remove(file.source));
  }
  if (r.outcome == FileOutcome::unsupported) {
    forget_indexed_file(db_, file.source);
  } else {
    record_indexed_file(db_, file.source, r.hash);
  }
}

void BatchWriter::apply_indexed(const InputFile& file, FileResult& r, bool known) {
  begin();
  // A file the database has never seen has no items to replace: adding is
  // much cheaper than replacing by term inside a large transaction.
  const bool replace = known || db_.term_exists(schema::source_term(file.source));
  if (replace) remove_file_items(db_, file.source);
  // One meeting, one set of items: the newest publication is served.
  const MeetingLedger::Decision meeting = ledger_.publish(r.meeting, r.publication);
  for (const std::string& older : meeting.replace) {
    remove_file_items(db_, older);
    stats_.superseded.push_back(older);
  }
  restore_publications(meeting.restore);
  record_indexed_file(db_, file.source, r.hash);
  ++stats_.indexed;
  if (!meeting.serve) {
    stats_.superseded.push_back(file.source);
    return;
  }
  for (size_t d = 0; d < r.docs.size(); ++d) {
    if (replace) {
      db_.replace_document(r.id_terms[d], r.docs[d]);
    } else {
      db_.add_document(r.docs[d]);
    }
    ++(r.public_doc[d] ? stats_.items_public : stats_.items_confidential);
  }
  for (const auto& [word, count] : r.spelling) db_.add_spelling(word, count);
  stats_.unstructured += r.unstructured;
  for (const std::string& w : r.warnings) errors_ << "indexer: warning: " << file.display << ": " << w << "\n";
  if (r.docs.empty()) {
    stats_.without_items.push_back(file.display);
    errors_ << "indexer: warning: " << file.display << ": a " << r.format
            << " document without a single agenda item (nothing indexed)\n";
  } else if (r.coverage.percent() < kLowCoveragePercent) {
    stats_.low_coverage.emplace_back(file.display, r.coverage.percent());
  }
  stats_.bytes += r.bytes;
  in_batch_ += r.docs.size();
}

void BatchWriter::commit_full_batch() {
  if (!in_transaction_ || in_batch_ < options_.batch_items) return;
  db_.set_metadata(schema::kMetaPipeline, version_);
  db_.commit_transaction();
  in_transaction_ = false;
  in_batch_ = 0;
  // The batch's buffers are freed now; hand their pages back, or the
  // allocator keeps every batch's high-water mark and peak RSS creeps up
  // with the corpus.
  if (MallocExtension_ReleaseFreeMemory) MallocExtension_ReleaseFreeMemory();
}

void BatchWriter::prune(const std::vector<std::string>& sources) {
  if (sources.empty()) return;
  begin();
  for (const std::string& source : sources) {
    remove_file_items(db_, source);
    forget_indexed_file(db_, source);
    restore_publications(ledger_.remove(source));
    ++stats_.removed;
  }
}

void BatchWriter::finish() {
  if (!wrote_ && db_.get_metadata(schema::kMetaPipeline) == version_ &&
      db_.get_metadata(schema::kMetaSchema) == schema::kSchemaVersion)
    return;
  begin();
  db_.set_metadata(schema::kMetaPipeline, version_);
  db_.set_metadata(schema::kMetaSchema, schema::kSchemaVersion);
  db_.set_metadata(schema::kMetaIndexedAt, utc_timestamp());
  db_.commit_transaction();
  db_.commit();
  stats_.changed = true;
}

}  // namespace sagsoeg
