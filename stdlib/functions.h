#pragma once

// The implementations of the builtins that generated code calls. Each has the builtin convention
// of runtime/abi.h and returns a WeftCallStatus. Strings in results are views into an argument or
// copies in the record's arena. stdlib/builtins.cc documents what each function does.
#include <cstdint>

#include "runtime/abi.h"

extern "C" {

int32_t weft_trim(WeftContext* context, const WeftString* value, WeftString* result);
int32_t weft_upper(WeftContext* context, const WeftString* value, WeftString* result);
int32_t weft_lower(WeftContext* context, const WeftString* value, WeftString* result);
int32_t weft_title(WeftContext* context, const WeftString* value, WeftString* result);
int32_t weft_length(WeftContext* context, const WeftString* value, int64_t* result);
int32_t weft_substring(WeftContext* context, const WeftString* value, const int64_t* start,
                       const int64_t* length, WeftString* result);
int32_t weft_truncate(WeftContext* context, const WeftString* value, const int64_t* width,
                      WeftString* result);
// The pad functions reject the record when `width` is above text::kMaxPadWidth or the result
// would exceed the context's string limit.
int32_t weft_pad_left(WeftContext* context, const WeftString* value, const int64_t* width,
                      const WeftString* fill, WeftString* result);
int32_t weft_pad_right(WeftContext* context, const WeftString* value, const int64_t* width,
                       const WeftString* fill, WeftString* result);
// Rejects the record when the result would exceed the context's string limit.
int32_t weft_replace(WeftContext* context, const WeftString* value, const WeftString* from,
                     const WeftString* to, WeftString* result);
int32_t weft_contains(WeftContext* context, const WeftString* value, const WeftString* part,
                      uint8_t* result);
int32_t weft_starts_with(WeftContext* context, const WeftString* value, const WeftString* prefix,
                         uint8_t* result);
int32_t weft_ends_with(WeftContext* context, const WeftString* value, const WeftString* suffix,
                       uint8_t* result);
// `form` is the index of a text::NormalForm.
int32_t weft_normalize(WeftContext* context, const WeftString* value, const int64_t* form,
                       WeftString* result);
int32_t weft_ascii_fold(WeftContext* context, const WeftString* value, WeftString* result);
int32_t weft_digits_only(WeftContext* context, const WeftString* value, WeftString* result);

// `regex` is a `const re2::RE2*` that outlives the compiled rule.
int32_t weft_matches(WeftContext* context, const WeftString* value, const void* regex,
                     uint8_t* result);
// Returns kWeftCallAbsent when the regex does not match or its first group takes no part in the
// match.
int32_t weft_extract(WeftContext* context, const WeftString* value, const void* regex,
                     WeftString* result);
// `rewrite` is in RE2's rewrite syntax and names no group that the regex lacks. Rejects the
// record when the result exceeds the context's string limit.
int32_t weft_replace_regex(WeftContext* context, const WeftString* value, const void* regex,
                           const WeftString* rewrite, WeftString* result);

}  // extern "C"
