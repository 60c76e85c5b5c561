#pragma once

#include <simdjson.h>

#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "compiler/schema/types.h"
#include "runtime/abi.h"

namespace weft::runtime {

// Parses JSON records of one source record type into slots, one slot per declared field in
// declaration order, then one per nested path that the rule reads (such as `Owner.Email`). Only
// the fields the rule reads are parsed and checked. Other keys, declared or not, are ignored, so
// a record may omit a required field that the rule does not use.
class RecordReader {
 public:
  // `reads` marks the fields to read, by index; empty means every field. `paths` lists the
  // nested fields to read, as field indices from the source record down.
  RecordReader(const schema::RecordType& record, const std::vector<bool>& reads,
               const std::vector<std::vector<int>>& paths = {});
  ~RecordReader();

  // Fills `slots` from one JSON object, which Split has already validated as a whole. Returns ""
  // on success, otherwise the first reason the record cannot be read, naming the field and the
  // value. When only single fields are at fault, `bad_fields` lists them, their slots are absent
  // and the other fields are read. It is empty when the record as a whole is unreadable.
  // Strings in the slots point into the reader's buffers and stay valid until the next call.
  std::string Read(std::string_view json, std::vector<WeftSlot>& slots,
                   std::vector<int>& bad_fields);

 private:
  std::string ReadField(const schema::FieldType& field, simdjson::ondemand::value value,
                        WeftSlot& slot);
  // Reads an enum member, a date, a time or a date-time, which records carry as strings.
  std::string ReadText(const schema::FieldType& field, simdjson::ondemand::json_type type,
                       simdjson::ondemand::value value, WeftSlot& slot);
  std::string ReadDecimal(const schema::FieldType& field, simdjson::ondemand::value value,
                          WeftSlot& slot);

  // The nested fields read below one record-typed field: a tree that mirrors the paths.
  struct NestedFields;
  // Reads one field below a record, or a record-typed field with the fields below it; `slot` is
  // -1 for a record that is only on the way to the fields read.
  // `present` is set when the value is there and not null.
  std::string ReadChild(const schema::FieldType& field, int slot, const NestedFields* below,
                        simdjson::ondemand::value value, std::vector<WeftSlot>& slots,
                        bool& present);
  std::string ReadNested(const NestedFields& nested, simdjson::ondemand::value value,
                         std::vector<WeftSlot>& slots);
  // Reads a top-level field of record type: its presence, and the nested fields below it.
  std::string ReadRecordField(int index, simdjson::ondemand::value value,
                              std::vector<WeftSlot>& slots);
  // The tree for each top-level field, null where no nested field is read.
  std::vector<std::unique_ptr<NestedFields>> nested_;

  const schema::RecordType& record_;
  std::vector<bool> reads_;
  size_t slot_count_ = 0;
  std::unordered_map<std::string, int> field_index_;
  simdjson::ondemand::parser parser_;
  simdjson::padded_string buffer_;
};

}  // namespace weft::runtime
