#pragma once

#include <memory>
#include <string>
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

// The output of mapping one batch, written in batch order.
struct BatchOutput {
  std::string out;
  std::string rejects;
  RunCounts counts;
};

// Maps batches of records with one rule. It owns the per-thread state (the reader's parser, the
// slots and the arena), so each thread needs its own BatchMapper.
class BatchMapper {
 public:
  // Creates a mapper for records of `source`, whose first batch has been read, so that a CSV
  // header is known. Returns null with `error` set when the CSV header or the CSV output does
  // not fit the rule.
  static std::unique_ptr<BatchMapper> Create(const CompiledRule& rule, const RecordSource& source,
                                             const ExecuteOptions& options, std::string& error);

  void Map(const Batch& batch, BatchOutput& output);

 private:
  // Maps one record; returns its outcome, one of kWeftMapped, kWeftSkipped or kWeftRejected.
  int32_t MapRecord(const InputRecord& record, BatchOutput& output);
  struct Reject {
    const std::string& reason;
    const std::string& field;
    const std::string& value;
    bool record_is_json;
  };
  void AppendReject(const InputRecord& record, const Reject& reject, std::string& out);
  // Checks a mapped record against the target's limits and writes it, or rejects it.
  int32_t WriteMapped(const InputRecord& record, BatchOutput& output);
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
};

}  // namespace weft::runtime
