#include "compiler/codegen/object_cache.h"

#include <llvm/Config/llvm-config.h>
#include <llvm/IR/Module.h>
#include <llvm/Support/MemoryBuffer.h>
#include <llvm/Support/SHA256.h>
#include <llvm/Support/raw_ostream.h>
#include <llvm/TargetParser/Host.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>

namespace weft::codegen {
namespace {

std::string Hex(llvm::ArrayRef<uint8_t> bytes) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string text;
  for (uint8_t byte : bytes) {
    text += kDigits[byte >> 4];
    text += kDigits[byte & 15];
  }
  return text;
}

// The size and modification time of the running program. A rebuild of the compiler changes them,
// so objects cached by an older build of the same version are never loaded: the generated code
// or the slot layout it relies on may have changed without a new version number.
std::string ProgramIdentity() {
  static const std::string identity = [] {
    std::error_code error;
    std::filesystem::path program = std::filesystem::read_symlink("/proc/self/exe", error);
    if (error) return std::string("unknown");
    auto size = std::filesystem::file_size(program, error);
    if (error) return std::string("unknown");
    auto time = std::filesystem::last_write_time(program, error);
    if (error) return std::string("unknown");
    return program.string() + " " + std::to_string(size) + " " +
           std::to_string(time.time_since_epoch().count());
  }();
  return identity;
}

}  // namespace

std::string CacheKey(const llvm::Module& module) {
  std::string text;
  llvm::raw_string_ostream stream(text);
  module.print(stream, nullptr);
  stream.flush();
  llvm::SHA256 hash;
  hash.update("weft " WEFT_VERSION "\nllvm " LLVM_VERSION_STRING "\ncpu ");
  hash.update(llvm::sys::getHostCPUName());
  hash.update("\nprogram ");
  hash.update(ProgramIdentity());
  hash.update("\n");
  hash.update(text);
  return Hex(hash.final());
}

std::string DefaultCacheDirectory() {
  if (const char* explicit_directory = std::getenv("WEFT_CACHE_DIR")) return explicit_directory;
  if (const char* xdg = std::getenv("XDG_CACHE_HOME"); xdg != nullptr && *xdg != '\0')
    return std::string(xdg) + "/weft";
  if (const char* home = std::getenv("HOME"); home != nullptr && *home != '\0')
    return std::string(home) + "/.cache/weft";
  return "";
}

std::string DiskObjectCache::PathOf(const std::string& key) const {
  return directory_ + "/" + key + ".o";
}

bool DiskObjectCache::Has(const std::string& key) const {
  std::error_code error;
  return std::filesystem::is_regular_file(PathOf(key), error);
}

void DiskObjectCache::notifyObjectCompiled(const llvm::Module* module,
                                           llvm::MemoryBufferRef object) {
  // A cache that cannot be written only costs time later, so failures are ignored.
  std::error_code error;
  std::filesystem::create_directories(directory_, error);
  if (error) return;
  std::string path = PathOf(module->getModuleIdentifier());
  std::string temporary = path + ".tmp" + std::to_string(::getpid());
  {
    std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
    out.write(object.getBufferStart(), static_cast<std::streamsize>(object.getBufferSize()));
    if (!out) {
      std::filesystem::remove(temporary, error);
      return;
    }
  }
  std::filesystem::rename(temporary, path, error);
  if (error) std::filesystem::remove(temporary, error);
}

std::unique_ptr<llvm::MemoryBuffer> DiskObjectCache::getObject(const llvm::Module* module) {
  auto buffer = llvm::MemoryBuffer::getFile(PathOf(module->getModuleIdentifier()));
  if (!buffer) return nullptr;
  // Anything but an ELF object, such as a file cut short by a full disk, is compiled again.
  if (!(*buffer)->getBuffer().starts_with("\x7f" "ELF")) return nullptr;
  return std::move(*buffer);
}

}  // namespace weft::codegen
