#pragma once

#include "compiler/check/check.h"

namespace weft::check {

// Adds the schemas declared in `file` to `program`, reporting unknown types, bad decimal
// parameters, duplicate names and the schema features not supported yet.
void BuildSchemas(const ast::File& file, CheckedProgram& program, DiagnosticEngine& diagnostics);

}  // namespace weft::check
