#pragma once

#include <memory>

#include "compiler/diagnostics/diagnostics.h"
#include "compiler/syntax/ast.h"

namespace weft::syntax {

// Parses one loaded file into an AST. Syntax errors are reported to `diagnostics`, several per
// file; the returned tree then holds what could be recovered. Never throws for bad input.
std::unique_ptr<ast::File> Parse(FileId file, DiagnosticEngine& diagnostics);

}  // namespace weft::syntax
