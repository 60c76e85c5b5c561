#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <system_error>

#include "compiler/ir/ir.h"
#include "compiler/native/runtime_symbols.h"
#include "runtime/abi.h"

namespace weft::native {

// The part of the compiler that uses LLVM, built as the module libweft_jit.so so that a program
// that finds its rules in the cache never loads LLVM. Functions that it compiles stay valid as
// long as it lives.
class JitModule {
 public:
  virtual ~JitModule() = default;

  // Generates, optimizes and compiles `rule` as the function `function_name`, which must be new
  // to this module. With a cache directory, sets `object_key` to the key of the cache file that
  // contains the object code. Returns null with `error` set when LLVM fails, and throws
  // std::logic_error on a broken compiler invariant.
  virtual WeftRuleFunction Compile(const ir::Rule& rule, const std::string& function_name,
                                   std::string& object_key, std::string& error) = 0;

  // Returns the optimized LLVM IR of a rule as text, for `--dump-llvm`.
  virtual std::string DumpLlvm(const ir::Rule& rule) = 0;

  // How many functions the module compiled, and how many of them had object code in the cache.
  virtual int compiled_count() const = 0;
  virtual int cached_count() const = 0;
  // The OS error that kept an object from being written to the cache, or an empty error.
  virtual std::error_code cache_write_error() const = 0;
};

// The factory that libweft_jit.so exports as kCreateJitModuleSymbol. The generated code calls
// the functions of `symbols`, which must outlive the module. An empty `cache_directory` turns
// the cache off. Returns null with `error` set when LLVM cannot start.
using CreateJitModuleFunction = JitModule* (*)(const RuntimeSymbol* symbols, size_t symbol_count,
                                               const char* cache_directory, std::string* error);
inline constexpr char kCreateJitModuleSymbol[] = "weft_create_jit_module";

// The path of libweft_jit.so: next to the running program, else where the build put it.
std::string JitModulePath();

// Loads libweft_jit.so once per process and creates a JIT with the runtime's symbols. Returns
// null with `error` set when the module cannot be loaded or LLVM cannot start.
std::unique_ptr<JitModule> OpenJitModule(const std::string& cache_directory, std::string& error);

}  // namespace weft::native
