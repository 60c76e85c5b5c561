#pragma once

#include <memory>

#include "compiler/diagnostics/diagnostics.h"
#include "compiler/syntax/ast.h"

namespace weft::syntax {

// Parses one loaded file into an AST. Syntax errors are reported to `diagnostics`, several per
// file, and the returned tree then contains what could be recovered. Bad input does not throw:
// ANTLR's exceptions and the nesting limits end in diagnostics.
std::unique_ptr<ast::File> Parse(FileId file, DiagnosticEngine& diagnostics);

}  // namespace weft::syntax
