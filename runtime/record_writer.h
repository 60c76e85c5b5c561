#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "compiler/schema/types.h"
#include "runtime/abi.h"
#include "stdlib/utf8.h"

namespace weft::runtime {

using utf8::AppendJsonString;
using utf8::AppendJsonStringFromBytes;

// Writes target records as NDJSON lines with the fields in schema order. An absent optional
// field is written as null, unless it was copied from a key that the input record lacks: then
// it is left out, or written with the schema's default when it has one. Decimals are written as
// exact JSON numbers with their full scale.
// A field that the rule does not assign is written with the schema's default, when it has one.
class RecordWriter {
 public:
  // `assigned` holds, for each field, whether the rule assigns it; empty means all are.
  explicit RecordWriter(const schema::RecordType& record, const std::vector<bool>& assigned = {});

  void Write(const WeftSlot* slots, std::string& out) const;
  // Appends the JSON text of one field's value.
  void AppendValue(size_t field, const WeftSlot& slot, std::string& out) const;
  // Appends the JSON text of a value of `type`: a list item, or a field of a nested record.
  static void AppendTyped(const schema::Type& type, const WeftSlot& slot, std::string& out);

 private:
  const schema::RecordType& record_;
  // `"name":` for each field, escaped once.
  std::vector<std::string> keys_;
  // The JSON text written for each field that the rule leaves to the schema's default; "" for
  // the fields the rule computes.
  std::vector<std::string> defaults_;
};

}  // namespace weft::runtime
