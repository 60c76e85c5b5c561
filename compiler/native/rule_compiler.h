#pragma once

#include <memory>
#include <string>
#include <system_error>
#include <vector>

#include "compiler/check/check.h"
#include "compiler/native/elf_loader.h"
#include "compiler/native/jit_module.h"
#include "runtime/executor.h"

namespace weft::native {

struct RuleCompilerOptions {
  // The directory of compiled object code and of the entries that find it, or empty for none.
  std::string cache_directory;
  // The ProgramDigest of the program whose rules are compiled, part of every cache key.
  std::string program_digest;
};

// Compiles checked rules to native code, loading it from the cache without LLVM when it can.
// Each function of a rule has an entry in the cache under a key computed without LLVM
// (FunctionCacheKey), which names the object file and the symbol to run. Only a function that
// has no entry, or whose object this process cannot load, loads libweft_jit.so to compile it.
// Compiled functions stay valid as long as the compiler lives.
class RuleCompiler {
 public:
  explicit RuleCompiler(RuleCompilerOptions options);
  ~RuleCompiler();

  // Lowers and compiles a checked rule with everything the executor needs: the rule function,
  // its `when` alone as a second function, and which source fields each reads. Returns false
  // with `error` set when the rule cannot be compiled, and throws std::logic_error on a broken
  // compiler invariant, as the lowering does.
  bool CompileForRun(const check::CheckedProgram& program, const check::CheckedRule& rule,
                     runtime::CompiledRule& compiled, std::string& error);

  // The functions compiled so far, and how many of them came from the cache, whether loaded
  // without LLVM or by the JIT.
  int compiled_count() const { return compiled_count_; }
  int cached_count() const { return cached_count_ + (jit_ != nullptr ? jit_->cached_count() : 0); }
  // Whether libweft_jit.so, and with it LLVM, has been loaded.
  bool jit_loaded() const { return jit_ != nullptr; }
  // Why cached object code was compiled again, one entry per function, for --verbose.
  const std::vector<std::string>& cache_misses() const { return cache_misses_; }
  // The cache directory, empty for none.
  const std::string& cache_directory() const { return options_.cache_directory; }
  // The OS error that kept an entry or an object from being written to the cache, or an empty
  // error. The functions are compiled all the same, but later processes compile them again.
  std::error_code cache_write_error() const;

 private:
  WeftRuleFunction CompileFunction(const ir::Rule& rule, const std::string& key,
                                   std::string& error);
  WeftRuleFunction LoadCached(const ir::Rule& rule, const std::string& key);
  void RememberEntry(const std::string& key, const std::string& object_key,
                     const std::string& function_name);

  RuleCompilerOptions options_;
  std::vector<std::unique_ptr<LoadedObject>> objects_;
  std::unique_ptr<JitModule> jit_;
  std::vector<std::string> cache_misses_;
  std::error_code entry_write_error_;
  int compiled_count_ = 0;
  int cached_count_ = 0;
};

}  // namespace weft::native
