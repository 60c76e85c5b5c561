#pragma once

#include "compiler/check/check.h"

namespace weft::check {

// Adds the signatures of the `fn` declarations in `file` to `program`, so that rules and other
// functions can call them wherever they are declared.
void DeclareFunctions(const ast::File& file, CheckedProgram& program,
                      DiagnosticEngine& diagnostics);

// Checks each function's body against its parameters and declared result type. A body can read
// only its parameters, never a record's fields.
void CheckFunctionBodies(CheckedProgram& program, DiagnosticEngine& diagnostics);

}  // namespace weft::check
