#include "compiler/native/runtime_symbols.h"

#include <algorithm>
#include <cstring>

#include "runtime/abi.h"
#include "stdlib/builtins.h"
#include "stdlib/date_functions.h"
#include "stdlib/list_functions.h"

namespace weft::native {
namespace {

void* Address(auto* function) { return reinterpret_cast<void*>(function); }

std::vector<RuntimeSymbol> CollectRuntimeSymbols() {
  std::vector<RuntimeSymbol> symbols = {
      {"weft_concat", Address(&weft_concat)},
      {"weft_allocate_slots", Address(&weft_allocate_slots)},
      {"weft_enter_item", Address(&weft_enter_item)},
      {"weft_sort_by", Address(&weft_sort_by)},
      {"weft_distinct", Address(&weft_distinct)},
      {"weft_list_extreme", Address(&weft_list_extreme)},
      {"weft_group_sum", Address(&weft_group_sum)},
      {"weft_int_to_string", Address(&weft_int_to_string)},
      {"weft_decimal_to_string", Address(&weft_decimal_to_string)},
      {"weft_datetime_text", Address(&weft_datetime_text)},
      {"weft_string_compare", Address(&weft_string_compare)},
      {"weft_decimal_add", Address(&weft_decimal_add)},
      {"weft_decimal_subtract", Address(&weft_decimal_subtract)},
      {"weft_decimal_multiply", Address(&weft_decimal_multiply)},
      {"weft_decimal_rescale", Address(&weft_decimal_rescale)},
      {"weft_decimal_round", Address(&weft_decimal_round)},
      {"weft_decimal_rescale_exact", Address(&weft_decimal_rescale_exact)},
      {"weft_decimal_add_scaled", Address(&weft_decimal_add_scaled)},
      {"weft_decimal_subtract_scaled", Address(&weft_decimal_subtract_scaled)},
      {"weft_decimal_multiply_scaled", Address(&weft_decimal_multiply_scaled)},
      {"weft_decimal_divide", Address(&weft_decimal_divide)},
      {"weft_decimal_divide_scaled", Address(&weft_decimal_divide_scaled)},
      {"weft_decimal_remainder_scaled", Address(&weft_decimal_remainder_scaled)},
      {"weft_reject_places", Address(&weft_reject_places)},
      {"weft_table_lookup_string", Address(&weft_table_lookup_string)},
      {"weft_float_to_string", Address(&weft_float_to_string)},
      {"weft_reject_float", Address(&weft_reject_float)},
      {"weft_table_lookup_int", Address(&weft_table_lookup_int)},
      {"weft_decimal_compare", Address(&weft_decimal_compare)},
      {"weft_decimal_fits", Address(&weft_decimal_fits)},
      {"weft_reject", Address(&weft_reject)},
      {"weft_reject_overflow", Address(&weft_reject_overflow)},
      {"weft_reject_precision", Address(&weft_reject_precision)},
      {"weft_reject_division_by_zero", Address(&weft_reject_division_by_zero)},
      {"weft_reject_at", Address(&weft_reject_at)},
      {"weft_epoch_seconds", Address(&weft_epoch_seconds)},
      {"weft_seconds_of_day", Address(&weft_seconds_of_day)},
  };
  for (const stdlib::Builtin& builtin : stdlib::Builtins()) {
    if (builtin.implementation != nullptr)
      symbols.push_back({builtin.symbol, reinterpret_cast<void*>(builtin.implementation)});
  }
  std::sort(symbols.begin(), symbols.end(), [](const RuntimeSymbol& a, const RuntimeSymbol& b) {
    return std::strcmp(a.name, b.name) < 0;
  });
  return symbols;
}

}  // namespace

const std::vector<RuntimeSymbol>& RuntimeSymbols() {
  static const std::vector<RuntimeSymbol> symbols = CollectRuntimeSymbols();
  return symbols;
}

void* FindRuntimeSymbol(const std::string& name) {
  const std::vector<RuntimeSymbol>& symbols = RuntimeSymbols();
  auto found = std::lower_bound(symbols.begin(), symbols.end(), name,
                                [](const RuntimeSymbol& symbol, const std::string& key) {
                                  return key.compare(symbol.name) > 0;
                                });
  if (found == symbols.end() || name != found->name) return nullptr;
  return found->address;
}

}  // namespace weft::native
