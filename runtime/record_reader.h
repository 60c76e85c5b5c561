#pragma once

#include <simdjson.h>

#include <cstring>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "compiler/schema/types.h"
#include "runtime/abi.h"
#include "runtime/context.h"
#include "runtime/json_check.h"

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

  // Fills `slots` from one JSON object, which must be followed by simdjson::SIMDJSON_PADDING
  // readable bytes. The whole record is validated on the way, including the values the rule
  // does not read. Returns "" on success, otherwise the first reason the record cannot be read,
  // naming the field and the value. When only single fields are at fault, `bad_fields` lists
  // them, their slots are absent and the other fields are read. It is empty when the record as a
  // whole is unreadable, and malformed() returns true when that is because it is not valid JSON
  // or nests deeper than the limit, so that the rejects output embeds it as text.
  // Strings in the slots point into `json` or the reader's buffers and stay valid until the next
  // call and as long as `json` does.
  std::string Read(std::string_view json, std::vector<WeftSlot>& slots,
                   std::vector<int>& bad_fields);
  bool malformed() const { return malformed_; }
  // Sets how deep arrays and objects may nest in a record; a deeper record is rejected as a whole.
  void set_max_depth(int max_depth);
  // The top-level field and the value text of the first problem, when it concerns one field.
  const std::string& problem_field() const { return problem_field_; }
  const std::string& problem_value() const { return problem_value_; }

 private:
  std::string ReadField(const schema::FieldType& field, simdjson::ondemand::value& value,
                        WeftSlot& slot);
  // Reads an enum member, a date, a time or a date-time, which records carry as strings.
  std::string ReadText(const schema::FieldType& field, simdjson::ondemand::json_type type,
                       simdjson::ondemand::value& value, WeftSlot& slot);
  std::string ReadDecimal(const schema::FieldType& field, simdjson::ondemand::value& value,
                          WeftSlot& slot);
  // Reads a list, and a record inside a list, whole: every item and every field, into slots
  // from `arena_`, because the rule reaches them through locals rather than fixed paths.
  std::string ReadList(const schema::FieldType& field, simdjson::ondemand::json_type type,
                       simdjson::ondemand::value& value, WeftSlot& slot);
  std::string ReadWholeRecord(const schema::FieldType& field, simdjson::ondemand::json_type type,
                              simdjson::ondemand::value& value, WeftSlot& slot);
  // The items of a list field or the fields of a record field, each named with its path for
  // messages (`Lines[]`, `Lines[].Sku`), made once per field.
  const std::vector<schema::FieldType>& FieldsBelow(const schema::FieldType& field);
  std::unordered_map<std::string, std::vector<schema::FieldType>> fields_below_;
  // The slots of lists and whole records; reset for each record.
  Arena arena_;
  // The nesting depth of the value being read, 1 for the record itself.
  int depth_ = 1;

  // The nested fields read below one record-typed field: a tree that mirrors the paths.
  struct NestedFields;
  // Reads one field below a record, or a record-typed field with the fields below it; `slot` is
  // -1 for a record that is only on the way to the fields read.
  // `present` is set when the value is there and not null. `depth` is the value's nesting depth,
  // 2 for a top-level field.
  std::string ReadChild(const schema::FieldType& field, int slot, const NestedFields* below,
                        simdjson::ondemand::value& value, std::vector<WeftSlot>& slots,
                        bool& present, int depth);
  // Marks the slots of every field read in `tree` missing, for a record whose key is missing.
  static void MarkMissing(const NestedFields& tree, std::vector<WeftSlot>& slots);
  // Reads the fields of the object `value`, which nests `depth` levels deep.
  std::string ReadNested(const NestedFields& nested, simdjson::ondemand::value& value,
                         std::vector<WeftSlot>& slots, int depth);
  // Reads a top-level field of record type: its presence, and the nested fields below it.
  std::string ReadRecordField(int index, simdjson::ondemand::value& value,
                              std::vector<WeftSlot>& slots);
  // The tree for each top-level field, null where no nested field is read.
  std::vector<std::unique_ptr<NestedFields>> nested_;

  const schema::RecordType& record_;
  std::vector<bool> reads_;
  // The fields that the rule reads and the schema requires, which every record must have.
  std::vector<int> required_reads_;
  // The optional fields that the rule reads, whose slots record a missing key.
  std::vector<int> optional_reads_;
  size_t slot_count_ = 0;
  // Keys are views of the names in `record_`, so that a key of the input is found without a copy.
  std::unordered_map<std::string_view, int> field_index_;
  // Reads a member's key, unescaped only when it contains an escape.
  static simdjson::error_code RawKey(simdjson::ondemand::field& member, std::string_view json,
                                     std::string_view& key);
  // Returns the index of the top-level field named `key`, or -1 when the rule does not read
  // it, and remembers it as the `position`-th key of the record.
  int FieldAt(size_t position, std::string_view key);
  // A key seen at one position of the previous record. A key of up to 15 bytes is also kept as
  // two words of its bytes and the closing quote, with masks, so that the next record's key is
  // compared with two loads instead of a call to memcmp.
  struct RecentKey {
    RecentKey() = default;
    RecentKey(std::string_view name, int index);
    // Returns whether the raw key at `raw`, just after its opening quote, is this one. `raw`
    // must be followed by 16 readable bytes, which the padding after a record guarantees, and
    // `end` is the end of the record, which a longer key cannot pass.
    bool Matches(const char* raw, const char* end) const {
      if (masks[0] == 0) {
        return static_cast<size_t>(end - raw) > key.size() &&
               std::memcmp(raw, key.data(), key.size()) == 0 && raw[key.size()] == '"';
      }
      uint64_t loaded[2];
      std::memcpy(loaded, raw, sizeof(loaded));
      return (((loaded[0] ^ words[0]) & masks[0]) | ((loaded[1] ^ words[1]) & masks[1])) == 0;
    }
    std::string key;
    int field = -1;
    uint64_t words[2] = {0, 0};
    uint64_t masks[2] = {0, 0};
  };
  std::vector<RecentKey> recent_keys_;
  // Per top-level field, whether the current record has its key.
  std::vector<uint8_t> seen_;

  // Records the field and value of the first problem, the innermost one for nested fields.
  void NoteProblem(const std::string& field, std::string_view value);

  simdjson::ondemand::parser parser_;
  // The backslash of each escape in the record being read, in order, as CheckEscapes lists them.
  std::vector<const char*> escapes_;
  // Checks a record that has a problem as a whole, without touching the strings of parser_.
  simdjson::ondemand::parser check_parser_;
  bool malformed_ = false;
  int max_depth_ = kDefaultMaxInputDepth;
  std::string problem_field_;
  std::string problem_value_;
};

}  // namespace weft::runtime
