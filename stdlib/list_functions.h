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

}  // extern "C"
