#pragma once

// The parts of the table of builtins that live in files of their own, one per family, and the
// helpers that write their entries. Not part of the stdlib's interface.
#include <string_view>
#include <vector>

#include "stdlib/builtins.h"

namespace weft::stdlib::internal {

inline Parameter Text(std::string_view name, Argument argument = Argument::Value) {
  return {name, schema::Type::String(), argument};
}

inline Parameter Integer(std::string_view name) { return {name, schema::Type::Int()}; }

inline void* Address(auto* function) { return reinterpret_cast<void*>(function); }

// The number and money families, in stdlib/number_builtins.cc.
std::vector<Builtin> RoundingBuiltins();
std::vector<Builtin> ConversionBuiltins();
std::vector<Builtin> MoneyBuiltins();

// The date family, in stdlib/date_builtins.cc and, for the builtins with patterns,
// stdlib/date_pattern_builtins.cc.
std::vector<Builtin> DateBuiltins();
std::vector<Builtin> DatePatternBuiltins();
// The policies for a local time in an overlap and in a gap, of `from_local` and `parse_datetime`.
Parameter OverlapPolicy();
Parameter GapPolicy();

// The list family, in stdlib/list_builtins.cc.
std::vector<Builtin> ListBuiltins();

// The id and privacy family, in stdlib/id_builtins.cc.
std::vector<Builtin> IdBuiltins();

}  // namespace weft::stdlib::internal
