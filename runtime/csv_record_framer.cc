// Frames CSV input for RecordSource: the first record is the header, which the source keeps for
// the readers, and every later one is a record.
#include <fmt/format.h>

#include <algorithm>
#include <string>
#include <vector>

#include "runtime/csv_syntax.h"
#include "runtime/input_framers.h"

namespace weft::runtime {
namespace {

// How much of a record that cannot be split is shown in its reject.
constexpr size_t kUnclosedPrefix = 200;

class CsvRecordFramer : public Framer {
 public:
  CsvRecordFramer(std::unique_ptr<Window> window, const SourceOptions& options,
                  std::string& header)
      : Framer(std::move(window)), options_(options), framer_(options.csv_delimiter),
        header_(header) {}

  bool Next(Batch& batch, std::string& error) override {
    const uint64_t batch_start = window_->consumed_offset();
    while (true) {
      std::string_view unread = window_->Unread();
      CsvFrame frame = framer_.FindRecordEnd(unread, 0, window_->at_end());
      switch (frame.status) {
        case CsvFrameStatus::Record:
          Add(unread, frame, batch);
          window_->Advance(frame.end, frame.line_breaks);
          if (window_->consumed_offset() - batch_start >= options_.batch_bytes) {
            window_->HandOff(batch);
            return true;
          }
          continue;
        case CsvFrameStatus::NeedMore:
          if (!batch.records.empty()) {
            window_->HandOff(batch);
            return true;
          }
          if (unread.size() > options_.max_record_bytes && have_header_)
            return SkipLongRecord(batch, error);
          if (unread.size() > options_.max_record_bytes) {
            error = fmt::format(
                "a CSV record on line {} is longer than {} bytes, the limit; raise it with "
                "--max-record-bytes if such records are expected, or check for a quote that is "
                "never closed",
                window_->line(), options_.max_record_bytes);
            return false;
          }
          if (!window_->Fill(error) && !error.empty()) return false;
          continue;
        case CsvFrameStatus::EndOfInput:
          window_->HandOff(batch);
          return false;
        case CsvFrameStatus::UnclosedQuote: {
          // Nothing after the quote can be split into records, so this is the last one.
          InputRecord& record = batch.records.emplace_back();
          record.number = ++records_;
          record.line = window_->line();
          record.offset = window_->OffsetOf(window_->position() + frame.begin);
          record.text = unread.substr(frame.begin, kUnclosedPrefix);
          record.error = DescribeUnclosedQuote(frame, window_->line());
          window_->Advance(unread.size(), 0);
          window_->HandOff(batch);
          return false;
        }
      }
    }
  }

 private:
  // Rejects a record longer than the limit, keeping only its start, and reads past its end: the
  // cells are left unread, but quotes still decide where the record ends. Returns false when a
  // quote never closes, or the input cannot be read.
  bool SkipLongRecord(Batch& batch, std::string& error) {
    AddLongRecord(batch, options_.max_record_bytes);
    // The scanned bytes are handed off with the batch, the reject's start among them.
    size_t scanned = framer_.ForgetScanned();
    InputRecord& record = batch.records.back();
    record.text = record.text.substr(0, std::min(record.text.size(), scanned));
    window_->Advance(scanned, 0);
    window_->HandOff(batch);
    while (true) {
      if (!window_->Fill(error) && !error.empty()) return false;
      std::string_view unread = window_->Unread();
      CsvFrame frame = framer_.FindRecordEnd(unread, 0, window_->at_end());
      switch (frame.status) {
        case CsvFrameStatus::Record:
          window_->Advance(frame.end, frame.line_breaks);
          return true;
        case CsvFrameStatus::UnclosedQuote:
          record.error = DescribeUnclosedQuote(frame, record.line);
          window_->Advance(unread.size(), 0);
          return false;
        case CsvFrameStatus::EndOfInput:
          return false;
        case CsvFrameStatus::NeedMore:
          window_->Advance(framer_.ForgetScanned(), 0);
          continue;
      }
    }
  }

  void Add(std::string_view unread, const CsvFrame& frame, Batch& batch) {
    std::string_view text = unread.substr(frame.begin, frame.text_end - frame.begin);
    if (!have_header_) {
      header_ = std::string(text);
      have_header_ = true;
      // With two or more columns a blank line cannot be a record, so it is skipped. With one, it
      // is a record whose only cell is empty.
      std::vector<CsvCell> cells;
      std::string unescaped;
      CsvSyntaxError syntax_error;
      skip_blank_ = !SplitCsvRecord(text, options_.csv_delimiter, cells, unescaped, syntax_error) ||
                    cells.size() > 1;
      return;
    }
    if (text.empty() && skip_blank_) return;
    InputRecord& record = batch.records.emplace_back();
    record.number = ++records_;
    record.line = window_->line();
    record.offset = window_->OffsetOf(window_->position() + frame.begin);
    record.text = text;
    if (text.size() > options_.max_record_bytes) CutLongRecord(record, options_.max_record_bytes);
  }

  const SourceOptions& options_;
  CsvFramer framer_;
  std::string& header_;
  bool have_header_ = false;
  bool skip_blank_ = true;
};

}  // namespace

std::unique_ptr<Framer> MakeCsvFramer(std::unique_ptr<Window> window, const SourceOptions& options,
                                      std::string& header) {
  return std::make_unique<CsvRecordFramer>(std::move(window), options, header);
}

}  // namespace weft::runtime
