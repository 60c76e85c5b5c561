#pragma once

#include <string>

#include "compiler/diagnostics/diagnostics.h"
#include "compiler/syntax/ast.h"
#include "stdlib/builtins.h"

namespace weft::check {

// Checks the constant date pattern `pattern`, argument `index` of a call. For a builtin that
// reads with it, checks the year argument too, which a pattern with `yy` or without a year needs
// and a pattern with `yyyy` must not have. Returns false after reporting a mistake.
bool CheckDatePattern(DiagnosticEngine& diagnostics, const ast::CallExpr& call,
                      const stdlib::Builtin& builtin, size_t index, const std::string& pattern);

}  // namespace weft::check
