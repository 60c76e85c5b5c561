#pragma once

// The data layout and helper functions shared by the JIT-compiled rule functions and the C++
// runtime. Everything here has C linkage and a fixed layout, because generated code reads and
// writes it directly.
#include <cstdint>

extern "C" {

// A string: bytes in UTF-8, not NUL-terminated. The bytes belong to the input buffer or to the
// record's arena and live until the record is written.
struct WeftString {
  const char* data;
  int64_t size;
};

struct WeftSlot;

// A list, or the fields of a record: `count` slots in a row. A list's slots hold its items; a
// record's slots hold its fields in schema order. The slots belong to the reader or to the
// record's arena and live until the record is written.
struct WeftList {
  WeftSlot* items;
  int64_t count;
};

// One field of a record. The field's type chooses the payload's member. A decimal is an integer
// count of 10^-scale units, with the scale taken from the field's type.
struct alignas(16) WeftSlot {
  union {
    __int128 decimal;
    int64_t integer;
    WeftString string;
    // A list, or a nested record.
    WeftList list;
    uint8_t boolean;
    double real;
  };
  // 1 when the value is present, 0 for null or a missing key.
  uint8_t present;
  // 1 when the record lacks the key altogether, so that an explicit null and a missing key stay
  // apart: an optional field copied from such a field is left out of the output, not written as
  // null. kWeftUnassigned for a field of a record construction that the rule does not assign.
  uint8_t missing;
  // 1 when a string's bytes need no JSON escape, because they are the contents of an input string
  // that had none: no quote, backslash or control character can be among them. The writer then
  // copies them without looking. Generated code keeps the flag only when it copies a field as it
  // is, so that every computed string, with 0 here, is escaped.
  uint8_t plain;
  // The places of a decimal whose type has no fixed scale (`decimal`); the value carries them.
  int32_t scale;
};

static_assert(sizeof(WeftSlot) == 32, "generated code assumes 32-byte slots");

// The `missing` byte of a field that a record construction leaves out: the writer gives it the
// schema's default or null, as it does for a target field that the rule does not assign.
enum : uint8_t { kWeftUnassigned = 2 };

// Per-record state that generated code passes back to the helpers: the arena for new strings
// and the reason when the record is rejected. Defined by the runtime.
struct WeftContext;

// The signature of a compiled rule.
typedef int32_t (*WeftRuleFunction)(WeftContext* context, const WeftSlot* source, WeftSlot* target);

// The outcome that a rule function returns.
enum WeftOutcome : int32_t { kWeftMapped = 0, kWeftSkipped = 1, kWeftRejected = 2 };

// Helpers called by generated code. Values travel by pointer so that no 128-bit integer or
// struct crosses the call boundary by value.
// Returns kWeftCallRejected, with the reason in the context, when the result would be longer
// than the context's string limit, and kWeftCallDone otherwise.
int32_t weft_concat(WeftContext* context, const WeftString* left, const WeftString* right,
                    WeftString* result);
void weft_int_to_string(WeftContext* context, int64_t value, WeftString* result);
void weft_decimal_to_string(WeftContext* context, const __int128* value, int32_t scale,
                            WeftString* result);
// Sets `result` to the date-time text `value` with an offset of the basic form, +0100, written
// +01:00, as RFC 3339 requires. Other texts are returned as they are.
void weft_datetime_text(WeftContext* context, const WeftString* value, WeftString* result);
// Writes the shortest text that reads back as the same double, such as "0.1" or "1e+300".
void weft_float_to_string(WeftContext* context, double value, WeftString* result);
// Returns <0, 0 or >0, comparing bytes.
int32_t weft_string_compare(const WeftString* left, const WeftString* right);
// The arithmetic and rescaling helpers return 0 when the result has more than 38 digits, 1 on
// success.
int32_t weft_decimal_add(const __int128* left, const __int128* right, __int128* result);
int32_t weft_decimal_subtract(const __int128* left, const __int128* right, __int128* result);
int32_t weft_decimal_multiply(const __int128* left, const __int128* right, __int128* result);
// Changes the scale; fewer places round half away from zero.
int32_t weft_decimal_rescale(const __int128* value, int32_t from_scale, int32_t to_scale,
                             __int128* result);
// Changes the scale; fewer places round by `mode`, the index of a runtime::RoundingMode.
int32_t weft_decimal_round(const __int128* value, int32_t from_scale, int32_t to_scale,
                           int32_t mode, __int128* result);
// Compares decimals of different scales exactly. Returns <0, 0 or >0.
int32_t weft_decimal_compare(const __int128* left, int32_t left_scale, const __int128* right,
                             int32_t right_scale);
// Arithmetic on decimals whose scales are only known at run time: the result's scale is the
// larger one for add and subtract and the sum for multiply. Return 0 when the result has more than
// 38 digits or places, 1 on success.
int32_t weft_decimal_add_scaled(const __int128* left, int32_t left_scale, const __int128* right,
                                int32_t right_scale, __int128* result, int32_t* result_scale);
int32_t weft_decimal_subtract_scaled(const __int128* left, int32_t left_scale,
                                     const __int128* right, int32_t right_scale, __int128* result,
                                     int32_t* result_scale);
int32_t weft_decimal_multiply_scaled(const __int128* left, int32_t left_scale,
                                     const __int128* right, int32_t right_scale, __int128* result,
                                     int32_t* result_scale);
// Divides `left` by `right`, which is not zero, and rounds the exact quotient once by `mode`, the
// index of a runtime::RoundingMode, to `result_scale` places. Returns 0 when the result has more
// than 38 digits, 1 on success.
int32_t weft_decimal_divide(const __int128* left, int32_t left_scale, const __int128* right,
                            int32_t right_scale, int32_t result_scale, int32_t mode,
                            __int128* result);
// Divides as weft_decimal_divide does, at the quotient's own places, the larger of the dividend's
// scale and runtime::kMinQuotientScale, rounded by `own_mode`. When they are more than
// `max_scale`, which `round` sets to its own places so that the exact quotient is rounded once,
// it divides to `max_scale` places by `mode` instead.
int32_t weft_decimal_divide_scaled(const __int128* left, int32_t left_scale, const __int128* right,
                                   int32_t right_scale, int32_t max_scale, int32_t mode,
                                   int32_t own_mode, __int128* result, int32_t* result_scale);
// The exact remainder of `left` divided by `right`, which is not zero, with the sign of `left` and
// the larger of the two scales. Always fits, so always returns 1.
int32_t weft_decimal_remainder_scaled(const __int128* left, int32_t left_scale,
                                      const __int128* right, int32_t right_scale, __int128* result,
                                      int32_t* result_scale);
// Changes the scale without rounding: returns 1 on success, 0 when the result has more than 38
// digits, and -1 when dropping places would lose non-zero digits.
int32_t weft_decimal_rescale_exact(const __int128* value, int32_t from_scale, int32_t to_scale,
                                   __int128* result);
// Returns 1 when the value has at most `precision` digits.
int32_t weft_decimal_fits(const __int128* value, int32_t precision);
// The return value of a builtin function. Builtins (declared in stdlib/functions.h) share one
// convention: the context, then for each parameter a pointer to the argument's payload (a bool
// as a uint8_t of 0 or 1) or, for a regex, the regex compiled for the call, then a pointer to
// the result's payload. A decimal argument is followed by its scale as an int32_t passed by value,
// and a decimal result whose type has no fixed scale by a pointer to an int32_t that receives its
// scale.
enum WeftCallStatus : int32_t {
  // The function rejected the record and wrote its reason into the context.
  kWeftCallRejected = 0,
  // The function wrote its result.
  kWeftCallDone = 1,
  // The result is absent, which only a builtin with an optional result type returns.
  kWeftCallAbsent = 2,
};

// Returns `count` slots from the record's arena, zeroed: absent, and not missing. Lists that a
// rule builds are no longer than the lists and strings they come from, so no limit applies.
WeftSlot* weft_allocate_slots(WeftContext* context, int64_t count);

// Records that the `each` loop at nesting `depth` (0 for the outermost) of the field being
// computed is at item `position`, so that a reject names the item, as in "lines[2].qty".
void weft_enter_item(WeftContext* context, int32_t depth, int64_t position);

// Look up a key in a runtime::ValueTable and copy its value (or the table's `else` value) into
// `result`. Return 1 when there is one, 0 when the table has no value for the key.
int32_t weft_table_lookup_string(const void* table, const WeftString* key, WeftSlot* result);
int32_t weft_table_lookup_int(const void* table, int64_t key, WeftSlot* result);

// Reject helpers: each records the reason in the context; the rule function then returns
// kWeftRejected.
void weft_reject(WeftContext* context, const WeftString* message);
// `field` names the target field being computed and `place` the statement outside fields, such
// as "`let total`"; the other is "". `decimal` is 1 for a decimal result beyond 38 digits, 0 for
// an int result beyond 64 bits.
void weft_reject_overflow(WeftContext* context, const char* field, const char* place,
                          int32_t decimal);
void weft_reject_precision(WeftContext* context, const char* field, const __int128* value,
                           int32_t scale, int32_t precision);
// Rejects a value with more places than the target field's scale, which would need rounding.
void weft_reject_places(WeftContext* context, const char* field, const __int128* value,
                        int32_t scale, int32_t target_scale);
// Rejects a float result that is infinite or not a number, which JSON cannot carry.
void weft_reject_float(WeftContext* context, const char* field, const char* place);
void weft_reject_division_by_zero(WeftContext* context, const char* field, const char* place);
// Adds where a builtin rejected the record to the reason that the builtin recorded: `field`, or
// " in `place`" appended to the reason, as for weft_reject_overflow.
void weft_reject_at(WeftContext* context, const char* field, const char* place);

}  // extern "C"
