// The entry point of libweft_jit.so, which the weft program loads with dlopen only when a rule
// must be compiled (native::OpenJitModule).
#include "compiler/codegen/jit.h"
#include "compiler/native/jit_module.h"

namespace weft::codegen {
namespace {

class JitModuleImpl final : public native::JitModule {
 public:
  explicit JitModuleImpl(std::unique_ptr<Jit> jit) : jit_(std::move(jit)) {}

  WeftRuleFunction Compile(const ir::Rule& rule, const std::string& function_name,
                           std::string& object_key, std::string& error) override {
    auto function = jit_->Compile(rule, function_name, object_key);
    if (function) return *function;
    error = llvm::toString(function.takeError());
    return nullptr;
  }

  std::string DumpLlvm(const ir::Rule& rule) override { return Jit::DumpLlvm(rule); }
  int compiled_count() const override { return jit_->compiled_count(); }
  int cached_count() const override { return jit_->cached_count(); }
  std::error_code cache_write_error() const override { return jit_->cache_write_error(); }

 private:
  std::unique_ptr<Jit> jit_;
};

}  // namespace
}  // namespace weft::codegen

static_assert(std::string_view(weft::native::kCreateJitModuleSymbol) == "weft_create_jit_module");

extern "C" __attribute__((visibility("default"))) weft::native::JitModule* weft_create_jit_module(
    const weft::native::RuntimeSymbol* symbols, size_t symbol_count, const char* cache_directory,
    std::string* error) {
  auto jit = weft::codegen::Jit::Create(cache_directory, {symbols, symbol_count});
  if (!jit) {
    *error = "cannot start the JIT: " + llvm::toString(jit.takeError());
    return nullptr;
  }
  return new weft::codegen::JitModuleImpl(std::move(*jit));
}
