#pragma once

#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "compiler/schema/import/document.h"
#include "compiler/schema/import/import_context.h"

// Translates JSON Schema (draft-07 and 2020-12) schemas into schema types. OpenAPI 3.0 and 3.1
// use the same translator, because their schema objects are JSON Schema with a few additions
// (`nullable`, `x-` extensions) that it also reads.
namespace weft::schema::import {

// The type of a field of one schema, with the limits and default beside it.
struct Translation {
  Type type;
  Constraints constraints;
  std::string default_json;
};

// The translation of a schema, or why it has none: `problem` names the construct and its JSON
// pointer, and `problem_range` is where it sits.
struct Translated {
  bool ok = false;
  Translation value;
  std::string problem;
  SourceRange problem_range;

  static Translated Of(Translation value) { return {true, std::move(value), "", {}}; }
  static Translated OfType(Type type) {
    Translation value;
    value.type = std::move(type);
    return Of(std::move(value));
  }
  static Translated Failure(std::string problem, SourceRange range) {
    return {false, {}, std::move(problem), range};
  }
};

class SchemaTranslator {
 public:
  SchemaTranslator(ImportContext& context, const Node& root) : context_(context), root_(root) {}

  // Reserves the name of a definition (a `$defs` entry or an OpenAPI component schema), its key,
  // so that generated names never take it. Call for all definitions before declaring any.
  void ReserveDefinition(const Member& definition);
  // Translates a definition whose name was reserved. An object schema becomes a record and a
  // string enum an enum, both named after the key. Other schemas become no named type, so they
  // are translated again where a `$ref` names them. A definition that cannot be translated is
  // reported here.
  void DeclareDefinition(const Member& definition, const std::string& pointer);
  // Declares the record of the root schema, which must be an object schema, named `name`.
  void DeclareRoot(const std::string& name, SourceRange range);
  // Fills in the fields of every record declared so far and of the records that they reach.
  void Finish();

  // True for a schema that becomes a record: one with `properties`, `type: object`, or an
  // `allOf` with such a part.
  bool IsObjectSchema(const Node& schema) const;

 private:
  struct ReservedName {
    std::string name;
    SourceRange range;
  };
  struct PendingRecord {
    RecordType* record;
    const Node* schema;
    std::string pointer;
  };
  // A property collected from a schema and the parts of its `allOf`.
  struct Property {
    const Member* member;
    std::string pointer;
  };

  // schema_translator.cc: caching, references and records.
  Translated Translate(const Node& schema, const std::string& pointer, const std::string& name);
  Translated TranslateUncached(const Node& schema, const std::string& pointer,
                               const std::string& name);
  Translated TranslateRef(const Node& schema, const std::string& pointer);
  Translated TranslateRecord(const Node& schema, const std::string& pointer,
                             const std::string& name);
  void FillRecord(const PendingRecord& pending);
  // Adds the properties and `required` lists of `schema` and of the parts it reaches through
  // `$ref` and `allOf`. A schema in `visited` is skipped, so parts that several paths share are
  // read once instead of once per path, which grows exponentially with the nesting.
  void CollectProperties(const Node& schema, const std::string& pointer,
                         std::vector<Property>& properties,
                         std::vector<const Member*>& required_lists, int depth,
                         std::unordered_set<const Node*>& visited);
  void AddField(RecordType& record, const Property& property, bool required);
  const Node* FollowRef(const Node& schema) const;
  bool IsObjectSchema(const Node& schema, int depth,
                      std::unordered_set<const Node*>& visited) const;
  // The name and place of a new record or enum for `schema`: its reserved name, or `hint` made
  // unique.
  ReservedName NameFor(const Node& schema, const std::string& hint);

  // schema_combinators.cc: allOf, anyOf and oneOf.
  Translated TranslateAllOf(const Node& schema, const std::string& pointer,
                            const std::string& name);
  Translated TranslateUnion(const Node& schema, const Member& keyword, const std::string& pointer,
                            const std::string& name);
  bool IsNullSchema(const Node& schema) const;

  // schema_scalars.cc: typed schemas, enums and constants.
  Translated TranslateTyped(const Node& schema, const std::string& pointer,
                            const std::string& name);
  Translated TranslateEnum(const Node& schema, const std::string& pointer, const std::string& name);
  Translated TranslateConst(const Node& schema, const std::string& pointer,
                            const std::string& name);
  Translated TranslateArray(const Node& schema, const std::string& pointer,
                            const std::string& name);
  Type NumberType(const Node& schema, const std::string& pointer);

  // schema_keywords.cc: keywords beside the type.
  void CheckKeywords(const Node& schema, const std::string& pointer);
  void CheckRefSiblings(const Node& schema, const std::string& pointer, const Type& type);
  void ApplyLimits(const Node& schema, const std::string& pointer, Translation& translation);
  void ApplyDefault(const Node& schema, const std::string& pointer, Translation& translation);
  void ApplyNullable(const Node& schema, Translation& translation);

  ImportContext& context_;
  const Node& root_;
  std::unordered_map<const Node*, Translated> cache_;
  // Schemas whose translation is under way, to stop at a reference cycle. It is at most
  // kMaxNesting long, so a linear search is cheap.
  std::vector<const Node*> in_progress_;
  std::unordered_map<const Node*, ReservedName> reserved_;
  std::unordered_map<const Node*, RecordType*> records_;
  std::vector<PendingRecord> pending_;
};

}  // namespace weft::schema::import
