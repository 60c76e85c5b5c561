#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace weft::native {

// A function of the runtime that generated code calls, by the name that the code uses.
struct RuntimeSymbol {
  const char* name;
  void* address;
};

// The runtime helpers and the implemented builtins, which both the JIT and the object loader
// resolve generated code against.
const std::vector<RuntimeSymbol>& RuntimeSymbols();

// Returns the address of the runtime function `name`, or null when there is none.
void* FindRuntimeSymbol(const std::string& name);

}  // namespace weft::native
