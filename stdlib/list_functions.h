#pragma once

// The implementations of the list builtins that are runtime calls, with the builtin convention
// of runtime/abi.h. A list argument is a pointer to its WeftList. stdlib/list_builtins.cc
// documents them.
#include <cstdint>

#include "runtime/abi.h"

extern "C" {

// Rejects the record when the result would be longer than the context's string limit.
int32_t weft_join(WeftContext* context, const WeftList* items, const WeftString* separator,
                  WeftString* result);
// An empty separator splits between code points. The parts are views of `value`.
int32_t weft_split(WeftContext* context, const WeftString* value, const WeftString* separator,
                   WeftList* result);

// The kinds of keys and items that the sorting and grouping helpers compare. Enums and dates are
// strings: an ISO 8601 date sorts by its text.
enum WeftItemKind : int32_t {
  kWeftItemString = 0,
  kWeftItemInt = 1,
  kWeftItemDecimal = 2,
  kWeftItemBool = 3,
};

// The helpers below take `scale`, the places of decimal keys or items, or -1 when each slot
// carries its own. They are called by generated code directly, not through the builtin table.

// Writes the items in the order of `keys` (one per item), stable, with absent keys last.
void weft_sort_by(WeftContext* context, const WeftList* items, const WeftSlot* keys, int32_t kind,
                  int32_t scale, WeftList* result);
// Copies the smallest present item, or the largest when `largest` is 1, into `result`. Returns
// kWeftCallAbsent when no item is present, and kWeftCallDone otherwise.
int32_t weft_list_extreme(const WeftList* items, int32_t kind, int32_t scale, int32_t largest,
                          WeftSlot* result);
// Writes the first of each set of equal items, in their order.
void weft_distinct(WeftContext* context, const WeftList* items, int32_t kind, int32_t scale,
                   WeftList* result);
// Writes one {key, total} record per distinct key, in order of first appearance, with the total
// of `values` (ints, or decimals of one fixed scale). Rejects the record on overflow.
int32_t weft_group_sum(WeftContext* context, const WeftSlot* keys, const WeftSlot* values,
                       int64_t count, int32_t key_kind, int32_t key_scale, int32_t value_kind,
                       WeftList* result);

}  // extern "C"
