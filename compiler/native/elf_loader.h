#pragma once

#include <cstddef>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <string_view>

namespace weft::native {

// Returns the address of an external symbol that object code uses, or null when it is unknown.
using SymbolResolver = std::function<void*(const std::string& name)>;

// ELF64 x86-64 relocatable object code mapped into this process and relocated. Its code is
// read-only and executable, its constant data read-only, and its .eh_frame registered with the
// unwinder, all until the object is destroyed.
class LoadedObject {
 public:
  ~LoadedObject();
  LoadedObject(const LoadedObject&) = delete;
  LoadedObject& operator=(const LoadedObject&) = delete;

  // Returns the address of a global symbol that the object defines, or null.
  void* FindSymbol(const std::string& name) const;

 private:
  friend class ObjectLinker;
  LoadedObject() = default;

  void* memory_ = nullptr;
  size_t size_ = 0;
  const void* eh_frame_ = nullptr;
  std::map<std::string, void*, std::less<>> symbols_;
};

// Loads an ELF64 x86-64 relocatable object, as LLVM emits for a rule, and resolves its undefined
// symbols with `resolve`. Returns null with `error` set when the object is malformed or uses a
// section, symbol or relocation type that this loader does not handle, so that the caller can
// fall back to LLVM. The object's bytes must already have passed the cache file's check.
std::unique_ptr<LoadedObject> LoadObject(std::string_view object, const SymbolResolver& resolve,
                                         std::string& error);

}  // namespace weft::native
