#pragma once

#include <llvm/ExecutionEngine/ObjectCache.h>

#include <string>
#include <system_error>

namespace llvm {
class Module;
}

namespace weft::codegen {

// Keeps compiled object code in a directory, one file per module, so that a rule compiled once
// loads in a few milliseconds in later processes. Each file carries a SHA-256 of its object
// code (native::WriteCheckedFile), and a file that fails the check is compiled again and
// replaced. A module's identifier must be its cache key (see CacheKey).
class DiskObjectCache : public llvm::ObjectCache {
 public:
  explicit DiskObjectCache(std::string directory) : directory_(std::move(directory)) {}

  void notifyObjectCompiled(const llvm::Module* module, llvm::MemoryBufferRef object) override;
  std::unique_ptr<llvm::MemoryBuffer> getObject(const llvm::Module* module) override;
  // True when the directory has an object for `key` that passes its check. A damaged file
  // counts as absent, so that the module is optimized before it is compiled again.
  bool Has(const std::string& key) const;
  // The OS error that kept the first object from being written, or an empty error.
  std::error_code write_error() const { return write_error_; }

 private:
  // Returns the object code for `key`, or null when there is none or its check fails.
  std::unique_ptr<llvm::MemoryBuffer> Load(const std::string& key) const;
  std::string PathOf(const std::string& key) const;
  std::string directory_;
  std::error_code write_error_;
};

// The cache key of a module before optimization: a SHA-256 of its IR text together with the
// compiler's version, LLVM's version, the host CPU and the build of the file that contains the
// code generator, which all decide the object code.
std::string CacheKey(const llvm::Module& module);

}  // namespace weft::codegen
