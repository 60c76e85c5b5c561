#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "runtime/json_check.h"

// Reads an input stream as batches of records, holding only a bounded window of it in memory.
// Three JSON shapes are accepted: NDJSON (one JSON value per line), a JSON array of records, and
// a JSON object holding its records in a `records` array, as Salesforce sObject Tree files and
// REST query results do.
namespace weft::runtime {

enum class InputFormat {
  // A text holding one JSON value is a document; a text holding several is NDJSON.
  Auto,
  Ndjson,
  Json,
  // CSV (RFC 4180) with a header record; see docs/formats.md.
  Csv,
};

enum class InputShape { Ndjson, JsonArray, RecordsObject, SingleObject, Csv };

// The bytes of a batch, followed by simdjson::SIMDJSON_PADDING readable bytes, so that a record
// may be parsed in place.
class ByteBuffer {
 public:
  explicit ByteBuffer(size_t capacity = 0);
  ByteBuffer(ByteBuffer&& other) noexcept
      : data_(std::move(other.data_)),
        size_(std::exchange(other.size_, 0)),
        capacity_(std::exchange(other.capacity_, 0)) {}
  ByteBuffer& operator=(ByteBuffer&& other) noexcept {
    data_ = std::move(other.data_);
    size_ = std::exchange(other.size_, 0);
    capacity_ = std::exchange(other.capacity_, 0);
    return *this;
  }
  char* data() { return data_.get(); }
  const char* data() const { return data_.get(); }
  size_t size() const { return size_; }
  size_t capacity() const { return capacity_; }
  void Resize(size_t size) { size_ = size; }
  // Grows the capacity to at least `capacity`, keeping the contents.
  void Reserve(size_t capacity);

 private:
  std::unique_ptr<char[]> data_;
  size_t size_ = 0;
  size_t capacity_ = 0;
};

struct InputRecord {
  // 1-based position among the input's records.
  size_t number = 0;
  // 1-based line on which the record starts.
  size_t line = 0;
  // The byte offset in the input at which the record starts.
  uint64_t offset = 0;
  // The record's text: a view into its batch's buffer, or a prefix of it when the record is too
  // large to hold.
  std::string_view text;
  // The reason the text cannot be a record, such as its size; empty when the reader may try.
  std::string error;
};

// A byte range of NDJSON input that a mapping thread reads and frames by itself, as
// RecordSource::SplitRest explains. It contains the lines that start in [begin, end).
struct InputPart {
  uint64_t begin = 0;
  uint64_t end = 0;
  // The input's size when it was split.
  uint64_t input_size = 0;
  // True when a line starts at `begin`. Otherwise the first line starts after the first line
  // break at or past `begin`.
  bool begins_line = false;
  // The line breaks in [begin, end), which give the line at which the next part begins. Set
  // when the part is framed.
  size_t line_breaks = 0;
  // Set when the input ended inside the part, because the file was cut short while it was read:
  // the reason the run stops after the part's records.
  std::string cut_short;
};

// Consecutive records of the input. The views in `records` point into `buffer`.
struct Batch {
  // 0-based position among the batches, which orders the output.
  size_t sequence = 0;
  ByteBuffer buffer;
  std::vector<InputRecord> records;
  // Set when the batch is a part of split input. Its records are then numbered from 1 within the
  // part, and their lines count the line breaks between the part's start and theirs. The records
  // and lines before the part are only known once the parts before it are framed.
  std::optional<InputPart> part;
};

// The records and lines of the input before its first part, as RecordSource::SplitRest gives them.
struct SplitPoint {
  size_t records = 0;
  // The 1-based line at which the first part begins.
  size_t line = 1;
};

// A stream of input bytes: a file descriptor or, in tests, a string.
class ByteInput {
 public:
  virtual ~ByteInput() = default;
  // Reads up to `size` bytes into `into`; returns 0 at the end of the input and -1 on an error,
  // with the reason in `error`.
  virtual long Read(char* into, size_t size, std::string& error) = 0;
  // The size of the input when ReadAt can read it at any offset, as a regular file's, or -1 when
  // it can only be read in order.
  virtual int64_t PositionalSize() const { return -1; }
  // Reads up to `size` bytes at `offset` from the input's start, whatever Read has consumed, and
  // may be called from several threads at once. Returns 0 past the end and -1 on an error, with
  // the reason in `error`. Only called when PositionalSize is not -1.
  virtual long ReadAt(uint64_t offset, char* into, size_t size, std::string& error) const;
};

std::unique_ptr<ByteInput> FileInput(int fd);
std::unique_ptr<ByteInput> TextInput(std::string text);
// Reads the bytes of `text` without a copy; the caller keeps them valid while the input is read.
std::unique_ptr<ByteInput> TextViewInput(std::string_view text);

struct SourceOptions {
  InputFormat format = InputFormat::Auto;
  // A batch ends after the record that takes it past this size.
  size_t batch_bytes = 1 << 20;
  // A longer record is rejected without being held in memory.
  size_t max_record_bytes = 64 << 20;
  // How much of the start of the input is examined to tell NDJSON from a document.
  size_t detect_bytes = 64 << 10;
  // The cell delimiter of CSV input; it must pass CheckCsvDelimiter.
  char csv_delimiter = ',';
  // A JSON record whose arrays and objects nest deeper is rejected; at most
  // kMaxInputDepthCeiling.
  int max_input_depth = kDefaultMaxInputDepth;
};

class Framer;

class RecordSource {
 public:
  RecordSource(std::unique_ptr<ByteInput> input, SourceOptions options);
  ~RecordSource();

  // Fills `batch` with the next records. Returns false when there are none left: at the end of
  // the input, or where the input stopped being readable. error() then gives the place.
  bool Next(Batch& batch);
  // Reads the first batch ahead, so that the first call of Next returns it at once. A program
  // may call it on another thread while it prepares the rule, before it calls any other member.
  void ReadFirstBatch();
  const std::string& error() const { return error_; }
  InputShape shape() const { return shape_; }
  // The header record of CSV input, once the first call of Next has read it; "" otherwise.
  const std::string& csv_header() const { return csv_header_; }
  const SourceOptions& options() const { return options_; }
  // The number of input bytes consumed so far, for progress reports.
  uint64_t bytes_read() const;

  // Splits the input after the records read so far into parts of about batch_bytes, so that
  // mapping threads read and frame them at once with ReadPart instead of Next. Possible for
  // NDJSON that ReadAt can read, such as a regular file, and returns false otherwise. The parts
  // end where the input ended when SplitRest was called.
  bool SplitRest(SplitPoint& point);
  // Sets `batch.part` to the next part and clears its records. Returns false after the last.
  bool NextPart(Batch& batch);
  // Reads the bytes of `batch.part` and frames its records into the batch. Safe to call for
  // different batches from several threads. Returns false when the input cannot be read, with
  // the reason in `error`.
  bool ReadPart(Batch& batch, std::string& error) const;

 private:
  // Decides the shape from the start of the input on the first call.
  bool Start();

  std::unique_ptr<Framer> framer_;
  std::unique_ptr<ByteInput> input_;
  SourceOptions options_;
  InputShape shape_ = InputShape::Ndjson;
  bool started_ = false;
  bool finished_ = false;
  // The batch that ReadFirstBatch read, until Next returns it, and whether it contains records.
  std::unique_ptr<Batch> first_batch_;
  bool first_batch_found_ = false;
  std::string error_;
  std::string csv_header_;
  // Where the next part begins and where the last one ends, once SplitRest has split the input.
  uint64_t next_part_ = 0;
  uint64_t parts_end_ = 0;
  bool split_ = false;
};

}  // namespace weft::runtime
