// `allOf` of schemas that are not objects, `anyOf` and `oneOf`. Objects under `allOf` merge
// into one record in schema_translator.cc.
#include <fmt/format.h>

#include <type_traits>

#include "compiler/schema/import/schema_translator.h"

namespace weft::schema::import {
namespace {

// The names of the limits set in both, with different values.
std::vector<std::string> MergeLimits(Constraints& into, const Constraints& from) {
  std::vector<std::string> conflicts;
  auto merge = [&](auto& target, const auto& source, const char* keyword) {
    using Value = std::remove_cvref_t<decltype(source)>;
    if (source == Value()) return;
    if (target == Value()) {
      target = source;
    } else if (target != source) {
      conflicts.push_back(keyword);
    }
  };
  merge(into.min_length, from.min_length, "minLength");
  merge(into.max_length, from.max_length, "maxLength");
  merge(into.pattern, from.pattern, "pattern");
  merge(into.minimum, from.minimum, "minimum");
  merge(into.maximum, from.maximum, "maximum");
  merge(into.multiple_of, from.multiple_of, "multipleOf");
  merge(into.allowed_values, from.allowed_values, "enum");
  into.exclusive_minimum = into.exclusive_minimum || from.exclusive_minimum;
  into.exclusive_maximum = into.exclusive_maximum || from.exclusive_maximum;
  return conflicts;
}

// Merges one typed part of an `allOf` into the others. Returns the limits that both give with
// different values.
std::vector<std::string> MergeInto(Translation& merged, const Translation& part) {
  merged.type.optional = merged.type.optional && part.type.optional;
  if (merged.default_json.empty()) merged.default_json = part.default_json;
  return MergeLimits(merged.constraints, part.constraints);
}

// True for a part that only adds limits or annotations to the type the other parts give.
bool IsLimitOnly(const Node& part) {
  for (std::string_view keyword :
       {"type", "enum", "const", "$ref", "items", "properties", "allOf", "anyOf", "oneOf"}) {
    if (part.Find(keyword) != nullptr) return false;
  }
  return true;
}

}  // namespace

Translated SchemaTranslator::TranslateAllOf(const Node& schema, const std::string& pointer,
                                            const std::string& name) {
  const Member& keyword = *schema.FindMember("allOf");
  if (!keyword.value.IsArray() || keyword.value.elements.empty()) {
    return Translated::Failure(fmt::format("`allOf` at {} is not a non-empty array", pointer),
                               keyword.value.range);
  }

  // The schema's own type keywords, if any, are the first part.
  Translated merged;
  bool have_type = false;
  if (schema.Find("enum") != nullptr || schema.Find("const") != nullptr ||
      schema.Find("type") != nullptr) {
    merged = schema.Find("enum") != nullptr    ? TranslateEnum(schema, pointer, name)
             : schema.Find("const") != nullptr ? TranslateConst(schema, pointer, name)
                                               : TranslateTyped(schema, pointer, name);
    if (!merged.ok) return merged;
    have_type = true;
  }

  std::string base = AppendPointer(pointer, "allOf");
  std::vector<std::pair<const Node*, std::string>> limit_parts;
  for (size_t i = 0; i < keyword.value.elements.size(); ++i) {
    const Node& part = keyword.value.elements[i];
    std::string part_pointer = AppendPointer(base, std::to_string(i));
    if (part.IsObject() && IsLimitOnly(part)) {
      limit_parts.emplace_back(&part, part_pointer);
      continue;
    }
    Translated translated = Translate(part, part_pointer, name);
    if (!translated.ok) return translated;
    if (!have_type) {
      merged = translated;
      have_type = true;
      continue;
    }
    if (!merged.value.type.SameKind(translated.value.type)) {
      return Translated::Failure(fmt::format("not supported: `allOf` at {} combines {} and {}",
                                             pointer, merged.value.type.AsRequired().ToString(),
                                             translated.value.type.AsRequired().ToString()),
                                 keyword.key_range);
    }
    for (const std::string& conflict : MergeInto(merged.value, translated.value)) {
      context_.Warn(part.range, fmt::format("the `allOf` parts at {} give different values for "
                                            "`{}`, so the first is kept",
                                            pointer, conflict));
    }
  }
  if (!have_type) {
    return Translated::Failure(
        fmt::format("the schema at {} has no `type`, so its values may be anything", pointer),
        schema.range);
  }

  for (const auto& [part, part_pointer] : limit_parts) {
    CheckKeywords(*part, part_pointer);
    ApplyLimits(*part, part_pointer, merged.value);
    ApplyNullable(*part, merged.value);
    ApplyDefault(*part, part_pointer, merged.value);
  }
  return merged;
}

Translated SchemaTranslator::TranslateUnion(const Node& schema, const Member& keyword,
                                            const std::string& pointer, const std::string& name) {
  if (!keyword.value.IsArray() || keyword.value.elements.empty()) {
    return Translated::Failure(
        fmt::format("`{}` at {} is not a non-empty array", keyword.key, pointer),
        keyword.value.range);
  }

  // `anyOf: [{$ref: ...}, {type: "null"}]` is the usual way to write an optional reference.
  bool has_null = false;
  std::vector<size_t> alternatives;
  for (size_t i = 0; i < keyword.value.elements.size(); ++i) {
    if (IsNullSchema(keyword.value.elements[i])) {
      has_null = true;
    } else {
      alternatives.push_back(i);
    }
  }
  if (alternatives.empty()) {
    return Translated::Failure(fmt::format("the schema at {} allows only null", pointer),
                               keyword.key_range);
  }
  if (alternatives.size() > 1) {
    return Translated::Failure(fmt::format("not supported: `{}` with {} alternatives at {}",
                                           keyword.key, alternatives.size(), pointer),
                               keyword.key_range);
  }

  size_t only = alternatives.front();
  std::string alternative_pointer =
      AppendPointer(AppendPointer(pointer, keyword.key), std::to_string(only));
  Translated translated = Translate(keyword.value.elements[only], alternative_pointer, name);
  if (!translated.ok) return translated;
  if (has_null) translated.value.type.optional = true;
  ApplyLimits(schema, pointer, translated.value);
  return translated;
}

bool SchemaTranslator::IsNullSchema(const Node& schema) const {
  const Node* target = FollowRef(schema);
  if (target == nullptr || !target->IsObject()) return false;
  const Node* type = target->Find("type");
  if (type != nullptr && type->IsString()) return type->text == "null";
  if (type != nullptr && type->IsArray()) {
    return type->elements.size() == 1 && type->elements[0].IsString() &&
           type->elements[0].text == "null";
  }
  const Node* constant = target->Find("const");
  if (constant != nullptr) return constant->kind == NodeKind::Null;
  const Node* members = target->Find("enum");
  return members != nullptr && members->IsArray() && members->elements.size() == 1 &&
         members->elements[0].kind == NodeKind::Null;
}

}  // namespace weft::schema::import
