#include "stdlib/builtins.h"

#include <string>

#include "runtime/abi.h"

namespace weft::stdlib {

using schema::TypeKind;

const std::vector<Builtin>& Builtins() {
  static const std::vector<Builtin> kBuiltins = {
      {BuiltinId::Trim,
       "trim",
       {TypeKind::String},
       TypeKind::String,
       Typing::Fixed,
       false,
       "Removes leading and trailing ASCII whitespace (space, tab, CR, LF, FF, VT).",
       R"("  Acme Corp ".trim() == "Acme Corp")",
       "weft_trim",
       reinterpret_cast<void*>(&weft_trim)},
      {BuiltinId::Round,
       "round",
       {TypeKind::Decimal, TypeKind::Int},
       TypeKind::Decimal,
       Typing::RoundToScale,
       true,
       "Rounds to the given number of decimal places, half away from zero. The places must be a "
       "constant "
       "from 0 to 38. Rejects the record when the result does not fit 38 digits.",
       "round(2.345, 2) == 2.35",
       nullptr,
       nullptr},
      {BuiltinId::ToDecimal,
       "decimal",
       {TypeKind::Int},
       TypeKind::Decimal,
       Typing::IntToDecimal,
       false,
       "Converts an integer to a decimal with no decimal places; exact for every 64-bit integer.",
       "decimal(42) * 0.5 == 21.0",
       nullptr,
       nullptr},
  };
  return kBuiltins;
}

const Builtin* FindBuiltin(std::string_view name) {
  for (const Builtin& builtin : Builtins()) {
    if (builtin.name == name) return &builtin;
  }
  return nullptr;
}

std::vector<std::string> BuiltinNames() {
  std::vector<std::string> names;
  for (const Builtin& builtin : Builtins()) names.emplace_back(builtin.name);
  return names;
}

}  // namespace weft::stdlib
