#pragma once

#include <llvm/ExecutionEngine/Orc/LLJIT.h>
#include <llvm/Support/Error.h>

#include <memory>
#include <span>
#include <string>

#include "compiler/codegen/object_cache.h"
#include "compiler/ir/ir.h"
#include "compiler/native/runtime_symbols.h"
#include "runtime/abi.h"
#include "runtime/executor.h"

namespace weft::codegen {

// Compiles rules to native code with ORC LLJIT. The compiled functions stay valid as long as
// the Jit lives.
class Jit {
 public:
  // With a `cache_directory`, compiled object code is kept there and reused by later processes
  // that compile the same rule; see DiskObjectCache. Generated code calls the runtime's
  // functions (native::RuntimeSymbols).
  static llvm::Expected<std::unique_ptr<Jit>> Create(const std::string& cache_directory = "");
  // The same with the functions that generated code calls given, which must outlive the Jit.
  // libweft_jit.so uses this form, so that the module contains no copy of the runtime.
  static llvm::Expected<std::unique_ptr<Jit>> Create(
      const std::string& cache_directory, std::span<const native::RuntimeSymbol> symbols);

  // Generates, optimizes and compiles one rule, and returns its entry point.
  llvm::Expected<WeftRuleFunction> Compile(const ir::Rule& rule);
  // The same under the name `function_name`, which must be new to this Jit. With a cache, sets
  // `object_key` to the key under which DiskObjectCache keeps the object code.
  llvm::Expected<WeftRuleFunction> Compile(const ir::Rule& rule, const std::string& function_name,
                                           std::string& object_key);

  // Lowers and compiles a checked rule with everything the executor needs: the rule function,
  // its `when` alone as a second function, and which source fields each reads. Throws
  // std::logic_error on a broken compiler invariant, as the lowering does.
  llvm::Expected<runtime::CompiledRule> CompileForRun(const check::CheckedProgram& program,
                                                      const check::CheckedRule& rule);

  // The functions compiled so far, and how many of them had object code in the cache. A cached
  // file that fails its check is counted too, although it is compiled again.
  int compiled_count() const { return compiled_count_; }
  int cached_count() const { return cached_count_; }
  // The OS error that kept an object from being written to the cache, or an empty error.
  std::error_code cache_write_error() const {
    return cache_ != nullptr ? cache_->write_error() : std::error_code();
  }

  // Returns the optimized LLVM IR of a rule as text, for `--dump-llvm`.
  static std::string DumpLlvm(const ir::Rule& rule);

 private:
  Jit(std::unique_ptr<llvm::orc::LLJIT> jit, std::shared_ptr<DiskObjectCache> cache)
      : jit_(std::move(jit)), cache_(std::move(cache)) {}

  std::unique_ptr<llvm::orc::LLJIT> jit_;
  std::shared_ptr<DiskObjectCache> cache_;
  int compiled_count_ = 0;
  int cached_count_ = 0;
};

}  // namespace weft::codegen
