#pragma once

#include "compiler/check/check.h"

namespace weft::check {

// Adds the schemas declared or imported in `file` to `program`, reporting unknown types, bad
// decimal parameters and duplicate names. Imported documents are added to `sources`.
void BuildSchemas(const ast::File& file, CheckedProgram& program, SourceManager& sources,
                  DiagnosticEngine& diagnostics);

}  // namespace weft::check
