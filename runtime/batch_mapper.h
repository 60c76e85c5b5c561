#pragma once

#include <string>
#include <vector>

#include "runtime/abi.h"
#include "runtime/context.h"
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
  explicit BatchMapper(const CompiledRule& rule);

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
  // Decides a record with unreadable fields, which the rule's `when` may still skip.
  int32_t DecideUnreadable();

  const CompiledRule& rule_;
  RecordReader reader_;
  RecordWriter writer_;
  TargetValidator validator_;
  WeftContext context_;
  std::vector<WeftSlot> source_;
  std::vector<WeftSlot> target_;
  std::vector<int> bad_fields_;
};

}  // namespace weft::runtime
