#pragma once

#include "compiler/check/check.h"

namespace weft::check {

// Checks the `test` blocks of every file against the checked rules and adds them to
// `program.tests`. Runs after the rules, whose indexes the tests keep. Data files named with
// `from` are resolved against the .map file, inside the project root, and must be readable.
// They are read when the tests run.
void CheckTests(CheckedProgram& program, DiagnosticEngine& diagnostics);

}  // namespace weft::check
