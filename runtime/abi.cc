// The helpers that JIT-compiled rules call; see abi.h for their contracts.
#include "runtime/abi.h"

#include <fmt/format.h>

#include <algorithm>
#include <cstring>

#include "runtime/context.h"
#include "runtime/decimal.h"
#include "stdlib/iso8601.h"

namespace weft::runtime {

char* Arena::Allocate(size_t size) {
  if (size > kBlockSize / 4) {
    large_.push_back(std::make_unique<char[]>(size));
    return large_.back().get();
  }
  if (blocks_.empty() || used_ + size > kBlockSize) {
    if (!blocks_.empty()) ++block_index_;
    if (block_index_ >= blocks_.size()) blocks_.push_back(std::make_unique<char[]>(kBlockSize));
    used_ = 0;
  }
  char* memory = blocks_[block_index_].get() + used_;
  used_ += size;
  return memory;
}

WeftSlot* Arena::AllocateSlots(size_t count) {
  // Blocks start 16-byte aligned, so padding the offset keeps the slots aligned.
  used_ = (used_ + alignof(WeftSlot) - 1) & ~(alignof(WeftSlot) - 1);
  size_t bytes = count * sizeof(WeftSlot);
  auto* slots = reinterpret_cast<WeftSlot*>(Allocate(bytes == 0 ? sizeof(WeftSlot) : bytes));
  std::memset(static_cast<void*>(slots), 0, bytes);
  return slots;
}

WeftString Arena::Copy(std::string_view text) {
  char* memory = Allocate(text.size() + 1);
  if (!text.empty()) std::memcpy(memory, text.data(), text.size());
  return {memory, static_cast<int64_t>(text.size())};
}

void Arena::Reset() {
  block_index_ = 0;
  used_ = 0;
  large_.clear();
}

bool FitsStringLimit(WeftContext* context, size_t size) {
  if (size <= context->max_string_bytes) return true;
  context->reject_reason =
      fmt::format("the rule would build a string of {} bytes, more than the limit of {} bytes that "
                  "--max-string-bytes sets",
                  size, context->max_string_bytes);
  return false;
}

}  // namespace weft::runtime

namespace {

void SetString(WeftContext* context, std::string_view text, WeftString* result) {
  *result = context->arena.Copy(text);
}

// Fills each `[]` of a field path with the position of the item that its loop is at.
std::string LocateItems(const WeftContext* context, const char* field) {
  std::string path = field;
  size_t at = 0;
  for (int64_t position : context->item_positions) {
    at = path.find("[]", at);
    if (at == std::string::npos) break;
    std::string index = fmt::format("[{}]", position);
    path.replace(at, 2, index);
    at += index.size();
  }
  return path;
}

}  // namespace

extern "C" {

int32_t weft_concat(WeftContext* context, const WeftString* left, const WeftString* right,
                    WeftString* result) {
  size_t size = static_cast<size_t>(left->size + right->size);
  if (!weft::runtime::FitsStringLimit(context, size)) return kWeftCallRejected;
  char* memory = context->arena.Allocate(size + 1);
  if (left->size > 0) std::memcpy(memory, left->data, left->size);
  if (right->size > 0) std::memcpy(memory + left->size, right->data, right->size);
  result->data = memory;
  result->size = static_cast<int64_t>(size);
  return kWeftCallDone;
}

WeftSlot* weft_allocate_slots(WeftContext* context, int64_t count) {
  return context->arena.AllocateSlots(static_cast<size_t>(count));
}

void weft_int_to_string(WeftContext* context, int64_t value, WeftString* result) {
  SetString(context, fmt::format("{}", value), result);
}

void weft_float_to_string(WeftContext* context, double value, WeftString* result) {
  SetString(context, fmt::format("{}", value), result);
}

void weft_decimal_to_string(WeftContext* context, const __int128* value, int32_t scale,
                            WeftString* result) {
  SetString(context, weft::runtime::DecimalToString(*value, scale), result);
}

void weft_datetime_text(WeftContext* context, const WeftString* value, WeftString* result) {
  std::string_view text(value->data, static_cast<size_t>(value->size));
  if (!weft::iso8601::HasBasicOffset(text)) {
    *result = *value;
    return;
  }
  SetString(context, weft::iso8601::WithExtendedOffset(text), result);
}

int32_t weft_string_compare(const WeftString* left, const WeftString* right) {
  size_t common = static_cast<size_t>(std::min(left->size, right->size));
  int order = common == 0 ? 0 : std::memcmp(left->data, right->data, common);
  if (order != 0) return order;
  if (left->size == right->size) return 0;
  return left->size < right->size ? -1 : 1;
}

int32_t weft_decimal_add(const __int128* left, const __int128* right, __int128* result) {
  __int128 sum;
  if (__builtin_add_overflow(*left, *right, &sum)) return 0;
  if (!weft::runtime::FitsDigits(sum, weft::runtime::kMaxDigits)) return 0;
  *result = sum;
  return 1;
}

int32_t weft_decimal_subtract(const __int128* left, const __int128* right, __int128* result) {
  __int128 difference;
  if (__builtin_sub_overflow(*left, *right, &difference)) return 0;
  if (!weft::runtime::FitsDigits(difference, weft::runtime::kMaxDigits)) return 0;
  *result = difference;
  return 1;
}

int32_t weft_decimal_multiply(const __int128* left, const __int128* right, __int128* result) {
  __int128 product;
  if (__builtin_mul_overflow(*left, *right, &product)) return 0;
  if (!weft::runtime::FitsDigits(product, weft::runtime::kMaxDigits)) return 0;
  *result = product;
  return 1;
}

int32_t weft_decimal_rescale(const __int128* value, int32_t from_scale, int32_t to_scale,
                             __int128* result) {
  std::optional<__int128> rescaled = weft::runtime::Rescale(*value, from_scale, to_scale);
  if (!rescaled) return 0;
  *result = *rescaled;
  return 1;
}

int32_t weft_decimal_round(const __int128* value, int32_t from_scale, int32_t to_scale,
                           int32_t mode, __int128* result) {
  std::optional<__int128> rounded = weft::runtime::Round(
      *value, from_scale, to_scale, static_cast<weft::runtime::RoundingMode>(mode));
  if (!rounded) return 0;
  *result = *rounded;
  return 1;
}

namespace {

// Brings both operands to the larger scale; false when one no longer fits 38 digits.
bool AlignScales(const __int128* left, int32_t left_scale, const __int128* right,
                 int32_t right_scale, __int128& aligned_left, __int128& aligned_right,
                 int32_t& scale) {
  scale = std::max(left_scale, right_scale);
  std::optional<__int128> widened_left = weft::runtime::Rescale(*left, left_scale, scale);
  std::optional<__int128> widened_right = weft::runtime::Rescale(*right, right_scale, scale);
  if (!widened_left || !widened_right) return false;
  aligned_left = *widened_left;
  aligned_right = *widened_right;
  return true;
}

}  // namespace

int32_t weft_decimal_add_scaled(const __int128* left, int32_t left_scale, const __int128* right,
                                int32_t right_scale, __int128* result, int32_t* result_scale) {
  __int128 aligned_left, aligned_right;
  if (!AlignScales(left, left_scale, right, right_scale, aligned_left, aligned_right,
                   *result_scale)) {
    return 0;
  }
  return weft_decimal_add(&aligned_left, &aligned_right, result);
}

int32_t weft_decimal_subtract_scaled(const __int128* left, int32_t left_scale,
                                     const __int128* right, int32_t right_scale, __int128* result,
                                     int32_t* result_scale) {
  __int128 aligned_left, aligned_right;
  if (!AlignScales(left, left_scale, right, right_scale, aligned_left, aligned_right,
                   *result_scale)) {
    return 0;
  }
  return weft_decimal_subtract(&aligned_left, &aligned_right, result);
}

int32_t weft_decimal_multiply_scaled(const __int128* left, int32_t left_scale,
                                     const __int128* right, int32_t right_scale, __int128* result,
                                     int32_t* result_scale) {
  *result_scale = left_scale + right_scale;
  if (*result_scale > weft::runtime::kMaxDigits) return 0;
  return weft_decimal_multiply(left, right, result);
}

int32_t weft_decimal_divide(const __int128* left, int32_t left_scale, const __int128* right,
                            int32_t right_scale, int32_t result_scale, int32_t mode,
                            __int128* result) {
  std::optional<__int128> quotient =
      weft::runtime::Divide(*left, left_scale, *right, right_scale, result_scale,
                            static_cast<weft::runtime::RoundingMode>(mode));
  if (!quotient) return 0;
  *result = *quotient;
  return 1;
}

int32_t weft_decimal_divide_scaled(const __int128* left, int32_t left_scale, const __int128* right,
                                   int32_t right_scale, int32_t max_scale, int32_t mode,
                                   int32_t own_mode, __int128* result, int32_t* result_scale) {
  int32_t own_scale = std::max(left_scale, weft::runtime::kMinQuotientScale);
  *result_scale = std::min(own_scale, max_scale);
  return weft_decimal_divide(left, left_scale, right, right_scale, *result_scale,
                             own_scale <= max_scale ? own_mode : mode, result);
}

int32_t weft_decimal_remainder_scaled(const __int128* left, int32_t left_scale,
                                      const __int128* right, int32_t right_scale, __int128* result,
                                      int32_t* result_scale) {
  *result_scale = std::max(left_scale, right_scale);
  *result = weft::runtime::Remainder(*left, left_scale, *right, right_scale);
  return 1;
}

int32_t weft_decimal_rescale_exact(const __int128* value, int32_t from_scale, int32_t to_scale,
                                   __int128* result) {
  if (to_scale < from_scale) {
    int drop = std::min(from_scale - to_scale, weft::runtime::kMaxDigits);
    if (*value % weft::runtime::PowerOfTen(drop) != 0) return -1;
  }
  return weft_decimal_rescale(value, from_scale, to_scale, result);
}

int32_t weft_decimal_compare(const __int128* left, int32_t left_scale, const __int128* right,
                             int32_t right_scale) {
  return weft::runtime::CompareDecimals(*left, left_scale, *right, right_scale);
}

int32_t weft_decimal_fits(const __int128* value, int32_t precision) {
  return weft::runtime::FitsDigits(*value, precision) ? 1 : 0;
}

void weft_reject(WeftContext* context, const WeftString* message) {
  context->reject_reason.assign(message->data, static_cast<size_t>(message->size));
}

void weft_enter_item(WeftContext* context, int32_t depth, int64_t position) {
  context->item_positions.resize(static_cast<size_t>(depth) + 1);
  context->item_positions[static_cast<size_t>(depth)] = position;
}

void weft_reject_overflow(WeftContext* context, const char* field, const char* place,
                          int32_t decimal) {
  context->reject_field = LocateItems(context, field);
  context->reject_reason = decimal != 0 ? "decimal overflow" : "integer overflow";
  if (*place != '\0') context->reject_reason += fmt::format(" in {}", place);
  context->reject_reason +=
      decimal != 0 ? ": a result has more than 38 digits" : ": a result is outside -2^63 to 2^63-1";
}

void weft_reject_precision(WeftContext* context, const char* field, const __int128* value,
                           int32_t scale, int32_t precision) {
  context->reject_field = LocateItems(context, field);
  context->reject_reason =
      fmt::format("value {} does not fit decimal({}, {}) of field `{}`",
                  weft::runtime::DecimalToString(*value, scale), precision, scale,
                  context->reject_field);
}

void weft_reject_places(WeftContext* context, const char* field, const __int128* value,
                        int32_t scale, int32_t target_scale) {
  context->reject_field = LocateItems(context, field);
  context->reject_reason =
      fmt::format("value {} has more than the {} decimal places of field `{}`; round it in the "
                  "rule if rounding is intended",
                  weft::runtime::DecimalToString(*value, scale), target_scale,
                  context->reject_field);
}

void weft_reject_float(WeftContext* context, const char* field, const char* place) {
  context->reject_field = LocateItems(context, field);
  context->reject_reason = "float result is infinite or not a number";
  if (*place != '\0') context->reject_reason += fmt::format(" in {}", place);
}

void weft_reject_division_by_zero(WeftContext* context, const char* field, const char* place) {
  context->reject_field = LocateItems(context, field);
  context->reject_reason = "division by zero";
  if (*place != '\0') context->reject_reason += fmt::format(" in {}", place);
}

void weft_reject_at(WeftContext* context, const char* field, const char* place) {
  context->reject_field = LocateItems(context, field);
  if (*place != '\0') context->reject_reason += fmt::format(" in {}", place);
}

}  // extern "C"
