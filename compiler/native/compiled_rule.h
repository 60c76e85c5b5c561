#pragma once

#include <functional>
#include <string_view>

#include "compiler/check/check.h"
#include "compiler/ir/ir.h"
#include "runtime/executor.h"

namespace weft::native {

// Compiles one function of a lowered rule: `function` is "body" for the whole rule or
// "condition" for its `when` alone. Returns null when the function cannot be compiled.
using FunctionCompiler =
    std::function<WeftRuleFunction(const ir::Rule& lowered, std::string_view function)>;

// Compiles the functions of `lowered`, the lowering of `rule`, with `compile`, and fills
// `compiled` with them and with everything else the executor needs: which source fields each
// function reads, the tables and the regexes. Returns false as soon as `compile` fails.
bool CompileLoweredRule(const check::CheckedRule& rule, ir::Rule lowered,
                        const FunctionCompiler& compile, runtime::CompiledRule& compiled);

}  // namespace weft::native
