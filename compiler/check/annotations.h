#pragma once

#include <optional>
#include <string>

#include "compiler/check/constants.h"
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
// (an enum member by name for an enum). Returns "" after reporting one that is not.
std::string DefaultValueJson(const ast::Expr& value, const schema::FieldType& field,
                             DiagnosticEngine& diagnostics);

// Returns the reason a constant breaks the field's constraints (lengths, pattern, allowed values,
// number limits), or "" when it fits.
std::string ConstantConstraintViolation(const Constant& constant,
                                        const schema::Constraints& constraints);

// Compares two numbers written as decimal text exactly; nullopt when one is no number.
std::optional<int> CompareNumberTexts(const std::string& left, const std::string& right);

// Returns the reason a constant string breaks the field's constraints, or "" when it fits.
// Lengths count code points.
std::string StringConstraintViolation(const std::string& value,
                                      const schema::Constraints& constraints);

}  // namespace weft::check
