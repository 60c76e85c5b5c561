#pragma once

#include <memory>
#include <string>

#include "compiler/ir/ir.h"
#include "compiler/native/symbol_names.h"

namespace llvm {
class LLVMContext;
class Module;
}  // namespace llvm

namespace weft::codegen {

// Builds an LLVM module that defines `function_name` with the WeftRuleFunction signature
// (runtime/abi.h). The module declares the runtime helpers it calls; the JIT resolves them.
// Throws std::logic_error if the generated function fails LLVM's verifier, which is a compiler bug.
std::unique_ptr<llvm::Module> GenerateModule(const ir::Rule& rule, const std::string& function_name,
                                             llvm::LLVMContext& context);

using native::RegexSymbol;
using native::TableSymbol;

// The position of `table` in rule.tables; throws std::logic_error when it is not there.
size_t TableIndex(const ir::Rule& rule, const runtime::ValueTable* table);
// The same for the compiled regexes of rule.regexes.
size_t RegexIndex(const ir::Rule& rule, const re2::RE2* regex);

}  // namespace weft::codegen
