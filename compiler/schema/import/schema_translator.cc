#include "compiler/schema/import/schema_translator.h"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <string_view>
#include <unordered_map>

#include "compiler/schema/import/names.h"

namespace weft::schema::import {
namespace {

// True for a name that a .map file can spell, as an identifier or in backquotes: not empty, and
// without a backquote or a line break.
bool IsWritableName(std::string_view name) {
  if (name.empty()) return false;
  for (char c : name) {
    if (c == '`' || c == '\n' || c == '\r') return false;
  }
  return true;
}

// Schemas that reach each other through `$ref`, `items`, `allOf` and unions without an object in
// between. Translation recurses once per level; records end the recursion, because their fields
// are translated later from a queue.
constexpr size_t kMaxNesting = 256;

bool Contains(SourceRange outer, SourceRange inner) {
  return outer.file == inner.file && outer.begin <= inner.begin && inner.end <= outer.end;
}

bool HasTypeKeyword(const Node& schema) {
  for (std::string_view keyword : {"type", "enum", "const", "items", "anyOf", "oneOf", "allOf"}) {
    if (schema.Find(keyword) != nullptr) return true;
  }
  return false;
}

// The last reference token of a local `$ref`, such as `Address` for `#/$defs/Address`.
std::string LastToken(std::string_view reference) {
  size_t slash = reference.rfind('/');
  return std::string(slash == std::string_view::npos ? reference : reference.substr(slash + 1));
}

}  // namespace

void SchemaTranslator::ReserveDefinition(const Member& definition) {
  reserved_[&definition.value] = {context_.names.Claim(definition.key), definition.key_range};
}

void SchemaTranslator::DeclareDefinition(const Member& definition, const std::string& pointer) {
  Translated translated = Translate(definition.value, pointer, definition.key);
  if (translated.ok) return;
  Diagnostic& diagnostic = context_.Warn(
      definition.key_range,
      fmt::format("definition `{}` is not imported: {}", definition.key, translated.problem));
  if (!Contains(definition.value.range, translated.problem_range)) {
    diagnostic.notes.push_back({translated.problem_range, "the untranslated schema is here"});
  }
}

void SchemaTranslator::DeclareRoot(const std::string& name, SourceRange range) {
  reserved_[&root_] = {context_.names.Claim(name), range};
  Translate(root_, "#", name);
}

void SchemaTranslator::Finish() {
  // Filling a record can reach new records, which join the end of the queue.
  for (size_t i = 0; i < pending_.size(); ++i) {
    PendingRecord pending = pending_[i];
    FillRecord(pending);
  }
  pending_.clear();
}

Translated SchemaTranslator::Translate(const Node& schema, const std::string& pointer,
                                       const std::string& name) {
  auto cached = cache_.find(&schema);
  if (cached != cache_.end()) return cached->second;
  if (std::find(in_progress_.begin(), in_progress_.end(), &schema) != in_progress_.end()) {
    return Translated::Failure(
        fmt::format("the schema at {} contains itself with no object in between, so its type "
                    "would be infinite",
                    pointer),
        schema.range);
  }
  if (in_progress_.size() >= kMaxNesting) {
    return Translated::Failure(
        fmt::format("the schema at {} nests more than {} levels deep through references", pointer,
                    kMaxNesting),
        schema.range);
  }

  in_progress_.push_back(&schema);
  Translated translated = TranslateUncached(schema, pointer, name);
  in_progress_.pop_back();
  cache_.emplace(&schema, translated);
  return translated;
}

Translated SchemaTranslator::TranslateUncached(const Node& schema, const std::string& pointer,
                                               const std::string& name) {
  if (schema.kind == NodeKind::Bool) {
    std::string problem = schema.IsTrue()
                              ? fmt::format("the schema `true` at {} allows any value", pointer)
                              : fmt::format("the schema `false` at {} allows no value", pointer);
    return Translated::Failure(std::move(problem), schema.range);
  }
  if (!schema.IsObject()) {
    return Translated::Failure(
        fmt::format("the schema at {} is {}, not an object", pointer, DescribeKind(schema.kind)),
        schema.range);
  }
  CheckKeywords(schema, pointer);

  const Member* any_of = schema.FindMember("anyOf");
  const Member* one_of = schema.FindMember("oneOf");
  const Member* union_keyword = any_of != nullptr ? any_of : one_of;
  bool has_shape = schema.Find("$ref") != nullptr || schema.Find("allOf") != nullptr ||
                   schema.Find("type") != nullptr || schema.Find("properties") != nullptr ||
                   schema.Find("enum") != nullptr || schema.Find("const") != nullptr;
  for (const Member* keyword : {any_of, one_of}) {
    if (keyword == nullptr || (!has_shape && keyword == union_keyword)) continue;
    context_.Warn(keyword->key_range,
                  fmt::format("not supported: `{}` at {} beside other type keywords; the "
                              "alternatives are not applied",
                              keyword->key, pointer));
  }

  // `allOf` with one part is how OpenAPI 3.0 documents put a description beside a reference; it
  // stands for that part, not for a new record.
  const Node* all_of = schema.Find("allOf");
  bool sole_part = all_of != nullptr && all_of->IsArray() && all_of->elements.size() == 1 &&
                   schema.Find("properties") == nullptr && schema.Find("type") == nullptr;

  Translated translated;
  if (schema.Find("$ref") != nullptr) {
    translated = TranslateRef(schema, pointer);
  } else if (sole_part) {
    translated =
        Translate(all_of->elements[0], AppendPointer(AppendPointer(pointer, "allOf"), "0"), name);
    if (translated.ok) ApplyLimits(schema, pointer, translated.value);
  } else if (IsObjectSchema(schema)) {
    translated = TranslateRecord(schema, pointer, name);
  } else if (schema.Find("allOf") != nullptr) {
    translated = TranslateAllOf(schema, pointer, name);
  } else if (!has_shape && union_keyword != nullptr) {
    translated = TranslateUnion(schema, *union_keyword, pointer, name);
  } else if (schema.Find("enum") != nullptr) {
    translated = TranslateEnum(schema, pointer, name);
  } else if (schema.Find("const") != nullptr) {
    translated = TranslateConst(schema, pointer, name);
  } else if (schema.Find("type") != nullptr) {
    translated = TranslateTyped(schema, pointer, name);
  } else {
    return Translated::Failure(
        fmt::format("the schema at {} has no `type`, so its values may be anything", pointer),
        schema.range);
  }
  if (!translated.ok) return translated;
  ApplyNullable(schema, translated.value);
  ApplyDefault(schema, pointer, translated.value);
  return translated;
}

const Node* SchemaTranslator::FollowRef(const Node& schema) const {
  const Node* reference = schema.Find("$ref");
  if (reference == nullptr) return &schema;
  if (!reference->IsString()) return nullptr;
  return ResolvePointer(root_, reference->text);
}

bool SchemaTranslator::IsObjectSchema(const Node& schema) const {
  std::unordered_set<const Node*> visited;
  return IsObjectSchema(schema, 0, visited);
}

bool SchemaTranslator::IsObjectSchema(const Node& schema, int depth,
                                      std::unordered_set<const Node*>& visited) const {
  if (!schema.IsObject() || depth > static_cast<int>(kMaxNesting)) return false;
  if (schema.Find("$ref") != nullptr) return false;
  if (schema.Find("properties") != nullptr) return true;

  const Node* type = schema.Find("type");
  if (type != nullptr && type->IsString()) return type->text == "object";
  if (type != nullptr && type->IsArray()) {
    bool object = false;
    for (const Node& name : type->elements) {
      if (!name.IsString() || (name.text != "object" && name.text != "null")) return false;
      object = object || name.text == "object";
    }
    return object;
  }

  const Node* all_of = schema.Find("allOf");
  if (all_of == nullptr || !all_of->IsArray()) return false;
  // The search stops at the first object schema it finds, so a schema seen before in this search
  // is not one, or is reached again through a reference cycle. Schemas without `allOf` return
  // above without entering the set, which saves its allocation in the common case.
  if (!visited.insert(&schema).second) return false;
  for (const Node& part : all_of->elements) {
    const Node* target = FollowRef(part);
    if (target != nullptr && IsObjectSchema(*target, depth + 1, visited)) return true;
  }
  return false;
}

Translated SchemaTranslator::TranslateRef(const Node& schema, const std::string& pointer) {
  const Member& keyword = *schema.FindMember("$ref");
  if (!keyword.value.IsString()) {
    return Translated::Failure(fmt::format("`$ref` at {} is not a string", pointer),
                               keyword.value.range);
  }
  const std::string& reference = keyword.value.text;
  if (reference.empty() || reference[0] != '#') {
    return Translated::Failure(
        fmt::format("the reference `{}` at {} points into another document, which is not "
                    "imported",
                    reference, pointer),
        keyword.value.range);
  }
  const Node* target = ResolvePointer(root_, reference);
  if (target == nullptr) {
    return Translated::Failure(
        fmt::format("the reference `{}` at {} names nothing in this document", reference, pointer),
        keyword.value.range);
  }

  Translated translated = Translate(*target, reference, ToTypeName(LastToken(reference)));
  if (!translated.ok) return translated;
  CheckRefSiblings(schema, pointer, translated.value.type);
  ApplyLimits(schema, pointer, translated.value);
  return translated;
}

Translated SchemaTranslator::TranslateRecord(const Node& schema, const std::string& pointer,
                                             const std::string& name) {
  auto existing = records_.find(&schema);
  if (existing != records_.end()) return Translated::OfType(Type::OfRecord(existing->second));

  ReservedName reserved = NameFor(schema, name);
  RecordType& record = context_.AddRecord(reserved.name, reserved.range);
  records_[&schema] = &record;
  pending_.push_back({&record, &schema, pointer});
  return Translated::OfType(Type::OfRecord(&record));
}

SchemaTranslator::ReservedName SchemaTranslator::NameFor(const Node& schema,
                                                         const std::string& hint) {
  auto reserved = reserved_.find(&schema);
  if (reserved != reserved_.end()) return reserved->second;
  return {context_.names.Claim(hint.empty() ? "Record" : hint), schema.range};
}

void SchemaTranslator::FillRecord(const PendingRecord& pending) {
  std::vector<Property> properties;
  std::vector<const Member*> required_lists;
  std::unordered_set<const Node*> visited;
  CollectProperties(*pending.schema, pending.pointer, properties, required_lists, 0, visited);

  // The sets refer to keys and names in the document, which outlives them.
  std::unordered_set<std::string_view> required;
  for (const Member* list : required_lists) {
    for (const Node& name : list->value.elements) {
      if (name.IsString()) required.insert(name.text);
    }
  }

  // A property that several `allOf` parts declare keeps its first declaration.
  std::unordered_map<std::string_view, const Property*> declared;
  declared.reserve(properties.size());
  pending.record->fields.reserve(properties.size());
  for (const Property& property : properties) {
    const Member& member = *property.member;
    auto [first, inserted] = declared.emplace(member.key, &property);
    if (inserted) {
      AddField(*pending.record, property, required.count(member.key) > 0);
    } else if (ToJson(first->second->member->value) != ToJson(member.value)) {
      context_
          .Warn(member.key_range,
                fmt::format("property `{}` at {} is declared again with another schema; the "
                            "first declaration at {} is used",
                            member.key, property.pointer, first->second->pointer))
          .notes.push_back({first->second->member->key_range, "the first declaration is here"});
    }
  }

  for (const Member* list : required_lists) {
    for (const Node& name : list->value.elements) {
      if (!name.IsString() || declared.count(name.text) > 0) continue;
      context_.Warn(name.range,
                    fmt::format("required property `{}` of record `{}` has no schema in "
                                "`properties`, so no field is imported for it",
                                name.text, pending.record->name));
      declared.emplace(name.text, nullptr);
    }
  }
}

void SchemaTranslator::CollectProperties(const Node& schema, const std::string& pointer,
                                         std::vector<Property>& properties,
                                         std::vector<const Member*>& required_lists, int depth,
                                         std::unordered_set<const Node*>& visited) {
  if (!schema.IsObject() || depth > static_cast<int>(kMaxNesting)) return;
  if (!visited.insert(&schema).second) return;
  const Member* reference = schema.FindMember("$ref");
  if (reference != nullptr) {
    const Node* target = FollowRef(schema);
    if (target != nullptr && target != &schema) {
      CollectProperties(*target, reference->value.text, properties, required_lists, depth + 1,
                        visited);
    }
    return;
  }

  const Member* declared = schema.FindMember("properties");
  if (declared != nullptr && declared->value.IsObject()) {
    std::string base = AppendPointer(pointer, "properties");
    for (const Member& member : declared->value.members) {
      properties.push_back({&member, AppendPointer(base, member.key)});
    }
  }
  const Member* required = schema.FindMember("required");
  if (required != nullptr && required->value.IsArray()) required_lists.push_back(required);

  const Node* all_of = schema.Find("allOf");
  if (all_of == nullptr || !all_of->IsArray()) return;
  std::string base = AppendPointer(pointer, "allOf");
  for (size_t i = 0; i < all_of->elements.size(); ++i) {
    const Node& part = all_of->elements[i];
    std::string part_pointer = AppendPointer(base, std::to_string(i));
    // A part without type keywords, such as one that only lists `required`, merges too.
    const Node* target = FollowRef(part);
    if (target != nullptr && (IsObjectSchema(*target) || !HasTypeKeyword(*target))) {
      CollectProperties(part, part_pointer, properties, required_lists, depth + 1, visited);
    } else {
      context_.Warn(part.range, fmt::format("not supported: the `allOf` part at {} is not an "
                                            "object schema, so it is not merged into the record",
                                            part_pointer));
    }
  }
}

void SchemaTranslator::AddField(RecordType& record, const Property& property, bool required) {
  const Member& member = *property.member;
  if (!IsWritableName(member.key)) {
    // The field stays, so that its records are read and written whole; only rules cannot name it.
    context_.Warn(member.key_range,
                  fmt::format("field name {} of record `{}` cannot be written in a .map file, even "
                              "in backquotes, so no rule can read or assign it",
                              nlohmann::json(member.key).dump(), record.name));
  }
  std::string part = ToTypeName(member.key);
  Translated translated =
      Translate(member.value, property.pointer, record.name + (part.empty() ? "Field" : part));
  if (!translated.ok) {
    Diagnostic& diagnostic =
        context_.Warn(member.key_range, fmt::format("field `{}` of record `{}` is left out: {}",
                                                    member.key, record.name, translated.problem));
    if (!Contains(member.value.range, translated.problem_range)) {
      diagnostic.notes.push_back({translated.problem_range, "the untranslated schema is here"});
    }
    return;
  }

  FieldType field;
  field.name = member.key;
  field.type = std::move(translated.value.type);
  if (!required) field.type.optional = true;
  field.default_json = std::move(translated.value.default_json);
  field.constraints = std::move(translated.value.constraints);
  field.range = member.key_range;
  record.fields.push_back(std::move(field));
}

}  // namespace weft::schema::import
