#pragma once

#include <string>

#include "compiler/diagnostics/diagnostics.h"
#include "compiler/schema/types.h"
#include "compiler/syntax/ast.h"

namespace weft::check {

// Turns the annotations of a field declaration (`@max_length(40)`, `@length(2)`,
// `@min_length(1)`, `@pattern("[A-Z]\{2\}")`, `@minimum(0)`, `@maximum(100)`,
// `@values("Open", "Closed")`) into the field's constraints, reporting unknown annotations and
// arguments that do not fit.
void ApplyAnnotations(const ast::FieldDecl& decl, schema::FieldType& field,
                      DiagnosticEngine& diagnostics);

// Returns the JSON text of a field's default value, which must be a literal of the field's type
// (an enum member by name for an enum); returns "" after reporting one that is not.
std::string DefaultValueJson(const ast::Expr& value, const schema::FieldType& field,
                             DiagnosticEngine& diagnostics);

// Returns the reason a constant string breaks the field's constraints, or "" when it fits.
// Lengths count code points.
std::string StringConstraintViolation(const std::string& value,
                                      const schema::Constraints& constraints);

}  // namespace weft::check
