#pragma once

#include <memory>
#include <string>

#include "compiler/ir/ir.h"

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

}  // namespace weft::codegen
