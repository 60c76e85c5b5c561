#pragma once

#include <string>

#include "compiler/syntax/ast.h"

namespace weft::syntax {

// Writes the AST as indented text with expressions in prefix form, for `--dump-ast`.
std::string DumpAst(const ast::File& file);

// Writes one rule in the form that DumpAst uses, for `weft explain --dump-ast`.
std::string DumpRule(const ast::MapDecl& rule);

}  // namespace weft::syntax
