#include "compiler/codegen/object_cache.h"

#include <llvm/Config/llvm-config.h>
#include <llvm/IR/Module.h>
#include <llvm/Support/MemoryBuffer.h>
#include <llvm/Support/raw_ostream.h>
#include <llvm/TargetParser/Host.h>

#include "compiler/native/cache_files.h"
#include "stdlib/digest.h"

namespace weft::codegen {

// The build of the file that contains the code generator (libweft_jit.so, libweft.so or the
// running program) is part of the key, by its build-id (native::IdentityOfFileContaining). A
// rebuild of the compiler changes it, so objects cached by an older build of the same version
// are never loaded. The generated code or the slot layout it relies on may have changed without
// a new version number.
std::string CacheKey(const llvm::Module& module) {
  static const std::string program =
      native::IdentityOfFileContaining(reinterpret_cast<const void*>(&CacheKey));
  std::string text;
  llvm::raw_string_ostream stream(text);
  module.print(stream, nullptr);
  stream.flush();
  digest::Sha256 hash;
  hash.Update("weft " WEFT_VERSION "\nllvm " LLVM_VERSION_STRING "\ncpu ");
  hash.Update(llvm::sys::getHostCPUName());
  hash.Update("\nprogram ");
  hash.Update(program);
  hash.Update("\n");
  hash.Update(text);
  return digest::Hex(hash.Final());
}

std::string DiskObjectCache::PathOf(const std::string& key) const {
  return directory_ + "/" + key + ".o";
}

bool DiskObjectCache::Has(const std::string& key) const { return Load(key) != nullptr; }

void DiskObjectCache::notifyObjectCompiled(const llvm::Module* module,
                                           llvm::MemoryBufferRef object) {
  // A cache that cannot be written only costs time later, so compiling goes on. The error is
  // kept for the caller to report.
  std::error_code error;
  bool written = native::WriteCheckedFile(
      PathOf(module->getModuleIdentifier()),
      std::string_view(object.getBufferStart(), object.getBufferSize()), error);
  if (!written && !write_error_) write_error_ = error;
}

std::unique_ptr<llvm::MemoryBuffer> DiskObjectCache::getObject(const llvm::Module* module) {
  return Load(module->getModuleIdentifier());
}

std::unique_ptr<llvm::MemoryBuffer> DiskObjectCache::Load(const std::string& key) const {
  std::optional<std::string> object = native::ReadCheckedFile(PathOf(key));
  if (!object) return nullptr;
  return llvm::MemoryBuffer::getMemBufferCopy(*object, key);
}

}  // namespace weft::codegen
