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
class RecordWriter {
 public:
  explicit RecordWriter(const schema::RecordType& record);

  void Write(const WeftSlot* slots, std::string& out) const;

 private:
  const schema::RecordType& record_;
  // `"name":` for each field, escaped once.
  std::vector<std::string> keys_;
};

}  // namespace weft::runtime
