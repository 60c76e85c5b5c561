// The keywords of a schema besides its type: which ones the importer reads, which it reports as
// not supported, and the limits, defaults and `nullable` it applies to a translated type.
#include <fmt/format.h>

#include <charconv>
#include <cstdlib>
#include <string_view>

#include "compiler/schema/import/defaults.h"
#include "compiler/schema/import/schema_translator.h"

namespace weft::schema::import {
namespace {

struct UnsupportedKeyword {
  std::string_view keyword;
  // The loss for a reader of the imported schema.
  std::string_view consequence;
};

// Keywords that constrain values in ways the type model cannot hold.
constexpr UnsupportedKeyword kUnsupported[] = {
    {"patternProperties", "the values of keys that match its patterns are not imported"},
    {"propertyNames", "key names are not checked"},
    {"unevaluatedProperties", "undeclared keys are not checked"},
    {"dependentRequired", "fields that other fields require are not checked"},
    {"dependentSchemas", "schemas that depend on other fields are not applied"},
    {"dependencies", "fields that other fields require are not checked"},
    {"if", "conditional schemas are not applied"},
    {"then", "conditional schemas are not applied"},
    {"else", "conditional schemas are not applied"},
    {"not", "the values it excludes are not rejected"},
    {"contains", "list contents are not checked"},
    {"minContains", "list contents are not checked"},
    {"maxContains", "list contents are not checked"},
    {"uniqueItems", "duplicate list elements are not rejected"},
    {"minItems", "list lengths are not checked"},
    {"maxItems", "list lengths are not checked"},
    {"minProperties", "the number of keys is not checked"},
    {"maxProperties", "the number of keys is not checked"},
    {"prefixItems", "the elements it describes are not imported"},
    {"additionalItems", "the elements it describes are not imported"},
    {"unevaluatedItems", "list elements are not checked"},
    {"$dynamicRef", "dynamic references are not resolved"},
    {"$recursiveRef", "recursive references are not resolved"},
};

// Keywords that the translator reads somewhere.
// clang-format off
constexpr std::string_view kTranslated[] = {
    "$ref", "$defs", "definitions", "allOf", "anyOf", "oneOf",
    "type", "properties", "required", "additionalProperties", "items", "enum", "const", "format",
    "nullable", "default", "maxLength", "minLength", "pattern",
    "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf",
};
// clang-format on

// Keywords that describe values without constraining them, so ignoring them loses nothing that
// a mapping needs. `readOnly` and `writeOnly` mark which direction of an API carries a field; the
// field's type is the same in both.
// clang-format off
constexpr std::string_view kAnnotations[] = {
    "title", "description", "$comment", "examples", "example", "deprecated",
    "readOnly", "writeOnly",
    "externalDocs", "xml", "discriminator", "contentEncoding", "contentMediaType", "contentSchema",
    "$schema", "$id", "id", "$anchor", "$dynamicAnchor", "$recursiveAnchor", "$vocabulary",
};
// clang-format on

// Limit keywords, which ApplyLimits reads wherever they sit, also beside `$ref`.
// clang-format off
constexpr std::string_view kLimits[] = {
    "maxLength", "minLength", "pattern", "minimum",
    "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf",
};
// clang-format on

template <size_t N>
bool IsIn(const std::string_view (&list)[N], std::string_view keyword) {
  for (std::string_view entry : list) {
    if (entry == keyword) return true;
  }
  return false;
}

const UnsupportedKeyword* FindUnsupported(std::string_view keyword) {
  for (const UnsupportedKeyword& entry : kUnsupported) {
    if (entry.keyword == keyword) return &entry;
  }
  return nullptr;
}

// True for values of unsupported keywords that constrain nothing, such as `uniqueItems: false`.
bool IsVacuous(const Member& member) {
  const Node& value = member.value;
  if (value.kind == NodeKind::Bool)
    return value.text == (member.key == "uniqueItems" ? "false" : "true");
  if (value.kind == NodeKind::Number) {
    return value.text == "0" && (member.key == "minItems" || member.key == "minProperties" ||
                                 member.key == "minContains");
  }
  return false;
}

// The JSON Schema type names that values of `type` have.
bool TypeNameMatches(std::string_view name, const Type& type) {
  switch (type.kind) {
    case TypeKind::String:
    case TypeKind::Enum:
    case TypeKind::Date:
    case TypeKind::Time:
    case TypeKind::DateTime:
      return name == "string";
    case TypeKind::Int:
      return name == "integer" || name == "number";
    case TypeKind::Decimal:
    case TypeKind::Float:
      return name == "number";
    case TypeKind::Bool:
      return name == "boolean";
    case TypeKind::Record:
      return name == "object";
    case TypeKind::List:
      return name == "array";
    default:
      return false;
  }
}

bool ParseLength(const Node& value, int64_t& length) {
  if (value.kind != NodeKind::Number) return false;
  auto [end, error] =
      std::from_chars(value.text.data(), value.text.data() + value.text.size(), length);
  return error == std::errc() && end == value.text.data() + value.text.size() && length >= 0;
}

}  // namespace

void SchemaTranslator::CheckKeywords(const Node& schema, const std::string& pointer) {
  for (const Member& member : schema.members) {
    const std::string& keyword = member.key;
    if (keyword.starts_with("x-") || IsIn(kTranslated, keyword) || IsIn(kAnnotations, keyword)) {
      continue;
    }
    const UnsupportedKeyword* unsupported = FindUnsupported(keyword);
    if (unsupported == nullptr) {
      context_.Warn(member.key_range,
                    fmt::format("unknown keyword `{}` at {} is ignored", keyword, pointer));
    } else if (!IsVacuous(member)) {
      context_.Warn(member.key_range, fmt::format("not supported: `{}` at {}, so {}", keyword,
                                                  pointer, unsupported->consequence));
    }
  }

  const Member* additional = schema.FindMember("additionalProperties");
  if (additional == nullptr || additional->value.IsTrue() || !IsObjectSchema(schema)) return;
  if (additional->value.kind == NodeKind::Bool) {
    context_.Warn(additional->key_range,
                  fmt::format("`additionalProperties: false` at {} is not enforced: undeclared "
                              "keys are ignored, not rejected",
                              pointer));
  } else if (!additional->value.IsObject() || !additional->value.members.empty()) {
    context_.Warn(additional->key_range,
                  fmt::format("not supported: `additionalProperties` at {}, so the values of "
                              "undeclared keys are not imported",
                              pointer));
  }
}

void SchemaTranslator::CheckRefSiblings(const Node& schema, const std::string& pointer,
                                        const Type& type) {
  for (const Member& member : schema.members) {
    const std::string& keyword = member.key;
    if (keyword == "$ref" || keyword == "nullable" || keyword == "default" ||
        IsIn(kLimits, keyword) || !IsIn(kTranslated, keyword)) {
      continue;
    }
    if (keyword == "type") {
      bool matches = member.value.IsString() && TypeNameMatches(member.value.text, type);
      for (const Node& name : member.value.elements) {
        matches = matches || (name.IsString() && TypeNameMatches(name.text, type));
      }
      if (matches) continue;
    }
    context_.Warn(member.key_range,
                  fmt::format("`{}` beside `$ref` at {} is not applied; the field is {}", keyword,
                              pointer, type.AsRequired().ToString()));
  }
}

void SchemaTranslator::ApplyLimits(const Node& schema, const std::string& pointer,
                                   Translation& translation) {
  Constraints& limits = translation.constraints;
  TypeKind kind = translation.type.kind;
  if (kind == TypeKind::String) {
    for (auto [keyword, target] :
         {std::pair{"minLength", &limits.min_length}, std::pair{"maxLength", &limits.max_length}}) {
      const Member* member = schema.FindMember(keyword);
      if (member == nullptr) continue;
      int64_t length = 0;
      if (ParseLength(member->value, length)) {
        *target = length;
      } else {
        context_.Warn(member->value.range,
                      fmt::format("`{}` at {} is not a non-negative integer, so it is ignored",
                                  keyword, pointer));
      }
    }
    std::string_view pattern = schema.StringAt("pattern");
    if (!pattern.empty()) limits.pattern = pattern;
    return;
  }
  if (kind != TypeKind::Int && kind != TypeKind::Decimal && kind != TypeKind::Float) return;

  auto number = [&](std::string_view keyword) -> const Node* {
    const Node* value = schema.Find(keyword);
    return value != nullptr && value->kind == NodeKind::Number ? value : nullptr;
  };
  if (const Node* minimum = number("minimum")) limits.minimum = minimum->text;
  if (const Node* maximum = number("maximum")) limits.maximum = maximum->text;
  if (const Node* multiple = number("multipleOf")) limits.multiple_of = multiple->text;

  // Draft-04 style (OpenAPI 3.0): a boolean that makes `minimum` exclusive. Draft-06 and later:
  // the exclusive bound itself; with both bounds the greater minimum and the smaller maximum win.
  const Node* exclusive_minimum = schema.Find("exclusiveMinimum");
  if (exclusive_minimum != nullptr && exclusive_minimum->kind == NodeKind::Bool) {
    limits.exclusive_minimum = exclusive_minimum->IsTrue() && !limits.minimum.empty();
  } else if (const Node* bound = number("exclusiveMinimum")) {
    if (limits.minimum.empty() ||
        std::strtod(bound->text.c_str(), nullptr) >= std::strtod(limits.minimum.c_str(), nullptr)) {
      limits.minimum = bound->text;
      limits.exclusive_minimum = true;
    }
  }
  const Node* exclusive_maximum = schema.Find("exclusiveMaximum");
  if (exclusive_maximum != nullptr && exclusive_maximum->kind == NodeKind::Bool) {
    limits.exclusive_maximum = exclusive_maximum->IsTrue() && !limits.maximum.empty();
  } else if (const Node* bound = number("exclusiveMaximum")) {
    if (limits.maximum.empty() ||
        std::strtod(bound->text.c_str(), nullptr) <= std::strtod(limits.maximum.c_str(), nullptr)) {
      limits.maximum = bound->text;
      limits.exclusive_maximum = true;
    }
  }

  // An int32 field keeps its range when the schema gives none.
  if (kind == TypeKind::Int && schema.StringAt("format") == "int32") {
    if (limits.minimum.empty()) limits.minimum = "-2147483648";
    if (limits.maximum.empty()) limits.maximum = "2147483647";
  }
}

void SchemaTranslator::ApplyNullable(const Node& schema, Translation& translation) {
  // OpenAPI 3.0's `nullable: true`. OpenAPI 3.1 dropped it for type arrays with "null", but
  // documents still carry it, and it means the same there.
  const Node* nullable = schema.Find("nullable");
  if (nullable != nullptr && nullable->IsTrue()) translation.type.optional = true;

  // A type array with "null", also beside `properties` or `enum`.
  const Node* type = schema.Find("type");
  if (type == nullptr) return;
  for (const Node& name : type->elements) {
    if (name.IsString() && name.text == "null") translation.type.optional = true;
  }
}

void SchemaTranslator::ApplyDefault(const Node& schema, const std::string& pointer,
                                    Translation& translation) {
  const Node* value = schema.Find("default");
  if (value == nullptr) return;
  CheckedDefault checked = CheckDefault(*value, translation.type);
  translation.default_json = checked.json;
  if (!checked.problem.empty()) {
    context_.Warn(value->range, fmt::format("the default {} at {} {}", Excerpt(*value), pointer,
                                            checked.problem));
  }
}

}  // namespace weft::schema::import
