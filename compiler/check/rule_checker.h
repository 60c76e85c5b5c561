#pragma once

#include "compiler/check/check.h"

namespace weft::check {

// Checks one `map` rule against its source and target records and, when both resolve, adds it
// to `program.rules`.
void CheckRule(const ast::MapDecl& rule, CheckedProgram& program, DiagnosticEngine& diagnostics);

// Resolves `schema.Record`, reporting an unknown schema or record with a suggestion; returns
// null after a report.
const schema::RecordType* ResolveRecordName(const ast::QualifiedName& name,
                                            const CheckedProgram& program,
                                            DiagnosticEngine& diagnostics);

}  // namespace weft::check
