#pragma once

#include <memory>

#include "compiler/diagnostics/diagnostics.h"
#include "compiler/syntax/ast.h"

namespace weft::syntax {

// The default bound on bracket nesting: `(`, `[`, `{` and string interpolations inside each other.
constexpr int kDefaultMaxNesting = 128;
// The largest bracket nesting that may be allowed, because the parser and the AST builder use
// stack in proportion to nesting. NOTE: 255 levels of `(` and of calls parse in a release build;
// the margin under sanitizers, whose stack frames are larger, is not measured.
constexpr int kMaxNestingCeiling = 256;

// Parses one loaded file into an AST. Syntax errors are reported to `diagnostics`, several per
// file, and the returned tree then contains what could be recovered. Bad input does not throw:
// ANTLR's exceptions and the nesting limits end in diagnostics. Brackets that nest deeper than
// `max_nesting`, at most kMaxNestingCeiling, are reported as NestingTooDeep.
std::unique_ptr<ast::File> Parse(FileId file, DiagnosticEngine& diagnostics,
                                 int max_nesting = kDefaultMaxNesting);

}  // namespace weft::syntax
