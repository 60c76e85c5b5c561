#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "runtime/input.h"

// The parts of RecordSource that find where records begin and end. Internal to the runtime.
namespace weft::runtime {

// The unread part of the input, in a buffer that becomes a batch's buffer when it is handed
// off, or from which the consumed bytes are copied into the batch when more is unread than
// consumed. Bytes before position() are consumed; the views of the records framed so far point
// into them.
class Window {
 public:
  Window(ByteInput& input, const SourceOptions& options);

  // Reads the first batch_bytes or detect_bytes of the input, whichever is more, or all of it
  // when it is shorter, and skips a UTF-8 byte order mark. Returns false when the input cannot be read.
  bool FillFirst(std::string& error);
  // Reads more bytes after the unread ones, growing the buffer when it is full, which moves its
  // bytes: call it only when no record of the batch being built points into the buffer. Returns
  // false at the end of the input or on a read error, which sets `error`.
  bool Fill(std::string& error);
  // Moves the consumed bytes into `batch`, to which the views of its records then point, and
  // keeps the unread ones. Positions start again at 0 after it.
  void HandOff(Batch& batch);
  // Drops the consumed bytes; used while skipping a record that is too large to keep.
  void DropConsumed();

  const char* data() const { return buffer_.data() + start_; }
  size_t size() const { return buffer_.size() - start_; }
  size_t position() const { return position_; }
  std::string_view Unread() const { return {data() + position_, size() - position_}; }
  bool at_end() const { return at_end_; }
  // Consumes `count` bytes that hold `lines` line breaks.
  void Advance(size_t count, size_t lines) {
    position_ += count;
    line_ += lines;
  }
  // Consumes `count` bytes, counting the line breaks among them.
  void AdvanceCountingLines(size_t count);
  size_t line() const { return line_; }
  uint64_t OffsetOf(size_t index) const { return base_offset_ + index; }
  uint64_t consumed_offset() const { return base_offset_ + position_; }
  // The character that ends lines: LF, or CR in an input whose first part has no LF.
  char line_break() const { return line_break_; }
  // Decides the line break again from the unread bytes, once a first line longer than the first
  // read has been read whole.
  void DetectLineBreak();

 private:
  ByteInput& input_;
  const SourceOptions& options_;
  size_t minimum_read_;
  // Position 0 is at buffer_[start_]: bytes before it were copied into a batch.
  ByteBuffer buffer_;
  size_t start_ = 0;
  size_t position_ = 0;
  uint64_t base_offset_ = 0;
  size_t line_ = 1;
  bool at_end_ = false;
  char line_break_ = '\n';

  void CopyConsumedInto(Batch& batch);
};

// Finds the records of one input shape in a Window.
class Framer {
 public:
  explicit Framer(std::unique_ptr<Window> window) : window_(std::move(window)) {}
  virtual ~Framer() = default;
  // Adds the next records to `batch`. Returns false when the input has ended, or when it cannot
  // be read further, which sets `error`.
  virtual bool Next(Batch& batch, std::string& error) = 0;
  const Window& window() const { return *window_; }
  size_t records_framed() const { return records_; }

 protected:
  // Adds the next record, which starts at the window's position and is longer than `limit`,
  // keeping only its start.
  InputRecord& AddLongRecord(Batch& batch, size_t limit);

  std::unique_ptr<Window> window_;
  size_t records_ = 0;
};

enum class Scan { Complete, NeedMore, Invalid };

// Finds the end of the string whose opening quote is text[0]; `length` includes both quotes.
Scan ScanString(std::string_view text, size_t& length);
// Finds the end of the value that starts at text[0]. Brackets must pair up, and a number or
// literal must not run into a bracket, a quote or a colon. Everything else is left to the reader.
// `at_end` is true when no byte follows `text`.
Scan ScanValue(std::string_view text, bool at_end, size_t& length, std::string& problem);

// Finds the end of one JSON value that arrives in pieces, so that a value too long to keep is read
// past in a fixed amount of memory. Like ScanValue, it checks only that strings end, that
// brackets pair up and that a scalar runs into no bracket, quote or colon.
class ValueSkipper {
 public:
  // Scans `text`, the next bytes of the value. `at_end` is true when no byte follows `text`.
  // Complete sets `length` to the bytes of `text` up to the end of the value, and NeedMore means
  // that all of `text` is inside it. Invalid sets `length` to the bytes before the one where the
  // value breaks, and `problem` to the reason.
  Scan Feed(std::string_view text, bool at_end, size_t& length, std::string& problem);

 private:
  enum class Mode { Start, Scalar, String, Brackets };

  void Open(char bracket);
  bool Close(char bracket, std::string& problem);

  Mode mode_ = Mode::Start;
  // Arrays and objects that are open.
  uint64_t depth_ = 0;
  // Whether each open level, up to a fixed depth, is an object rather than an array.
  std::vector<bool> objects_;
  // True when the last byte scanned is a backslash inside a string.
  bool escaped_ = false;
};

// The reason a regular file could not be read to the size it had when the run started: it
// ended at byte `at` of its `size`. With `at_most`, nothing was read at `at`, which is then only a
// bound: the file may have been cut before bytes that an earlier batch had already read.
std::string CutShortReason(uint64_t at, uint64_t size, bool at_most = false);

// Appends to `buffer` until it contains `target` bytes, or until `read`, a call of
// ByteInput::Read or ReadAt for the next bytes, gives none, which sets `at_end`. Returns false
// on a read error before any byte was appended, with the reason in `error`. After a read error
// that follows some bytes, it returns true, so that the records in those bytes are framed first,
// and the next call meets the error again.
template <typename ReadNext>
bool FillBuffer(ByteBuffer& buffer, size_t target, ReadNext read, bool& at_end,
                std::string& error) {
  const size_t start = buffer.size();
  while (buffer.size() < target) {
    std::string reason;
    long got = read(buffer.data() + buffer.size(), target - buffer.size(), reason);
    if (got < 0) {
      if (buffer.size() > start) return true;
      error = "cannot read the input: " + reason;
      return false;
    }
    if (got == 0) {
      at_end = true;
      break;
    }
    buffer.Resize(buffer.size() + static_cast<size_t>(got));
  }
  return true;
}

// How much of a record that is too large to keep is shown in its reject.
inline constexpr size_t kLongRecordPrefix = 200;

// The kind of an NDJSON line: blank, a record within the limit, or a line over the limit.
enum class LineContent { Blank, Record, TooLong };

// The bytes of an NDJSON line that a framer reads before it frames the line, unless its line
// break comes first. They tell whether the line is longer than `limit`, and its reject is built
// from them alone, so that it does not depend on how far past them a framer has read.
inline size_t LineHeadBytes(size_t limit) { return limit + kLongRecordPrefix + 2; }

// Finds the record in an NDJSON line and narrows `line` to its text. `line` contains the bytes
// before the line break, or the first LineHeadBytes(limit) bytes of a longer line. The bytes
// before the break count toward `limit`, blanks included, but a CR that ends the line belongs to
// a CRLF break. A line over the limit is TooLong even when it is blank, and its text then starts
// at the first non-blank byte among its first limit + 1 bytes, or at the line's start.
LineContent FindLineRecord(std::string_view& line, size_t limit);

// Rejects a record longer than `limit` bytes, keeping only its start for the rejects file.
// `problem`, when not empty, is why the record is not valid JSON either.
void CutLongRecord(InputRecord& record, size_t limit, std::string_view problem = {});

// The reason a record longer than `limit` bytes is rejected. `problem`, when not empty, is why
// the record is not valid JSON either, which the reason gives first. `cut` is true when the record
// is shown cut short.
std::string LongRecordReason(size_t limit, bool cut, std::string_view problem = {});

// Copies `text` after the bytes of `batch` and returns the copy, for a record whose own bytes are
// gone from the window. Growing the buffer may move it, so `batch` must have no records yet.
std::string_view CopyIntoBatch(Batch& batch, std::string_view text);

// Returns the position of the first CR or LF in `text`, or npos. It replaces find_first_of,
// which in libstdc++ calls memchr once per byte of `text` and made a long first line slow to read.
size_t FindLineBreak(std::string_view text);

// Returns true when `text`, the start of an object, reaches a `records` member of that object
// whose value is an array.
bool StartsRecordsArray(std::string_view text);

// Decides from the first part of the input whether it is NDJSON rather than one JSON document.
// `whole` is true when `start` is the whole input.
bool LooksLikeLines(std::string_view start, bool whole);

// Reads the bytes of `batch.part` from `input` and frames its NDJSON lines into `batch`, as the
// line framer would. Batch::part explains their numbers. Sets the part's line_breaks. Returns
// false when the input cannot be read, with the reason in `error`.
bool FramePart(const ByteInput& input, const SourceOptions& options, char line_break, Batch& batch,
               std::string& error);

std::unique_ptr<Framer> MakeLineFramer(std::unique_ptr<Window> window,
                                       const SourceOptions& options);
// Frames CSV: the first record goes to `header`, and the later ones to batches.
std::unique_ptr<Framer> MakeCsvFramer(std::unique_ptr<Window> window, const SourceOptions& options,
                                      std::string& header);
// `shape` is updated once the document shows its shape.
std::unique_ptr<Framer> MakeDocumentFramer(std::unique_ptr<Window> window,
                                           const SourceOptions& options, InputShape& shape);

}  // namespace weft::runtime
