#pragma once

#include <string>

#include "compiler/diagnostics/diagnostics.h"
#include "compiler/syntax/ast.h"
#include "stdlib/builtins.h"

namespace weft::check {

// Checks the constant date pattern `pattern`, argument `index` of a call. For a builtin that
// reads with it, checks the year argument too, which a pattern with `yy` or without a year needs
// and a pattern with `yyyy` must not have. For a builtin that reads a date-time, checks the zone
// and the policies, which a pattern without an offset field needs and a pattern with one leaves
// unused. Returns false after reporting a mistake.
bool CheckDatePattern(DiagnosticEngine& diagnostics, const ast::CallExpr& call,
                      const stdlib::Builtin& builtin, size_t index, const std::string& pattern);

// True when the call reads a date-time with a constant, valid pattern that has an offset field.
// Its zone argument is then unused, and CheckDatePattern reports one that is given, in place of
// the check that a zone name exists.
bool PatternReadsOffset(const ast::CallExpr& call, const stdlib::Builtin& builtin);

}  // namespace weft::check
