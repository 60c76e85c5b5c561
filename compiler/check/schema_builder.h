#pragma once

#include "compiler/check/check.h"

namespace weft::check {

// Adds the schemas declared or imported in `file` to `program`, reporting unknown types, bad
// decimal parameters and duplicate names. Imported documents are added to `sources`.
void BuildSchemas(const ast::File& file, CheckedProgram& program, SourceManager& sources,
                  DiagnosticEngine& diagnostics);

// Resolves a type written outside a schema, as in a table declaration: records and enums are
// named with their schema, such as `erp.Tier`.
schema::Type ResolveType(const ast::TypeRef& ref, const CheckedProgram& program,
                         DiagnosticEngine& diagnostics);

}  // namespace weft::check
