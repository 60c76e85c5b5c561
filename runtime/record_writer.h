#pragma once

#include <cstddef>
#include <cstdint>
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
  // The way a field's value is written, decided once from its type.
  enum class ValueKind : uint8_t { Text, DateTime, Int, Decimal, Bool, Other };
  // The maximum length of a key, with its comma, that is copied with one fixed-size move.
  static constexpr size_t kKeyRoom = 32;
  // Records whose text may need more room are appended piece by piece, so that a huge string
  // does not make Write reserve six times its size.
  static constexpr size_t kMaxRoom = 1 << 20;
  // The facts about one field that Write reads, so that it does not look into the schema.
  struct FieldPlan {
    // `,"name":`, escaped once, with the comma that separates it from the field before.
    std::string key;
    // The key again, padded with zeros to kKeyRoom bytes when it fits.
    char padded_key[kKeyRoom] = {};
    ValueKind kind = ValueKind::Other;
    // The decimal's scale, or schema::kAnyScale when the value carries it.
    int scale = 0;
    // The schema's default as JSON text, written for a field copied from a missing key.
    std::string missing_default;
    // The text written in place of the field's value when the rule leaves the field to the
    // schema's default. It is "" for the fields the rule computes.
    std::string left_to_schema;
  };

  // Returns the way a value of a field of type `kind` is written.
  static ValueKind KindOf(schema::TypeKind kind);
  // Returns the maximum bytes that a field's key and value take, apart from a string's contents.
  static size_t FixedRoom(const FieldPlan& plan);
  // Returns the text written in place of the slot's value: the schema's default for a field
  // copied from a missing key or left to the schema. Returns "" when the value itself is
  // written, and null when the field is left out.
  static const std::string* Fallback(const FieldPlan& plan, const WeftSlot& slot);
  // Returns the maximum bytes that Write may need for the record, when all_sized_ is set.
  size_t Room(const WeftSlot* slots) const;
  // Writes the field's key and value at `to`, which has the room that Room counted, and returns
  // the end. A field that is left out writes nothing.
  char* WriteField(const FieldPlan& plan, const WeftSlot& slot, char* to) const;
  // Writes the record by appending each piece to `out`: for a record type with a field that only
  // AppendTyped writes, and for records that would need more than kMaxRoom bytes of room.
  void AppendFields(const WeftSlot* slots, std::string& out) const;

  const schema::RecordType& record_;
  std::vector<FieldPlan> plans_;
  // False when a field is of a type that only AppendTyped writes, such as a list.
  bool all_sized_ = true;
  // The fields whose values are strings, which need room for their contents.
  std::vector<int> text_fields_;
  // The braces, the line break, each field's FixedRoom, and kKeyRoom bytes for the copy of the
  // last key to run past its end.
  size_t fixed_room_ = 3 + kKeyRoom;
};

}  // namespace weft::runtime
