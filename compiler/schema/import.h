#pragma once

#include <memory>
#include <string>

#include "compiler/diagnostics/diagnostics.h"
#include "compiler/schema/types.h"

namespace weft::schema {

// The request of one `schema NAME from "file"` declaration.
struct ImportRequest {
  // The schema's name in the .map file; it becomes Schema::name and RecordType::schema.
  std::string schema_name;
  // The document's path, already resolved against the directory of the .map file.
  std::string path;
  // The `schema ... from "file"` declaration, where errors about the document as a whole (it
  // cannot be read, it is not JSON or YAML, its format is unknown) are reported.
  SourceRange declaration;
};

// Reads a JSON Schema (draft-07 or 2020-12), OpenAPI 3.0/3.1 or Salesforce describe document and
// translates it into a schema. The document is added to `sources`, so that a diagnostic about a
// construct inside it points at its own file, line and column.
//
// A document that cannot be used at all yields nullptr after an error. Every construct that is
// not translated exactly is reported as a SchemaImportIncomplete warning at its place in the
// document; none is dropped silently.
std::unique_ptr<Schema> ImportSchema(const ImportRequest& request, SourceManager& sources,
                                     DiagnosticEngine& diagnostics);

}  // namespace weft::schema
