#pragma once

#include <string>

#include "compiler/schema/import/document.h"
#include "compiler/schema/import/import_context.h"

// The JSON Schema and OpenAPI importers. Both hand their schemas to SchemaTranslator, which
// documents the translation of each keyword.
namespace weft::schema::import {

// True for a document with a JSON Schema keyword at the top: `$schema`, `type`, `properties`,
// `$defs`, `definitions`, `$ref` or `allOf`.
bool IsJsonSchema(const Node& root);

// Translates a JSON Schema document (draft-07 or 2020-12). A root object schema becomes a record
// named after its `title`, or `fallback_name` when it has none. Each entry of `$defs` and
// `definitions` becomes a record or enum named after its key.
void ImportJsonSchema(const Node& root, const std::string& fallback_name, ImportContext& context);

// Translates the `components.schemas` of an OpenAPI 3.0 or 3.1 document, each entry into a
// record or enum named after its key. Schemas written inline in paths and operations are not
// imported. Returns false after reporting a document that declares no schemas or has another
// OpenAPI version.
bool ImportOpenApi(const Node& root, ImportContext& context);

}  // namespace weft::schema::import
