#include "compiler/codegen/jit.h"
#include "compiler/native/compiled_rule.h"

namespace weft::codegen {

// The parts of the Jit that only programs linking LLVM use, kept apart from jit.cc so that
// libweft_jit.so, which the weft program gives the runtime's functions and lowered rules, links
// no copy of the runtime or of the lowering.
llvm::Expected<std::unique_ptr<Jit>> Jit::Create(const std::string& cache_directory) {
  return Create(cache_directory, native::RuntimeSymbols());
}

llvm::Expected<runtime::CompiledRule> Jit::CompileForRun(const check::CheckedProgram& program,
                                                         const check::CheckedRule& rule) {
  std::string error;
  auto compile = [&](const ir::Rule& lowered, std::string_view) -> WeftRuleFunction {
    auto function = Compile(lowered);
    if (function) return *function;
    error = llvm::toString(function.takeError());
    return nullptr;
  };
  runtime::CompiledRule compiled;
  if (!native::CompileLoweredRule(rule, ir::Lower(program, rule), compile, compiled))
    return llvm::createStringError(llvm::inconvertibleErrorCode(), error);
  return compiled;
}

}  // namespace weft::codegen
