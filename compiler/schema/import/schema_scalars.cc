// Schemas with a `type` other than object, and `enum` and `const`.
#include <fmt/format.h>

#include <algorithm>

#include "compiler/schema/import/schema_translator.h"

namespace weft::schema::import {
namespace {

Type StringType(std::string_view format) {
  if (format == "date") return Type::Date();
  if (format == "date-time") return Type::DateTime();
  if (format == "time") return Type::Time();
  return Type::String();
}

}  // namespace

Translated SchemaTranslator::TranslateTyped(const Node& schema, const std::string& pointer,
                                            const std::string& name) {
  const Member& keyword = *schema.FindMember("type");
  std::vector<std::string_view> names;
  bool valid = keyword.value.IsString() || keyword.value.IsArray();
  if (keyword.value.IsString()) names.push_back(keyword.value.text);
  for (const Node& element : keyword.value.elements) {
    valid = valid && element.IsString();
    names.push_back(element.text);
  }
  if (!valid) {
    return Translated::Failure(
        fmt::format("`type` at {} is not a type name or an array of type names", pointer),
        keyword.value.range);
  }

  // A type array with "null" is JSON Schema's nullable type; integer is a subset of number.
  bool nullable = std::erase(names, "null") > 0;
  if (std::find(names.begin(), names.end(), "number") != names.end()) std::erase(names, "integer");
  if (names.empty()) {
    return Translated::Failure(fmt::format("the schema at {} allows only null", pointer),
                               keyword.key_range);
  }
  if (names.size() > 1) {
    return Translated::Failure(
        fmt::format("not supported: `type` {} at {} allows values of several types",
                    ToJson(keyword.value), pointer),
        keyword.key_range);
  }

  Translated translated;
  std::string_view type = names.front();
  if (type == "string") {
    translated = Translated::OfType(StringType(schema.StringAt("format")));
  } else if (type == "integer") {
    translated = Translated::OfType(Type::Int());
  } else if (type == "number") {
    translated = Translated::OfType(NumberType(schema, pointer));
  } else if (type == "boolean") {
    translated = Translated::OfType(Type::Bool());
  } else if (type == "array") {
    translated = TranslateArray(schema, pointer, name);
  } else if (type == "object") {
    translated = TranslateRecord(schema, pointer, name);
  } else {
    return Translated::Failure(fmt::format("unknown type `{}` at {}", type, pointer),
                               keyword.value.range);
  }
  if (!translated.ok) return translated;
  ApplyLimits(schema, pointer, translated.value);
  if (nullable) translated.value.type.optional = true;
  return translated;
}

Type SchemaTranslator::NumberType(const Node& schema, const std::string& pointer) {
  // Xero's OpenAPI description types amounts as `format: double` and marks them with
  // `x-is-money: true`. Money is never a binary float: 0.10 has no exact binary form and sums of
  // such values drift, so a money field becomes a decimal that keeps the places it is read with.
  const Node* money = schema.Find("x-is-money");
  std::string_view format = schema.StringAt("format");
  if ((format == "float" || format == "double") && (money == nullptr || !money->IsTrue())) {
    return Type::Float();
  }

  // A multipleOf of 0.01 bounds the places to 2, so the decimal gets that scale.
  const Node* multiple = schema.Find("multipleOf");
  if (multiple != nullptr && multiple->kind == NodeKind::Number) {
    int places = DecimalPlaces(multiple->text);
    if (places >= 0) return Type::Decimal(kMaxDecimalPrecision, places);
  }
  return Type::Decimal(kMaxDecimalPrecision, kAnyScale);
}

Translated SchemaTranslator::TranslateArray(const Node& schema, const std::string& pointer,
                                            const std::string& name) {
  const Member* items = schema.FindMember("items");
  if (items == nullptr) {
    return Translated::Failure(
        fmt::format("the array at {} has no `items`, so its elements may be anything", pointer),
        schema.range);
  }
  if (items->value.IsArray()) {
    return Translated::Failure(
        fmt::format("not supported: `items` at {} is an array of schemas (a tuple)", pointer),
        items->key_range);
  }

  Translated element = Translate(items->value, AppendPointer(pointer, "items"), name + "Item");
  if (!element.ok) return element;
  if (!element.value.constraints.empty() || !element.value.default_json.empty()) {
    context_.Warn(items->key_range,
                  fmt::format("the limits and default of the list elements at {} are not kept, "
                              "because list elements have none in Weft",
                              AppendPointer(pointer, "items")));
  }
  return Translated::OfType(Type::ListOf(element.value.type));
}

Translated SchemaTranslator::TranslateEnum(const Node& schema, const std::string& pointer,
                                           const std::string& name) {
  const Member& keyword = *schema.FindMember("enum");
  if (!keyword.value.IsArray()) {
    return Translated::Failure(fmt::format("`enum` at {} is not an array", pointer),
                               keyword.value.range);
  }
  std::vector<std::string> members;
  bool has_null = false;
  size_t others = 0;
  for (const Node& value : keyword.value.elements) {
    if (value.kind == NodeKind::Null) {
      has_null = true;
    } else if (!value.IsString()) {
      ++others;
    } else if (std::find(members.begin(), members.end(), value.text) == members.end()) {
      members.push_back(value.text);
    }
  }

  if (!members.empty() && others == 0) {
    ReservedName reserved = NameFor(schema, name);
    EnumType& enumeration = context_.AddEnum(reserved.name, reserved.range);
    enumeration.members = std::move(members);
    Translation translation;
    translation.type = Type::OfEnum(&enumeration);
    translation.type.optional = has_null;
    return Translated::Of(std::move(translation));
  }
  if (members.empty() && others == 0) {
    return Translated::Failure(fmt::format("`enum` at {} allows no value besides null", pointer),
                               keyword.key_range);
  }
  if (!members.empty() || schema.Find("type") == nullptr) {
    return Translated::Failure(
        fmt::format("not supported: `enum` at {} lists values that are not all strings", pointer),
        keyword.key_range);
  }

  // An enum of numbers or booleans keeps its type; only string enums become enum types.
  Translated translated = TranslateTyped(schema, pointer, name);
  if (!translated.ok) return translated;
  if (has_null) translated.value.type.optional = true;
  context_.Warn(keyword.key_range,
                fmt::format("the values of `enum` at {} are not kept, because only strings can "
                            "be enum members; the field is {}",
                            pointer, translated.value.type.ToString()));
  return translated;
}

Translated SchemaTranslator::TranslateConst(const Node& schema, const std::string& pointer,
                                            const std::string& name) {
  const Member& keyword = *schema.FindMember("const");
  const Node& value = keyword.value;
  Translation translation;
  switch (value.kind) {
    case NodeKind::String:
      translation.type = Type::String();
      translation.constraints.allowed_values.push_back(value.text);
      return Translated::Of(std::move(translation));
    case NodeKind::Number:
      translation.type = IsIntegerNumber(value.text)
                             ? Type::Int()
                             : Type::Decimal(kMaxDecimalPrecision, kAnyScale);
      translation.constraints.minimum = value.text;
      translation.constraints.maximum = value.text;
      return Translated::Of(std::move(translation));
    case NodeKind::Bool:
      context_.Warn(keyword.key_range,
                    fmt::format("the value of `const` at {} is not kept; the field is a boolean "
                                "that may hold either value",
                                pointer));
      return Translated::OfType(Type::Bool());
    case NodeKind::Null:
      return Translated::Failure(fmt::format("the schema at {} allows only null", pointer),
                                 keyword.key_range);
    default:
      return Translated::Failure(
          fmt::format("not supported: `const` at {} is {}", pointer, DescribeKind(value.kind)),
          keyword.key_range);
  }
}

}  // namespace weft::schema::import
