#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "compiler/diagnostics/source.h"

// The type model shared by the checker, the IR and the runtime's record layout.
namespace weft::schema {

enum class TypeKind {
  // The type of an expression that already produced a diagnostic; it matches everything, so one
  // mistake is reported once.
  Error,
  // The type of the `null` literal.
  Null,
  Bool,
  Int,
  Decimal,
  String,
  Float,
  Date,
  Time,
  DateTime,
  Enum,
  Record,
  List,
};

struct RecordType;

// The largest decimal precision: 38 digits fit a signed 128-bit integer.
constexpr int kMaxDecimalPrecision = 38;

struct Type {
  TypeKind kind = TypeKind::Error;
  // True for `T?`: the value may be absent (JSON null or a missing key).
  bool optional = false;
  // Total digits and digits after the point, for decimals.
  int precision = 0;
  int scale = 0;
  const RecordType* record = nullptr;

  static Type Error() { return {TypeKind::Error}; }
  static Type Null() { return {TypeKind::Null, true}; }
  static Type Bool() { return {TypeKind::Bool}; }
  static Type Int() { return {TypeKind::Int}; }
  static Type String() { return {TypeKind::String}; }
  static Type Decimal(int precision, int scale) {
    return {TypeKind::Decimal, false, precision, scale};
  }

  bool IsError() const { return kind == TypeKind::Error; }
  bool IsNumeric() const { return kind == TypeKind::Int || kind == TypeKind::Decimal; }
  Type AsOptional(bool is_optional = true) const;
  Type AsRequired() const { return AsOptional(false); }
  // True when both have the same kind (and record); optionality and decimal digits are ignored.
  bool SameKind(const Type& other) const;
  // The type as written in a .map file, such as `decimal(18, 2)?`.
  std::string ToString() const;
};

struct FieldType {
  std::string name;
  Type type;
  // True when the schema gives a default, so the field need not be assigned.
  bool has_default = false;
  SourceRange range;
};

struct RecordType {
  std::string schema;
  std::string name;
  std::vector<FieldType> fields;
  SourceRange range;

  // The index of the field in `fields`, or -1.
  int FindField(std::string_view field_name) const;
  std::vector<std::string> FieldNames() const;
  std::string QualifiedName() const { return schema + "." + name; }
};

// One named schema: the records of one system.
struct Schema {
  std::string name;
  std::vector<std::unique_ptr<RecordType>> records;
  SourceRange range;

  const RecordType* FindRecord(std::string_view record_name) const;
  std::vector<std::string> RecordNames() const;
};

}  // namespace weft::schema
