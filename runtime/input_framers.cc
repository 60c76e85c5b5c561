#include "runtime/input_framers.h"

#include <fmt/format.h>
#include <simdjson.h>

#include <algorithm>
#include <cstring>

#include "runtime/json_check.h"

namespace weft::runtime {
namespace {

namespace od = simdjson::ondemand;

constexpr std::string_view kByteOrderMark = "\xEF\xBB\xBF";
// The smallest read request, or the batch size when that is smaller, so that a pipe is not read
// a few bytes at a time.
constexpr size_t kMinimumRead = 64 * 1024;

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

bool IsBlank(std::string_view line) { return std::all_of(line.begin(), line.end(), IsSpace); }

std::string_view Trim(std::string_view text) {
  while (!text.empty() && IsSpace(text.front())) text.remove_prefix(1);
  while (!text.empty() && IsSpace(text.back())) text.remove_suffix(1);
  return text;
}

// Returns the number of whitespace bytes at the start of `text`, or 0 when all of it is
// whitespace.
size_t LeadingBlanks(std::string_view text) {
  size_t blanks = 0;
  while (blanks < text.size() && IsSpace(text[blanks])) ++blanks;
  return blanks == text.size() ? 0 : blanks;
}

}  // namespace

size_t FindLineBreak(std::string_view text) {
  const auto* lf = static_cast<const char*>(std::memchr(text.data(), '\n', text.size()));
  const size_t lf_at = lf == nullptr ? text.size() : static_cast<size_t>(lf - text.data());
  const auto* cr = static_cast<const char*>(std::memchr(text.data(), '\r', lf_at));
  if (cr != nullptr) return static_cast<size_t>(cr - text.data());
  return lf == nullptr ? std::string_view::npos : lf_at;
}

namespace {

// The character that ends lines: CR when the first line break is a CR followed by something
// other than LF, as old Mac tools write, otherwise LF.
char LineBreakOf(std::string_view text) {
  size_t break_at = FindLineBreak(text);
  if (break_at == std::string_view::npos || text[break_at] == '\n') return '\n';
  return break_at + 1 < text.size() && text[break_at + 1] != '\n' ? '\r' : '\n';
}

// Returns the next non-blank line at or after `start`, trimmed, and moves `start` past it. At
// the end of the text it returns an empty view.
std::string_view NextLine(std::string_view text, char line_break, size_t& start) {
  while (start < text.size()) {
    size_t end = text.find(line_break, start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(start, end - start);
    start = end + 1;
    if (!IsBlank(line)) return Trim(line);
  }
  return {};
}

// Decides whether a text that does not parse as one JSON value is NDJSON. It is when one of its
// first lines is a complete value. A pretty-printed document rarely has one so early, and NDJSON
// whose first records are malformed still has a good one soon after.
bool HasCompleteLineEarly(std::string_view text, od::parser& parser) {
  constexpr int kLinesLookedAt = 16;
  size_t start = 0;
  char line_break = LineBreakOf(text);
  for (int i = 0; i < kLinesLookedAt; ++i) {
    std::string_view line = NextLine(text, line_break, start);
    if (line.empty()) return false;
    if (line.front() == '{' && CheckJson(parser, line).empty()) return true;
  }
  return false;
}

// Returns true when only whitespace is between text[at] and the line break before it.
bool StartsLine(std::string_view text, size_t at) {
  size_t line_start = text.find_last_of("\r\n", at);
  return line_start != std::string_view::npos && IsBlank(text.substr(line_start, at - line_start));
}

// Walks the names, values and separators of a JSON text that starts with `{` or `[`, checking
// that each is where JSON allows it. Numbers and literals are not checked, so a bad value such
// as `tru` passes.
class StructureWalker {
 public:
  // Returns the offset of the byte where `text` breaks the structure or ends its first value,
  // or npos when that value is still open where `text` ends.
  size_t Walk(std::string_view text) {
    for (size_t i = 0; i < text.size(); ++i) {
      if (IsSpace(text[i])) continue;
      size_t length = TokenLength(text.substr(i));
      // The text read so far may end inside a string.
      if (length == 0) return std::string_view::npos;
      if (!Take(text.substr(i, length)) || closers_.empty()) return i;
      i += length - 1;
    }
    return std::string_view::npos;
  }

 private:
  enum class Expect { Value, ValueOrClose, Name, NameOrClose, Colon, CommaOrClose };

  // Returns the length of the string, bracket, separator or scalar at the start of `text`, or 0
  // for a string that does not end in it.
  static size_t TokenLength(std::string_view text) {
    if (text.front() == '"') {
      size_t length = 0;
      return ScanString(text, length) == Scan::Complete ? length : 0;
    }
    if (kStructureBytes.find(text.front()) != std::string_view::npos) return 1;
    size_t length = 1;
    while (length < text.size() && !IsSpace(text[length]) &&
           kStructureBytes.find(text[length]) == std::string_view::npos) {
      ++length;
    }
    return length;
  }

  bool Take(std::string_view token) {
    char c = token.front();
    // A JSON string never contains a raw line break.
    if (c == '"') return FindLineBreak(token) == std::string_view::npos && TakeString();
    if (c == '{' || c == '[') return TakeOpen(c);
    if (c == '}' || c == ']') return TakeClose(c);
    if (c == ':' || c == ',') return TakeSeparator(c);
    return TakeValue();
  }

  bool ExpectsValue() const { return expect_ == Expect::Value || expect_ == Expect::ValueOrClose; }

  bool TakeValue() {
    if (!ExpectsValue()) return false;
    expect_ = Expect::CommaOrClose;
    return true;
  }

  bool TakeString() {
    if (expect_ != Expect::Name && expect_ != Expect::NameOrClose) return TakeValue();
    expect_ = Expect::Colon;
    return true;
  }

  bool TakeOpen(char bracket) {
    if (!ExpectsValue()) return false;
    closers_.push_back(bracket == '{' ? '}' : ']');
    expect_ = bracket == '{' ? Expect::NameOrClose : Expect::ValueOrClose;
    return true;
  }

  bool TakeClose(char bracket) {
    if (closers_.empty() || closers_.back() != bracket) return false;
    Expect empty_close = bracket == '}' ? Expect::NameOrClose : Expect::ValueOrClose;
    if (expect_ != Expect::CommaOrClose && expect_ != empty_close) return false;
    closers_.pop_back();
    expect_ = Expect::CommaOrClose;
    return true;
  }

  bool TakeSeparator(char separator) {
    if (separator == ':') {
      if (expect_ != Expect::Colon) return false;
      expect_ = Expect::Value;
      return true;
    }
    if (expect_ != Expect::CommaOrClose || closers_.empty()) return false;
    expect_ = closers_.back() == '}' ? Expect::Name : Expect::Value;
    return true;
  }

  static constexpr std::string_view kStructureBytes = "{}[]:,\"";

  Expect expect_ = Expect::Value;
  // The closing brackets of the arrays and objects that are open, innermost last.
  std::vector<char> closers_;
};

// Frames NDJSON: one record per non-blank line.
class LineFramer : public Framer {
 public:
  LineFramer(std::unique_ptr<Window> window, const SourceOptions& options)
      : Framer(std::move(window)), options_(options) {}

  bool Next(Batch& batch, std::string& error) override {
    const uint64_t batch_start = window_->consumed_offset();
    const char line_break = window_->line_break();
    while (true) {
      std::string_view unread = window_->Unread();
      const void* found = std::memchr(unread.data(), line_break, unread.size());
      if (found == nullptr) {
        // A line whose break is not among its head bytes is too long wherever the window ends.
        if (unread.size() >= LineHeadBytes(options_.max_record_bytes)) {
          if (!batch.records.empty()) break;
          return SkipLongLine(batch, error);
        }
        if (!window_->at_end()) {
          if (!batch.records.empty()) break;
          if (!window_->Fill(error) && !error.empty()) return false;
          continue;
        }
        // The last line may lack its line break.
        AddLine(unread, batch);
        window_->Advance(unread.size(), 0);
        window_->HandOff(batch);
        return false;
      }
      size_t length = static_cast<const char*>(found) - unread.data();
      AddLine(unread.substr(0, length), batch);
      window_->Advance(length + 1, 1);
      if (window_->consumed_offset() - batch_start >= options_.batch_bytes) break;
    }
    window_->HandOff(batch);
    return true;
  }

 private:
  // Adds the record in `line`, the bytes before a line break or the head of a longer line,
  // unless the line is blank and within the limit.
  const InputRecord* AddLine(std::string_view line, Batch& batch) {
    LineContent content = FindLineRecord(line, options_.max_record_bytes);
    if (content == LineContent::Blank) return nullptr;
    InputRecord& record = batch.records.emplace_back();
    record.number = ++records_;
    record.line = window_->line();
    record.offset = window_->OffsetOf(line.data() - window_->data());
    record.text = line;
    if (content == LineContent::TooLong) CutLongRecord(record, options_.max_record_bytes);
    return &record;
  }

  // Rejects a line longer than the limit, keeping only its start, and reads past its end.
  bool SkipLongLine(Batch& batch, std::string& error) {
    const std::string_view unread = window_->Unread();
    const InputRecord* record = AddLine(unread, batch);
    window_->Advance(record->text.data() + record->text.size() - unread.data(), 0);
    window_->HandOff(batch);
    const char line_break = window_->line_break();
    while (true) {
      std::string_view unread = window_->Unread();
      const void* found = std::memchr(unread.data(), line_break, unread.size());
      if (found != nullptr) {
        window_->Advance(static_cast<const char*>(found) - unread.data() + 1, 1);
        return true;
      }
      window_->Advance(unread.size(), 0);
      window_->DropConsumed();
      if (!window_->Fill(error)) return false;
    }
  }

  const SourceOptions& options_;
};

}  // namespace

std::string CutShortReason(uint64_t at, uint64_t size, bool at_most) {
  return fmt::format(
      "it ended at {}byte {}, before the {} bytes it had when the run started; it was cut short "
      "while it was read, so map it again once it is complete",
      at_most ? "or before " : "", at, size);
}

LineContent FindLineRecord(std::string_view& line, size_t limit) {
  const bool whole = line.size() < LineHeadBytes(limit);
  if (whole) {
    if (line.ends_with('\r')) line.remove_suffix(1);
    if (line.size() <= limit) {
      if (IsBlank(line)) return LineContent::Blank;
      line = Trim(line);
      return LineContent::Record;
    }
  } else {
    line = line.substr(0, LineHeadBytes(limit));
  }

  // The reject starts within the first limit + 1 bytes, so that more bytes of the line than it
  // shows follow its start whenever the line is longer than the head.
  line.remove_prefix(LeadingBlanks(line.substr(0, limit + 1)));
  if (whole && !IsBlank(line)) line = Trim(line);
  return LineContent::TooLong;
}

bool StartsRecordsArray(std::string_view text) {
  constexpr std::string_view kRecordsName = "\"records\"";
  int depth = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '{' || c == '[') {
      ++depth;
    } else if (c == '}' || c == ']') {
      --depth;
    } else if (c == '"') {
      size_t length = 0;
      if (ScanString(text.substr(i), length) == Scan::NeedMore) return false;
      if (depth == 1 && text.substr(i, length) == kRecordsName) {
        std::string_view rest = Trim(text.substr(i + length));
        if (rest.starts_with(':') && Trim(rest.substr(1)).starts_with('[')) return true;
      }
      i += length - 1;
    }
  }
  return false;
}

InputRecord& Framer::AddLongRecord(Batch& batch, size_t limit) {
  InputRecord& record = batch.records.emplace_back();
  record.number = ++records_;
  record.line = window_->line();
  record.offset = window_->consumed_offset();
  record.text = window_->Unread();
  CutLongRecord(record, limit);
  return record;
}

void CutLongRecord(InputRecord& record, size_t limit, std::string_view problem) {
  bool cut = record.text.size() > kLongRecordPrefix;
  record.text = record.text.substr(0, kLongRecordPrefix);
  record.error = LongRecordReason(limit, cut, problem);
}

std::string LongRecordReason(size_t limit, bool cut, std::string_view problem) {
  if (!problem.empty()) {
    // Raising the limit would not let the record be mapped, so the reason does not suggest it.
    return fmt::format(
        "{}. The record is also longer than {} bytes, the limit that --max-record-bytes sets{}",
        problem, limit, cut ? ", so it is shown cut short" : "");
  }
  return fmt::format(
      "the record is longer than {} bytes, the limit; raise it with --max-record-bytes if such "
      "records are expected{}",
      limit, cut ? " (the record is shown cut short)" : "");
}

std::string_view CopyIntoBatch(Batch& batch, std::string_view text) {
  ByteBuffer& buffer = batch.buffer;
  const size_t at = buffer.size();
  buffer.Reserve(at + text.size());
  std::memcpy(buffer.data() + at, text.data(), text.size());
  buffer.Resize(at + text.size());
  std::memset(buffer.data() + buffer.size(), 0, simdjson::SIMDJSON_PADDING);
  return {buffer.data() + at, text.size()};
}

Window::Window(ByteInput& input, const SourceOptions& options)
    : input_(input),
      options_(options),
      minimum_read_(std::min(kMinimumRead, options.batch_bytes)),
      buffer_(2 * options.batch_bytes + minimum_read_) {}

bool Window::FillFirst(std::string& error) {
  while (size() < std::max(options_.batch_bytes, options_.detect_bytes) && !at_end_) {
    if (!Fill(error) && !error.empty()) return false;
  }
  std::string_view start = Unread();
  if (start.starts_with(kByteOrderMark)) Advance(kByteOrderMark.size(), 0);
  DetectLineBreak();
  return true;
}

void Window::DetectLineBreak() { line_break_ = LineBreakOf(Unread()); }

bool Window::Fill(std::string& error) {
  if (at_end_) return false;
  if (position_ > 0 || start_ > 0) DropConsumed();
  if (buffer_.capacity() - buffer_.size() < minimum_read_) {
    buffer_.Reserve(2 * buffer_.capacity() + minimum_read_);
  }
  // A pipe gives a few kilobytes per read. Reading up to a batch and a bit means that a record
  // cut by the end of the buffer is scanned again only a few times, and that handing the batch
  // off copies little more than that record.
  // A record longer than a batch doubles what is read each time, so that searching it again
  // from its start after each read stays linear in its length.
  size_t before = buffer_.size();
  size_t target = std::min(buffer_.capacity(),
                           std::max(options_.batch_bytes, 2 * before) + minimum_read_);
  auto read = [this](char* into, size_t size, std::string& reason) {
    return input_.Read(into, size, reason);
  };
  if (!FillBuffer(buffer_, target, read, at_end_, error)) return false;
  if (buffer_.size() == before) return false;
  // simdjson may read the padding after a record at the end of the buffer; keep it defined.
  std::memset(buffer_.data() + buffer_.size(), 0, simdjson::SIMDJSON_PADDING);
  return true;
}

void Window::HandOff(Batch& batch) {
  std::string_view unread = Unread();
  // A document on one line is read whole before its shape is known, so the window may hold far
  // more than a batch. Handing its buffer to each batch would make every batch in flight keep the
  // rest of the document, and copy that rest again at each hand-off.
  if (unread.size() > position_) {
    CopyConsumedInto(batch);
    return;
  }
  // The batch's previous buffer is reused when it is large enough, so that steady reading
  // allocates nothing.
  ByteBuffer next = std::move(batch.buffer);
  next.Resize(0);
  next.Reserve(std::max(2 * options_.batch_bytes + minimum_read_, 2 * unread.size()));
  std::memcpy(next.data(), unread.data(), unread.size());
  next.Resize(unread.size());
  std::memset(next.data() + next.size(), 0, simdjson::SIMDJSON_PADDING);
  base_offset_ += position_;
  position_ = 0;
  start_ = 0;
  batch.buffer = std::move(buffer_);
  buffer_ = std::move(next);
}

void Window::CopyConsumedInto(Batch& batch) {
  ByteBuffer& copy = batch.buffer;
  copy.Resize(0);
  // Room for a long record's start, which a framer may copy after the hand-off.
  copy.Reserve(position_ + kLongRecordPrefix);
  std::memcpy(copy.data(), data(), position_);
  copy.Resize(position_);
  std::memset(copy.data() + copy.size(), 0, simdjson::SIMDJSON_PADDING);
  const auto consumed = reinterpret_cast<uintptr_t>(data());
  for (InputRecord& record : batch.records) {
    const auto text = reinterpret_cast<uintptr_t>(record.text.data());
    if (text < consumed || text - consumed > position_) continue;
    record.text = {copy.data() + (text - consumed), record.text.size()};
  }
  base_offset_ += position_;
  start_ += position_;
  position_ = 0;
}

void Window::DropConsumed() {
  std::string_view unread = Unread();
  std::memmove(buffer_.data(), unread.data(), unread.size());
  buffer_.Resize(unread.size());
  base_offset_ += position_;
  position_ = 0;
  start_ = 0;
}

void Window::AdvanceCountingLines(size_t count) {
  const char* start = data() + position_;
  Advance(count, static_cast<size_t>(std::count(start, start + count, line_break_)));
}

bool LooksLikeLines(std::string_view start, bool whole) {
  start = Trim(start);
  if (start.empty()) return true;
  if (start.front() != '[' && start.front() != '{') return true;
  // The first value's brackets decide: a value on one line followed by more lines is NDJSON, and
  // a value that spans lines is a document. The values themselves are left to the reader, so a
  // document with a bad value inside, such as `tru`, is still a document.
  size_t length = 0;
  std::string problem;
  Scan scan = ScanValue(start, whole, length, problem);
  if (scan == Scan::Complete) {
    std::string_view value = start.substr(0, length);
    if (value.find('\n') != std::string_view::npos || value.find('\r') != std::string_view::npos)
      return false;
    std::string_view rest = start.substr(length);
    if (Trim(rest).empty()) return false;
    // A one-line array or `records` document with stray bytes on its line and no later line is
    // a document broken at its end, as it is when the line is too long to be read whole. As
    // NDJSON, all its records would be one malformed record.
    size_t break_at = FindLineBreak(rest);
    bool last_line =
        break_at == std::string_view::npos || (whole && Trim(rest.substr(break_at)).empty());
    if (last_line && (value.front() == '[' || StartsRecordsArray(value))) return false;
    return true;
  }
  // A first line longer than what was read is a long NDJSON record, unless it starts a JSON
  // array or a `records` array, as a query result written on one line does.
  if (scan == Scan::NeedMore && FindLineBreak(start) == std::string_view::npos)
    return start.front() == '{' && !StartsRecordsArray(start);
  // A single line whose brackets do not pair up is one malformed record either way, and as
  // NDJSON it is rejected alone instead of failing the run. A line that starts a `records` array
  // is instead a query result cut short, so its records are read and the run stops where it
  // breaks.
  if (start.front() == '{' && FindLineBreak(start) == std::string_view::npos)
    return !StartsRecordsArray(start);
  // A first value that goes on over several lines as JSON allows is a document, perhaps one cut
  // short, and so is one that breaks inside a later line. A malformed first NDJSON line breaks
  // within itself, or where a later line starts a value without a comma.
  size_t break_at = StructureWalker().Walk(start);
  if (break_at == std::string_view::npos) return false;
  if (break_at > FindLineBreak(start) && !StartsLine(start, break_at)) return false;
  // Brackets that do not pair up may be a malformed NDJSON line, when a complete record
  // follows soon after.
  od::parser parser;
  return start.front() == '{' && HasCompleteLineEarly(start, parser);
}

std::unique_ptr<Framer> MakeLineFramer(std::unique_ptr<Window> window,
                                       const SourceOptions& options) {
  return std::make_unique<LineFramer>(std::move(window), options);
}

}  // namespace weft::runtime
