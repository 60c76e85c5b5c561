#include "compiler/schema/import/json_schema.h"

#include <fmt/format.h>

#include <utility>
#include <vector>

#include "compiler/schema/import/schema_translator.h"

namespace weft::schema::import {
namespace {

using Definitions = std::vector<std::pair<const Member*, std::string>>;

// Collects the entries of `$defs` and `definitions`, with their JSON pointers.
Definitions CollectDefinitions(const Node& root, ImportContext& context) {
  Definitions definitions;
  for (std::string_view keyword : {"$defs", "definitions"}) {
    const Member* container = root.FindMember(keyword);
    if (container == nullptr) continue;
    if (!container->value.IsObject()) {
      context.Warn(
          container->key_range,
          fmt::format("`{}` is not an object, so no definitions are imported from it", keyword));
      continue;
    }
    std::string base = AppendPointer("#", keyword);
    for (const Member& definition : container->value.members) {
      definitions.emplace_back(&definition, AppendPointer(base, definition.key));
    }
  }
  return definitions;
}

void Translate(SchemaTranslator& translator, const Definitions& definitions) {
  for (const auto& [definition, pointer] : definitions) translator.ReserveDefinition(*definition);
  for (const auto& [definition, pointer] : definitions) {
    translator.DeclareDefinition(*definition, pointer);
  }
}

}  // namespace

bool IsJsonSchema(const Node& root) {
  for (std::string_view keyword :
       {"$schema", "type", "properties", "$defs", "definitions", "$ref", "allOf"}) {
    if (root.Find(keyword) != nullptr) return true;
  }
  return false;
}

void ImportJsonSchema(const Node& root, const std::string& fallback_name, ImportContext& context) {
  SchemaTranslator translator(context, root);
  Definitions definitions = CollectDefinitions(root, context);
  for (const auto& [definition, pointer] : definitions) translator.ReserveDefinition(*definition);

  if (translator.IsObjectSchema(root)) {
    std::string title = ToTypeName(root.StringAt("title"));
    const Node* title_node = root.Find("title");
    SourceRange range = title_node != nullptr
                            ? title_node->range
                            : SourceRange{root.range.file, root.range.begin, root.range.begin + 1};
    translator.DeclareRoot(title.empty() ? fallback_name : title, range);
  } else if (root.Find("type") != nullptr || root.Find("items") != nullptr ||
             root.Find("enum") != nullptr || root.Find("anyOf") != nullptr ||
             root.Find("oneOf") != nullptr) {
    context.Warn({root.range.file, root.range.begin, root.range.begin + 1},
                 "the root schema is not an object schema, so it becomes no record; only its "
                 "definitions are imported");
  }

  for (const auto& [definition, pointer] : definitions) {
    translator.DeclareDefinition(*definition, pointer);
  }
  translator.Finish();
}

bool ImportOpenApi(const Node& root, ImportContext& context) {
  const Node& version = *root.Find("openapi");
  if (!version.text.starts_with("3.0") && !version.text.starts_with("3.1")) {
    if (!version.text.starts_with("3.")) {
      context
          .Reject(version.range, fmt::format("OpenAPI version `{}` is not supported", version.text))
          .hint = "the importer reads OpenAPI 3.0 and 3.1 documents";
      return false;
    }
    context.Warn(version.range, fmt::format("OpenAPI version `{}` is newer than 3.1; it is read "
                                            "as 3.1",
                                            version.text));
  }

  const Node* components = root.Find("components");
  const Member* schemas = components != nullptr ? components->FindMember("schemas") : nullptr;
  if (schemas == nullptr || !schemas->value.IsObject()) {
    context
        .Reject(version.range,
                "the OpenAPI document has no `components.schemas` object, so "
                "it declares no types to import")
        .hint =
        "declare the request and response bodies under `components.schemas`; inline "
        "schemas of operations are not imported";
    return false;
  }

  SchemaTranslator translator(context, root);
  Definitions definitions;
  for (const Member& definition : schemas->value.members) {
    definitions.emplace_back(&definition, AppendPointer("#/components/schemas", definition.key));
  }
  Translate(translator, definitions);
  translator.Finish();
  return true;
}

}  // namespace weft::schema::import
