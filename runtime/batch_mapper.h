#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "runtime/abi.h"
#include "runtime/context.h"
#include "runtime/csv_input.h"
#include "runtime/csv_output.h"
#include "runtime/executor.h"
#include "runtime/record_reader.h"
#include "runtime/record_writer.h"
#include "runtime/target_validator.h"

namespace weft::runtime {

// The reason one record was rejected, with the field and value at fault. The views point into
// the record and the mapper, and stay valid until the mapper maps its next record.
struct RecordReject {
  std::string_view reason;
  std::string_view field;
  std::string_view value;
  // False when the record is not valid JSON, or is CSV, so that a reject embeds it as a string.
  bool record_is_json = false;
};

// A reject of a record in a part of split input, whose number and line count within the part.
struct PartReject {
  // Where the reject's text starts in BatchOutput::rejects.
  size_t at = 0;
  size_t number = 0;
  size_t line = 0;
};

// The output of mapping one batch, written in batch order.
struct BatchOutput {
  std::string out;
  // One NDJSON line per reject. For a part of split input, each line lacks its leading
  // `{"record":N,"line":L,`, which WriteRejects adds from `part_rejects`.
  std::string rejects;
  std::vector<PartReject> part_rejects;
  RunCounts counts;
  // The reason a part of split input could not be read. Its records are then not mapped.
  std::string error;

  // Empties the output, keeping its buffers' capacity.
  void Clear() {
    out.clear();
    rejects.clear();
    part_rejects.clear();
    counts = {};
    error.clear();
  }
};

// Writes the rejects of `output`. Those of a part are numbered from `before`, the records and
// line breaks of the input before the part.
void WriteRejects(const BatchOutput& output, const SplitPoint& before, std::ostream& rejects);

// Maps batches of records with one rule. It owns the per-thread state (the reader's parser, the
// slots and the arena), so each thread needs its own BatchMapper.
class BatchMapper {
 public:
  // Creates a mapper for records of `source`, whose first batch has been read, so that a CSV
  // header is known. Returns null with `error` set when the CSV header or the CSV output does
  // not fit the rule.
  static std::unique_ptr<BatchMapper> Create(const CompiledRule& rule, const RecordSource& source,
                                             const ExecuteOptions& options, std::string& error);

  // Creates a mapper for single JSON records that writes mapped records as NDJSON.
  static std::unique_ptr<BatchMapper> CreateForJson(const CompiledRule& rule);

  void Map(const Batch& batch, BatchOutput& output);

  // Maps one record and returns its outcome, one of kWeftMapped, kWeftSkipped or kWeftRejected.
  // A mapped record is appended to `out` with its line break, and a rejected one fills `reject`.
  int32_t MapRecord(const InputRecord& record, std::string& out, RecordReject& reject);

 private:
  // Appends the reject of `record`, without its number and line when `numbered` is false.
  void AppendReject(const InputRecord& record, const RecordReject& reject, bool numbered,
                    std::string& out);
  // Checks a mapped record against the target's limits and writes it, or rejects it.
  int32_t WriteMapped(std::string& out, RecordReject& reject);
  // Decides a record with unreadable fields, which the rule's `when` may still skip.
  int32_t DecideUnreadable();

  explicit BatchMapper(const CompiledRule& rule);
  // Reads a record with the reader of its format; see RecordReader::Read.
  std::string Read(std::string_view text);

  const CompiledRule& rule_;
  // The reader of JSON records, or of CSV records when csv_reader_ is set.
  RecordReader reader_;
  std::unique_ptr<CsvRecordReader> csv_reader_;
  // The writer of NDJSON records, which also writes values in rejects, and the writer of CSV
  // rows when the output is CSV.
  RecordWriter writer_;
  std::unique_ptr<CsvRecordWriter> csv_writer_;
  TargetValidator validator_;
  WeftContext context_;
  std::vector<WeftSlot> source_;
  std::vector<WeftSlot> target_;
  std::vector<int> bad_fields_;
  // The reason and value of a reject found after the rule ran, which RecordReject points to.
  std::string late_reason_;
  std::string late_value_;
};

}  // namespace weft::runtime
