#pragma once

#include "compiler/check/check.h"

namespace weft::check {

// Checks one `map` rule against its source and target records and, when both resolve, adds it
// to `program.rules`.
void CheckRule(const ast::MapDecl& rule, CheckedProgram& program, DiagnosticEngine& diagnostics);

}  // namespace weft::check
