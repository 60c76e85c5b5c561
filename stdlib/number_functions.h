#pragma once

// The implementations of the number and money builtins that generated code calls, with the
// builtin convention of runtime/abi.h. The `try_` forms return kWeftCallAbsent where the others
// reject the record. stdlib/builtins.cc documents what each function does.
#include <cstdint>

#include "runtime/abi.h"

extern "C" {

int32_t weft_to_int(WeftContext* context, const WeftString* text, int64_t* result);
int32_t weft_try_to_int(WeftContext* context, const WeftString* text, int64_t* result);
// `precision` and `scale` are the constants that fix the result's type decimal(precision, scale).
int32_t weft_to_decimal(WeftContext* context, const WeftString* text, const int64_t* precision,
                        const int64_t* scale, __int128* result);
int32_t weft_try_to_decimal(WeftContext* context, const WeftString* text,
                            const int64_t* precision, const int64_t* scale, __int128* result);
int32_t weft_to_float(WeftContext* context, const WeftString* text, double* result);
int32_t weft_try_to_float(WeftContext* context, const WeftString* text, double* result);
// `pattern` is a constant that the checker has parsed, and each separator a constant of one
// code point. An int argument arrives as a decimal with scale 0.
int32_t weft_format_number(WeftContext* context, const __int128* value, int32_t scale,
                           const WeftString* pattern, const WeftString* decimal_separator,
                           const WeftString* grouping_separator, WeftString* result);

// `region` is "" when the call gives none.
int32_t weft_currency_code(WeftContext* context, const WeftString* text, const WeftString* region,
                           WeftString* result);
int32_t weft_minor_units(WeftContext* context, const WeftString* code, int64_t* result);
// `mode` is the index of a runtime::RoundingMode. The result's scale is the currency's minor
// units.
int32_t weft_round_money(WeftContext* context, const __int128* amount, int32_t scale,
                         const WeftString* code, const int64_t* mode, __int128* result,
                         int32_t* result_scale);

}  // extern "C"
