#pragma once

#include "compiler/check/check.h"

namespace weft::check {

// Adds the tables declared in `file` to `program`, checking that every key and value fits the
// table's declared types and that no key is listed twice.
void CheckTables(const ast::File& file, CheckedProgram& program, DiagnosticEngine& diagnostics);

}  // namespace weft::check
