#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "compiler/schema/types.h"
#include "runtime/abi.h"

namespace weft::runtime {

// Appends `text`, which must be valid UTF-8, to `out` as a JSON string literal, quotes included.
void AppendJsonString(std::string_view text, std::string& out);

// Like AppendJsonString, for bytes that may not be valid UTF-8, such as a malformed input line.
// Each byte of an invalid sequence becomes U+FFFD, so the output stays valid JSON.
void AppendJsonStringFromBytes(std::string_view bytes, std::string& out);

// Writes target records as NDJSON lines with the fields in schema order. An absent optional
// field is written as null; decimals are written as exact JSON numbers with their full scale.
// A field that the rule does not assign is written with the schema's default, when it has one.
class RecordWriter {
 public:
  // `assigned` holds, for each field, whether the rule assigns it; empty means all are.
  explicit RecordWriter(const schema::RecordType& record, const std::vector<bool>& assigned = {});

  void Write(const WeftSlot* slots, std::string& out) const;

 private:
  const schema::RecordType& record_;
  // `"name":` for each field, escaped once.
  std::vector<std::string> keys_;
  // The JSON text written for each field that the rule leaves to the schema's default; "" for
  // the fields the rule computes.
  std::vector<std::string> defaults_;
};

}  // namespace weft::runtime
