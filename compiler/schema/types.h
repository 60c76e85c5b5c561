#pragma once

#include <cstdint>
#include <memory>
#include <optional>
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
struct EnumType;

// The largest decimal precision: 38 digits fit a signed 128-bit integer.
constexpr int kMaxDecimalPrecision = 38;
// The scale of `decimal` written without digits: the value keeps the places it was read with.
constexpr int kAnyScale = -1;

struct Type {
  TypeKind kind = TypeKind::Error;
  // True for `T?`: the value may be absent (JSON null or a missing key).
  bool optional = false;
  // Total digits and digits after the point, for decimals.
  int precision = 0;
  int scale = 0;
  // The record of a Record type and the enum of an Enum type; owned by their Schema.
  const RecordType* record = nullptr;
  const EnumType* enumeration = nullptr;
  // The element type of a List.
  std::shared_ptr<const Type> element;

  static Type Of(TypeKind kind) {
    Type type;
    type.kind = kind;
    return type;
  }
  static Type Error() { return Of(TypeKind::Error); }
  static Type Null() { return Of(TypeKind::Null).AsOptional(); }
  static Type Bool() { return Of(TypeKind::Bool); }
  static Type Int() { return Of(TypeKind::Int); }
  static Type String() { return Of(TypeKind::String); }
  static Type Float() { return Of(TypeKind::Float); }
  static Type Date() { return Of(TypeKind::Date); }
  static Type Time() { return Of(TypeKind::Time); }
  static Type DateTime() { return Of(TypeKind::DateTime); }
  // `decimal(p, s)`; `scale` may be kAnyScale for `decimal` without digits (precision 38).
  static Type Decimal(int precision, int scale) {
    Type type = Of(TypeKind::Decimal);
    type.precision = precision;
    type.scale = scale;
    return type;
  }
  static Type OfRecord(const RecordType* record) {
    Type type = Of(TypeKind::Record);
    type.record = record;
    return type;
  }
  static Type OfEnum(const EnumType* enumeration) {
    Type type = Of(TypeKind::Enum);
    type.enumeration = enumeration;
    return type;
  }
  static Type ListOf(Type element_type) {
    Type type = Of(TypeKind::List);
    type.element = std::make_shared<const Type>(std::move(element_type));
    return type;
  }

  bool IsError() const { return kind == TypeKind::Error; }
  bool IsNumeric() const { return kind == TypeKind::Int || kind == TypeKind::Decimal; }
  Type AsOptional(bool is_optional = true) const;
  Type AsRequired() const { return AsOptional(false); }
  // True when both have the same kind, record, enum and element kinds; optionality and decimal
  // digits are ignored.
  bool SameKind(const Type& other) const;
  // The type as written in a .map file, such as `decimal(18, 2)?`.
  std::string ToString() const;
};

// The limits a schema places on a field's values beyond its type, from annotations such as
// `@max_length(40)` or from an imported schema's keywords. Lengths count code points. Numbers
// are kept as decimal text so that no limit is rounded through a binary float.
struct Constraints {
  std::optional<int64_t> min_length;
  std::optional<int64_t> max_length;
  // A regular expression that the whole value must match.
  std::string pattern;
  std::string minimum;
  std::string maximum;
  bool exclusive_minimum = false;
  bool exclusive_maximum = false;
  std::string multiple_of;
  // The values a string field may take, for a checked string such as a Salesforce picklist;
  // empty when any value is allowed.
  std::vector<std::string> allowed_values;

  bool empty() const;
};

struct FieldType {
  std::string name;
  Type type;
  // The schema's default as JSON text, written when a rule does not assign the field; empty when
  // there is none.
  std::string default_json;
  Constraints constraints;
  // Where the field is declared: in a .map file or in the imported schema document.
  SourceRange range;

  bool has_default() const { return !default_json.empty(); }
};

struct EnumType {
  std::string schema;
  std::string name;
  // The members as they appear in data; a member that is not an identifier is written in
  // backquotes in a .map file.
  std::vector<std::string> members;
  SourceRange range;

  // The index of the member, or -1.
  int FindMember(std::string_view member) const;
  std::string QualifiedName() const { return schema + "." + name; }
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

// One named schema: the records and enums of one system.
struct Schema {
  std::string name;
  std::vector<std::unique_ptr<RecordType>> records;
  std::vector<std::unique_ptr<EnumType>> enums;
  SourceRange range;

  const RecordType* FindRecord(std::string_view record_name) const;
  const EnumType* FindEnum(std::string_view enum_name) const;
  std::vector<std::string> RecordNames() const;
  // The names of records and enums, for did-you-mean hints.
  std::vector<std::string> TypeNames() const;
};

}  // namespace weft::schema
