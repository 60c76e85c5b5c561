#include "compiler/schema/import.h"

namespace weft::schema {

std::unique_ptr<Schema> ImportSchema(const ImportRequest& request, SourceManager& sources,
                                     DiagnosticEngine& diagnostics) {
  // TODO: JSON Schema, OpenAPI and Salesforce describe importers.
  diagnostics
      .Report(DiagnosticKind::NotYetSupported, request.declaration,
              "importing a schema from a file is not supported yet")
      .hint = "declare the records inline with `schema NAME { record ... }`";
  return nullptr;
}

}  // namespace weft::schema
