#include "compiler/native/jit_module.h"

#include <dlfcn.h>

#include <filesystem>
#include <mutex>

namespace weft::native {
namespace {

constexpr char kJitModuleFile[] = "libweft_jit.so";

// Loads the module and finds its factory. The module stays loaded until the process ends,
// because code that it compiled may run until then.
CreateJitModuleFunction LoadFactory(std::string& error) {
  static std::once_flag once;
  static CreateJitModuleFunction factory = nullptr;
  static std::string load_error;
  std::call_once(once, [] {
    std::string path = JitModulePath();
    void* handle = dlopen(path.c_str(), RTLD_LAZY | RTLD_LOCAL);
    if (handle == nullptr) {
      const char* reason = dlerror();
      load_error = "cannot load " + path + ": " + (reason != nullptr ? reason : "unknown error");
      return;
    }
    factory = reinterpret_cast<CreateJitModuleFunction>(dlsym(handle, kCreateJitModuleSymbol));
    if (factory == nullptr)
      load_error = path + " does not define " + std::string(kCreateJitModuleSymbol);
  });
  if (factory == nullptr) error = load_error;
  return factory;
}

}  // namespace

std::string JitModulePath() {
  static const std::string path = [] {
    std::error_code error;
    std::filesystem::path program = std::filesystem::read_symlink("/proc/self/exe", error);
    if (!error) {
      std::filesystem::path beside = program.parent_path() / kJitModuleFile;
      if (std::filesystem::is_regular_file(beside, error)) return beside.string();
    }
    return std::string(WEFT_JIT_MODULE_BUILD_PATH);
  }();
  return path;
}

std::unique_ptr<JitModule> OpenJitModule(const std::string& cache_directory, std::string& error) {
  CreateJitModuleFunction factory = LoadFactory(error);
  if (factory == nullptr) return nullptr;
  const std::vector<RuntimeSymbol>& symbols = RuntimeSymbols();
  return std::unique_ptr<JitModule>(
      factory(symbols.data(), symbols.size(), cache_directory.c_str(), &error));
}

}  // namespace weft::native
