#pragma once

#include <optional>
#include <string>

#include "compiler/schema/types.h"
#include "compiler/syntax/ast.h"

namespace weft::check {

// A value written directly in the source: the only values that defaults, table keys and match
// patterns may hold, and the ones whose limits the checker can test before run time.
struct Constant {
  enum class Kind { Int, Decimal, String, Bool, Null, Name };
  Kind kind;
  // The literal's text: digits with sign and point for numbers, the decoded characters of a
  // string, "true"/"false", or the bare name (an enum member).
  std::string text;
};

// The constant an expression spells, or nothing for anything but a literal, a negated number or
// a bare name. A string with interpolations is not a constant.
std::optional<Constant> EvaluateConstant(const ast::Expr& expr);

// Returns the JSON text of `constant` read as a value of `type`, or "" with `reason` set when it
// is not one, such as a string for a date that is not a valid YYYY-MM-DD, or a time or date-time
// with too many digits in its fraction of a second to compare.
std::string ConstantToJson(const Constant& constant, const schema::Type& type, std::string& reason);

// Returns how to write a date, time or date-time constant of schema type `kind` and the limits
// its value must meet. Returns "" for any other kind.
std::string TemporalConstantHint(schema::TypeKind kind);

// Returns the code points of well-formed UTF-8 `text`.
int64_t CodePointCount(std::string_view text);

}  // namespace weft::check
