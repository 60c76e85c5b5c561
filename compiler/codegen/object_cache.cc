#include "compiler/codegen/object_cache.h"

#include <llvm/Config/llvm-config.h>
#include <llvm/IR/Module.h>
#include <llvm/Support/MemoryBuffer.h>
#include <llvm/Support/SHA256.h>
#include <llvm/Support/raw_ostream.h>
#include <llvm/TargetParser/Host.h>
#include <dlfcn.h>
#include <unistd.h>

#include <array>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>

namespace weft::codegen {
namespace {

// A cache file is the object code, then the SHA-256 of the object code, then this marker. A file
// cut short, overwritten or damaged on disk fails the check and is compiled again, because
// loading damaged object code can crash the process or change its results.
constexpr std::string_view kTrailerMarker = "WEFTOBJ1";
constexpr size_t kHashSize = 32;

std::array<uint8_t, kHashSize> HashOf(llvm::StringRef bytes) {
  return llvm::SHA256::hash(llvm::ArrayRef<uint8_t>(
      reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size()));
}

std::string Hex(llvm::ArrayRef<uint8_t> bytes) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string text;
  for (uint8_t byte : bytes) {
    text += kDigits[byte >> 4];
    text += kDigits[byte & 15];
  }
  return text;
}

// The file that contains this code: libweft.so in a host that loads the shared library, else
// the running program. dladdr names the main program by its argv[0], which may be relative to
// another folder, so only an absolute path that exists is taken.
std::filesystem::path CompilerFile(std::error_code& error) {
  Dl_info info;
  if (dladdr(reinterpret_cast<const void*>(&CacheKey), &info) != 0 && info.dli_fname != nullptr) {
    std::filesystem::path file(info.dli_fname);
    if (file.is_absolute() && std::filesystem::is_regular_file(file, error)) return file;
  }
  return std::filesystem::read_symlink("/proc/self/exe", error);
}

// The size and modification time of the file that contains the compiler. A rebuild of the
// compiler changes them, so objects cached by an older build of the same version are never
// loaded: the generated code or the slot layout it relies on may have changed without a new
// version number.
std::string ProgramIdentity() {
  static const std::string identity = [] {
    std::error_code error;
    std::filesystem::path program = CompilerFile(error);
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

bool DiskObjectCache::Has(const std::string& key) const { return Load(key) != nullptr; }

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
    std::array<uint8_t, kHashSize> hash = HashOf(object.getBuffer());
    out.write(reinterpret_cast<const char*>(hash.data()), kHashSize);
    out.write(kTrailerMarker.data(), static_cast<std::streamsize>(kTrailerMarker.size()));
    if (!out) {
      std::filesystem::remove(temporary, error);
      return;
    }
  }
  std::filesystem::rename(temporary, path, error);
  if (error) std::filesystem::remove(temporary, error);
}

std::unique_ptr<llvm::MemoryBuffer> DiskObjectCache::getObject(const llvm::Module* module) {
  return Load(module->getModuleIdentifier());
}

std::unique_ptr<llvm::MemoryBuffer> DiskObjectCache::Load(const std::string& key) const {
  auto buffer = llvm::MemoryBuffer::getFile(PathOf(key));
  if (!buffer) return nullptr;
  llvm::StringRef file = (*buffer)->getBuffer();
  size_t trailer = kHashSize + kTrailerMarker.size();
  if (file.size() <= trailer || !file.ends_with(kTrailerMarker)) return nullptr;
  llvm::StringRef object = file.take_front(file.size() - trailer);
  std::array<uint8_t, kHashSize> hash = HashOf(object);
  if (std::memcmp(hash.data(), file.data() + object.size(), kHashSize) != 0) return nullptr;
  return llvm::MemoryBuffer::getMemBufferCopy(object, key);
}

}  // namespace weft::codegen
