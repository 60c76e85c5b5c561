#include "compiler/schema/import/defaults.h"

#include <fmt/format.h>

#include "compiler/schema/import/json_reader.h"

namespace weft::schema::import {
namespace {

// The kind of JSON value that represents a value of `type`.
NodeKind KindHolding(const Type& type) {
  switch (type.kind) {
    case TypeKind::Bool:
      return NodeKind::Bool;
    case TypeKind::Int:
    case TypeKind::Decimal:
    case TypeKind::Float:
      return NodeKind::Number;
    case TypeKind::List:
      return NodeKind::Array;
    case TypeKind::Record:
      return NodeKind::Object;
    default:
      return NodeKind::String;
  }
}

bool IsJsonNumber(const std::string& text) {
  ReadError error;
  std::optional<Node> number = ReadJson(text, 0, ReadLimits(), error);
  return number.has_value() && number->kind == NodeKind::Number;
}

// True when `value`, of the right JSON kind, is also a value of `type`.
bool Fits(const Node& value, const Type& type) {
  if (type.kind == TypeKind::Int) return IsIntegerNumber(value.text);
  if (type.kind == TypeKind::Decimal && type.scale != kAnyScale) {
    int places = DecimalPlaces(value.text);
    return places >= 0 && places <= type.scale;
  }
  if (type.kind == TypeKind::Enum) return type.enumeration->FindMember(value.text) >= 0;
  return true;
}

}  // namespace

CheckedDefault CheckDefault(const Node& value, const Type& type) {
  std::string type_name = type.AsRequired().ToString();
  if (value.kind == NodeKind::Null) {
    if (type.optional) return {"null", ""};
    return {"", fmt::format("is null, but the field is {}, which cannot be null; the default is "
                            "ignored",
                            type_name)};
  }

  NodeKind expected = KindHolding(type);
  if (value.kind == expected) {
    if (Fits(value, type)) return {ToJson(value), ""};
    return {"", fmt::format("is not a value of {}; the default is ignored", type_name)};
  }

  bool boolean_text = expected == NodeKind::Bool && (value.text == "true" || value.text == "false");
  bool number_text = expected == NodeKind::Number && IsJsonNumber(value.text) &&
                     (type.kind != TypeKind::Int || IsIntegerNumber(value.text));
  if (value.IsString() && (boolean_text || number_text)) {
    return {value.text, fmt::format("is a string, but the field is {}; it is imported as {}",
                                    type_name, value.text)};
  }
  return {"", fmt::format("is {}, but the field is {}; the default is ignored",
                          DescribeKind(value.kind), type_name)};
}

}  // namespace weft::schema::import
