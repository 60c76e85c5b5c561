#pragma once

#include <string_view>
#include <vector>

#include "compiler/schema/types.h"

// The one table of builtin functions. The checker takes their signatures from it, the JIT
// registers their implementations from it, and the reference documentation is written from it.
namespace weft::stdlib {

enum class BuiltinId { Trim, Round, ToDecimal };

// The rule by which the checker derives a call's result type beyond the fixed kinds.
enum class Typing {
  // The result is exactly `result`.
  Fixed,
  // The result is a decimal whose scale is the constant second argument.
  RoundToScale,
  // The result is decimal(19, 0), which can represent every 64-bit integer.
  IntToDecimal,
};

struct Builtin {
  BuiltinId id;
  std::string_view name;
  std::vector<schema::TypeKind> parameters;
  schema::TypeKind result;
  Typing typing;
  // True when a call can reject the record at run time.
  bool fallible;
  std::string_view summary;
  std::string_view example;
  // The runtime function that implements a call, registered with the JIT under `symbol`, or
  // null for a builtin that the IR lowering turns into operations (round, decimal). Such a
  // function has the BuiltinFunction convention of runtime/abi.h.
  const char* symbol;
  void* implementation;
};

const std::vector<Builtin>& Builtins();
// Returns nullptr when no builtin has that name.
const Builtin* FindBuiltin(std::string_view name);
std::vector<std::string> BuiltinNames();

}  // namespace weft::stdlib
