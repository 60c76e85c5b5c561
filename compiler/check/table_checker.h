#pragma once

#include "compiler/check/check.h"

namespace weft::check {

// Adds the tables declared in `file` to `program`, checking that every key and value fits the
// table's declared types and that no key is listed twice. Tables loaded `from` a CSV file are
// read here, and the file is added to `sources` so that a mistake in it is shown in place. A
// table beyond `limits` is reported as TableTooLarge and left empty.
void CheckTables(const ast::File& file, CheckedProgram& program, SourceManager& sources,
                 DiagnosticEngine& diagnostics, const TableLimits& limits);

}  // namespace weft::check
