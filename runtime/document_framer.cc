// Frames one JSON document as it streams in: the elements of a top-level array, the elements
// of the `records` array of a top-level object, or else the whole document as one record.
// Only the document's outer structure is scanned here; each record is parsed by the reader.
#include <fmt/format.h>

#include <algorithm>
#include <string>
#include <vector>

#include "runtime/input_framers.h"
#include "runtime/json_check.h"
#include "runtime/json_stream_check.h"

namespace weft::runtime {
namespace {

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

// Whether `c` opens an array, an object or a string, or separates a name from its value, which
// no number or literal contains.
bool StartsStructure(char c) { return c == '{' || c == '[' || c == '"' || c == ':'; }

// Returns why a record is not valid JSON, from a validator that has read all of it, or "" when
// it is valid.
std::string InvalidRecordProblem(const JsonStreamValidator& validator) {
  if (validator.ok()) return "";
  if (validator.too_deep()) return validator.problem();
  return fmt::format("invalid JSON at byte {} of the record: {}", validator.problem_offset() + 1,
                     validator.problem());
}

class DocumentFramer : public Framer {
 public:
  DocumentFramer(std::unique_ptr<Window> window, const SourceOptions& options, InputShape& shape)
      : Framer(std::move(window)), options_(options), shape_(shape) {}

  bool Next(Batch& batch, std::string& error) override {
    const uint64_t batch_start = window_->consumed_offset();
    while (true) {
      Step step = TakeStep(batch, error);
      if (step == Step::Failed && TakeMalformedObject(batch)) {
        error.clear();
        step = Step::Progress;
      }
      // A value is skipped only once the window contains the part of it that a reject shows.
      if (step == Step::NeedMore && batch.records.empty() &&
          window_->Unread().size() > std::max(options_.max_record_bytes, kLongRecordPrefix)) {
        step = SkipLongValue(batch, error);
      }
      if (step == Step::HandedOff) return error.empty();
      if (step == Step::Progress) {
        if (!batch.records.empty() &&
            window_->consumed_offset() - batch_start >= options_.batch_bytes) {
          window_->HandOff(batch);
          return true;
        }
        continue;
      }
      if (step == Step::NeedMore) {
        if (!batch.records.empty()) {
          window_->HandOff(batch);
          return true;
        }
        if (!window_->Fill(error) && !error.empty()) return false;
        continue;
      }
      window_->HandOff(batch);
      return false;
    }
  }

 private:
  // HandedOff means that the batch was handed off, so Next returns at once: true, or false with
  // `error` when the input cannot be read further.
  enum class Step { Progress, NeedMore, Done, Failed, HandedOff };
  // Key, Colon and Value read one member of the top-level object.
  enum class State {
    Top,
    ArrayFirst,
    ArrayNext,
    Element,
    ObjectFirst,
    ObjectNext,
    Key,
    Colon,
    Value,
    After
  };

  Step Fail(std::string& error, const std::string& problem) {
    return FailAt(window_->line(), window_->consumed_offset(), problem, error);
  }

  Step FailAt(size_t line, uint64_t offset, const std::string& problem, std::string& error) {
    error = fmt::format("invalid JSON near line {}, byte {}: {}", line, offset, problem);
    return Step::Failed;
  }

  bool InsideObject() const {
    return state_ == State::ObjectFirst || state_ == State::ObjectNext || state_ == State::Key ||
           state_ == State::Colon || state_ == State::Value;
  }

  // Takes an object that is whole in the window, has no `records` key and breaks inside as one
  // malformed record, not as a break in the stream. The reader then rejects it with its reason,
  // and the run goes on to the end of the input.
  bool TakeMalformedObject(Batch& batch) {
    if (!InsideObject() || !object_whole_ || shape_ == InputShape::RecordsObject) return false;
    std::string_view object(window_->data() + object_start_, object_length_);
    if (object.find("\"records\"") != std::string_view::npos) return false;
    AddObjectRecord(batch, object_length_);
    window_->AdvanceCountingLines(object_start_ + object_length_ - window_->position());
    state_ = State::After;
    return true;
  }

  // Adds the top-level object, the first `length` bytes from object_start_, as the document's
  // one record.
  void AddObjectRecord(Batch& batch, size_t length) {
    shape_ = InputShape::SingleObject;
    InputRecord& record = batch.records.emplace_back();
    record.number = ++records_;
    record.line = object_line_;
    record.offset = object_offset_;
    record.text = std::string_view(window_->data() + object_start_, length);
    if (length > options_.max_record_bytes) CutLongWholeRecord(record);
  }

  // Rejects a record longer than the limit whose text is all in the window. It is validated as
  // one read past in pieces is, so that its reason does not depend on where the reads end.
  void CutLongWholeRecord(InputRecord& record) {
    JsonStreamValidator validator(options_.max_input_depth, window_->line_break());
    validator.Feed(record.text);
    validator.Finish();
    CutLongRecord(record, options_.max_record_bytes, InvalidRecordProblem(validator));
  }

  Step TakeStep(Batch& batch, std::string& error) {
    std::string_view unread = window_->Unread();
    size_t spaces = 0;
    while (spaces < unread.size() && IsSpace(unread[spaces])) ++spaces;
    window_->AdvanceCountingLines(spaces);
    unread.remove_prefix(spaces);
    if (unread.empty()) {
      if (!window_->at_end()) return Step::NeedMore;
      if (state_ == State::After || state_ == State::Top) return Step::Done;
      return Fail(error, "the input ends before the document does");
    }
    char c = unread.front();
    switch (state_) {
      case State::Top:
        return Top(unread, batch, error);
      case State::ArrayFirst:
        if (c == ']') return CloseArray();
        state_ = State::Element;
        return Step::Progress;
      case State::ArrayNext:
        if (c == ']') return CloseArray();
        if (c != ',') return Fail(error, "expected `,` or `]` after a record");
        window_->Advance(1, 0);
        state_ = State::Element;
        return Step::Progress;
      case State::Element:
        return Element(unread, batch, error);
      case State::ObjectFirst:
        if (c == '}') return CloseObject(batch, error);
        state_ = State::Key;
        return Step::Progress;
      case State::ObjectNext:
        if (c == '}') return CloseObject(batch, error);
        if (c != ',') return Fail(error, "expected `,` or `}` after a member of the document");
        window_->Advance(1, 0);
        state_ = State::Key;
        return Step::Progress;
      case State::Key:
        return Key(unread, error);
      case State::Colon:
        if (c != ':') return Fail(error, "expected `:` after a name");
        window_->Advance(1, 0);
        state_ = State::Value;
        return Step::Progress;
      case State::Value:
        return Value(unread, error);
      case State::After:
        return Fail(error,
                    "unexpected content after the document; for one record per line, pass "
                    "--in-format ndjson");
    }
    return Step::Failed;
  }

  Step Top(std::string_view unread, Batch& batch, std::string& error) {
    char c = unread.front();
    if (c == '[') {
      shape_ = InputShape::JsonArray;
      window_->Advance(1, 0);
      state_ = State::ArrayFirst;
      return Step::Progress;
    }
    if (c != '{') {
      shape_ = InputShape::SingleObject;
      state_ = State::Element;
      return Element(unread, batch, error);
    }
    // An object is one record unless it contains a `records` array. To take it whole, it must
    // be in the window, so it is read up to --max-record-bytes, or until a `records` array begins
    // in it. A `records` document, a larger object and a broken one are walked as they stream
    // in, and a break is reported where the walk meets it.
    size_t length = 0;
    std::string problem;
    Scan scan = ScanValue(unread, window_->at_end(), length, problem);
    if (scan == Scan::NeedMore && unread.size() < SingleObjectLimit() &&
        !StartsRecordsArray(unread)) {
      return Step::NeedMore;
    }
    object_whole_ = scan == Scan::Complete;
    object_length_ = object_whole_ ? length : 0;
    object_start_ = window_->position();
    object_offset_ = window_->consumed_offset();
    object_line_ = window_->line();
    // A walked object's start is gone from the window once it ends, so the part that a reject
    // shows is kept.
    if (!object_whole_) object_prefix_ = unread.substr(0, kLongRecordPrefix);
    window_->Advance(1, 0);
    state_ = State::ObjectFirst;
    return Step::Progress;
  }

  Step Element(std::string_view unread, Batch& batch, std::string& error) {
    if (unread.front() == ']' || unread.front() == ',')
      return Fail(error, "expected a record, found `" + std::string(1, unread.front()) + "`");
    size_t length = 0;
    std::string problem;
    Scan scan = ScanValue(unread, window_->at_end(), length, problem);
    if (scan == Scan::NeedMore) return Step::NeedMore;
    if (scan == Scan::Invalid) return Fail(error, problem);
    InputRecord& record = batch.records.emplace_back();
    record.number = ++records_;
    record.line = window_->line();
    record.offset = window_->consumed_offset();
    record.text = unread.substr(0, length);
    if (length > options_.max_record_bytes) CutLongWholeRecord(record);
    window_->AdvanceCountingLines(length);
    state_ = ElementFollower();
    return Step::Progress;
  }

  // The state after a record that is an element of the document, or the document itself.
  State ElementFollower() const {
    return shape_ == InputShape::SingleObject ? State::After : State::ArrayNext;
  }

  // Reads the name of a member of the top-level object.
  Step Key(std::string_view unread, std::string& error) {
    if (unread.front() != '"') return Fail(error, "expected a member name in quotes");
    size_t key_length = 0;
    if (ScanString(unread, key_length) == Scan::NeedMore)
      return window_->at_end() ? Fail(error, "the input ends inside a string") : Step::NeedMore;
    member_is_records_ = unread.substr(1, key_length - 2) == "records";
    if (member_is_records_ && records_keys_ > 0) {
      return Fail(error,
                  "the document has more than one `records` key, so some of its records would "
                  "be lost; keep one `records` array");
    }
    window_->AdvanceCountingLines(key_length);
    state_ = State::Colon;
    return Step::Progress;
  }

  // Reads the first character of a member's value, or the whole value when it is not the
  // `records` array.
  Step Value(std::string_view unread, std::string& error) {
    if (member_is_records_ && unread.front() == '[') {
      ++records_keys_;
      shape_ = InputShape::RecordsObject;
      window_->Advance(1, 0);
      state_ = State::ArrayFirst;
      in_records_ = true;
      return Step::Progress;
    }

    size_t length = 0;
    std::string problem;
    Scan scan = ScanValue(unread, window_->at_end(), length, problem);
    if (scan == Scan::NeedMore) return Step::NeedMore;
    if (scan == Scan::Invalid) return Fail(error, problem);
    // The document's other members are no records, but they must still be JSON. The run stops
    // at the byte where one breaks, as it does for a member too long to keep.
    JsonStreamValidator validator(options_.max_input_depth, window_->line_break());
    validator.Feed(unread.substr(0, length));
    validator.Finish();
    if (!validator.ok()) {
      return FailAt(window_->line() + validator.problem_lines(),
                    window_->consumed_offset() + validator.problem_offset(), validator.problem(),
                    error);
    }
    if (member_is_records_) ++records_keys_;
    window_->AdvanceCountingLines(length);
    state_ = State::ObjectNext;
    return Step::Progress;
  }

  // Reads past a value longer than --max-record-bytes whose start is at the window's position.
  // An element is rejected as a record. A member of the top-level object is no record, so it is
  // skipped, but the run stops where it is not valid JSON, as it does for a shorter member. A
  // walked object that it belongs to is rejected when it closes.
  Step SkipLongValue(Batch& batch, std::string& error) {
    if (state_ == State::Element) return SkipLongElement(batch, error);
    // A name is skipped only once more bytes than `"records"` has are read without its end, so
    // that the `records` array is never skipped.
    constexpr size_t kRecordsName = std::string_view("\"records\"").size();
    bool long_name = state_ == State::Key && window_->Unread().size() > kRecordsName;
    // Other states ask for more bytes only with whitespace or a short name unread, which the
    // next read completes.
    if (state_ != State::Value && !long_name) return Step::NeedMore;
    JsonStreamValidator validator(options_.max_input_depth, window_->line_break());
    Step step = SkipValue(nullptr, validator, error);
    if (step != Step::Progress) return step;
    if (state_ == State::Key) {
      member_is_records_ = false;
      state_ = State::Colon;
    } else {
      if (member_is_records_) ++records_keys_;
      state_ = State::ObjectNext;
    }
    return Step::Progress;
  }

  // Rejects an element longer than the limit, keeping only its start, and reads past its end.
  // The reason gives first where the element is not valid JSON, as it would for a shorter one.
  Step SkipLongElement(Batch& batch, std::string& error) {
    const bool cut = window_->Unread().size() > kLongRecordPrefix;
    InputRecord& record = AddLongRecord(batch, options_.max_record_bytes);
    JsonStreamValidator validator(options_.max_input_depth, window_->line_break());
    if (SkipValue(&batch, validator, error) == Step::Progress) {
      std::string problem = InvalidRecordProblem(validator);
      if (!problem.empty())
        record.error = LongRecordReason(options_.max_record_bytes, cut, problem);
      state_ = ElementFollower();
      return Step::HandedOff;
    }

    // The stream stops where the element breaks, as it does for a shorter element, so the
    // element is no record.
    batch.records.pop_back();
    --records_;
    return Step::HandedOff;
  }

  // Consumes the value that starts at the window's position, reading on as needed and keeping
  // none of it, and feeds its bytes to `validator`. A `batch` whose record points into the
  // window is handed off first. Returns Progress, or Failed when the value's end cannot be
  // found, with the reason and the value's start in `error`. Without a batch the value is a
  // member, which also fails where `validator` finds it invalid.
  Step SkipValue(Batch* batch, JsonStreamValidator& validator, std::string& error) {
    const size_t start_line = window_->line();
    const uint64_t start_offset = window_->consumed_offset();
    const bool member = batch == nullptr;
    ValueSkipper skipper;
    Scan scan = Scan::NeedMore;
    while (scan == Scan::NeedMore) {
      std::string_view unread = window_->Unread();
      size_t length = 0;
      std::string problem;
      scan = skipper.Feed(unread, window_->at_end(), length, problem);
      const size_t consumed = scan == Scan::NeedMore ? unread.size() : length;
      validator.Feed(unread.substr(0, consumed));
      if (scan == Scan::Complete) validator.Finish();
      if (member && !validator.ok()) {
        FailAt(start_line + validator.problem_lines(), start_offset + validator.problem_offset(),
               validator.problem(), error);
        scan = Scan::Invalid;
        break;
      }
      window_->AdvanceCountingLines(consumed);
      if (batch != nullptr) {
        window_->HandOff(*batch);
        batch = nullptr;
      }
      if (scan == Scan::Invalid) Fail(error, problem);
      if (scan == Scan::NeedMore && !window_->Fill(error) && !error.empty()) break;
    }
    if (scan == Scan::Complete) return Step::Progress;
    error += fmt::format(" (the value starts on line {} at byte {})", start_line, start_offset);
    return Step::Failed;
  }

  Step CloseArray() {
    window_->Advance(1, 0);
    state_ = in_records_ ? State::ObjectNext : State::After;
    in_records_ = false;
    return Step::Progress;
  }

  Step CloseObject(Batch& batch, std::string& error) {
    window_->Advance(1, 0);
    state_ = State::After;
    if (shape_ == InputShape::RecordsObject) return Step::Progress;
    if (object_whole_) {
      AddObjectRecord(batch, window_->position() - object_start_);
      return Step::Progress;
    }
    if (window_->consumed_offset() - object_offset_ > options_.max_record_bytes)
      return AddLongObjectRecord(batch);
    // Top walks an object without a `records` array only when it is longer than the limit or
    // broken, and a broken one stops the walk before it closes, so this is not reached.
    return Fail(error, "the document is one object that could not be read whole as one record");
  }

  // Rejects the walked top-level object as one record longer than the limit. The start kept
  // from it is copied into the batch, whose buffer no longer contains it.
  Step AddLongObjectRecord(Batch& batch) {
    window_->HandOff(batch);
    shape_ = InputShape::SingleObject;
    InputRecord& record = batch.records.emplace_back();
    record.number = ++records_;
    record.line = object_line_;
    record.offset = object_offset_;
    record.text = CopyIntoBatch(batch, object_prefix_);
    CutLongRecord(record, options_.max_record_bytes);
    return Step::HandedOff;
  }

  // The largest top-level object taken whole as one record. It is the record limit, or the part
  // that a reject shows when that is longer, because that part is kept from a larger object.
  // Each read about doubles what the window contains, so scanning the object again after each
  // read takes time linear in its length.
  size_t SingleObjectLimit() const {
    return std::max(kLongRecordPrefix, options_.max_record_bytes);
  }

  const SourceOptions& options_;
  InputShape& shape_;
  State state_ = State::Top;
  bool in_records_ = false;
  int records_keys_ = 0;
  // True when the name of the member being read is `records`.
  bool member_is_records_ = false;
  // Where a top-level object starts in the window, and whether all of it is there.
  size_t object_start_ = 0;
  // The length of the top-level object when object_whole_ is set.
  size_t object_length_ = 0;
  uint64_t object_offset_ = 0;
  size_t object_line_ = 1;
  bool object_whole_ = false;
  // The first bytes of a top-level object that is walked.
  std::string object_prefix_;
};

}  // namespace

Scan ScanString(std::string_view text, size_t& length) {
  for (size_t i = 1; i < text.size(); ++i) {
    if (text[i] == '\\') {
      ++i;
    } else if (text[i] == '"') {
      length = i + 1;
      return Scan::Complete;
    }
  }
  return Scan::NeedMore;
}

Scan ScanValue(std::string_view text, bool at_end, size_t& length, std::string& problem) {
  char first = text[0];
  if (first == '"') {
    Scan scan = ScanString(text, length);
    if (scan != Scan::NeedMore || !at_end) return scan;
    problem = "the input ends inside a string";
    return Scan::Invalid;
  }
  if (first != '{' && first != '[') {
    size_t i = 0;
    while (i < text.size() && !IsSpace(text[i]) && text[i] != ',' && text[i] != ']' &&
           text[i] != '}' && !StartsStructure(text[i])) {
      ++i;
    }
    if (i == text.size() && !at_end) return Scan::NeedMore;
    length = i;
    // A scalar that runs into a bracket, a quote or a colon is stray bytes before a value, and
    // where that value ends is unknown, so the document is unreadable from here.
    if (i > 0 && (i == text.size() || !StartsStructure(text[i]))) return Scan::Complete;
    if (i == 0) {
      problem = fmt::format("expected a value, found `{}`", text[0]);
    } else {
      problem = fmt::format("expected a value, found stray bytes {} before `{}`",
                            QuoteBytes(text.substr(0, i)), text[i]);
    }
    return Scan::Invalid;
  }
  std::vector<char> closers;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '"') {
      size_t string_length = 0;
      if (ScanString(text.substr(i), string_length) == Scan::NeedMore) break;
      i += string_length - 1;
    } else if (c == '{' || c == '[') {
      closers.push_back(c == '{' ? '}' : ']');
    } else if (c == '}' || c == ']') {
      if (closers.back() != c) {
        problem = fmt::format("`{}` closes a value opened with `{}`", c,
                              closers.back() == '}' ? '{' : '[');
        return Scan::Invalid;
      }
      closers.pop_back();
      if (closers.empty()) {
        length = i + 1;
        return Scan::Complete;
      }
    }
  }
  if (!at_end) return Scan::NeedMore;
  problem = "the input ends inside a value";
  return Scan::Invalid;
}

std::unique_ptr<Framer> MakeDocumentFramer(std::unique_ptr<Window> window,
                                           const SourceOptions& options, InputShape& shape) {
  return std::make_unique<DocumentFramer>(std::move(window), options, shape);
}

}  // namespace weft::runtime
