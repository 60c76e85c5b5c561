#pragma once

// The implementations of the id and privacy builtins, with the builtin convention of
// runtime/abi.h. Results are copies in the record's arena, or constants. stdlib/id_builtins.cc
// documents them.
#include <cstdint>

#include "runtime/abi.h"

extern "C" {

int32_t weft_hash_hex(WeftContext* context, const WeftString* value, const int64_t* algorithm,
                      WeftString* result);
// Rejects the record when the namespace is not a UUID.
int32_t weft_uuid_v5(WeftContext* context, const WeftString* name_space, const WeftString* name,
                     WeftString* result);
// Rejects the record when `keep_last` is negative.
int32_t weft_mask(WeftContext* context, const WeftString* value, const int64_t* keep_last,
                  WeftString* result);
int32_t weft_redact(WeftContext* context, const WeftString* value, WeftString* result);

}  // extern "C"
