// The C functions of the number and money builtins, over numbers.h and currency.h.
#include "stdlib/number_functions.h"

#include <fmt/format.h>

#include "runtime/context.h"
#include "runtime/decimal.h"
#include "stdlib/currency.h"
#include "stdlib/number_format.h"
#include "stdlib/numbers.h"

namespace {

std::string_view View(const WeftString* value) {
  return {value->data, static_cast<size_t>(value->size)};
}

// Finishes a parse: done on success; otherwise the reason rejects the record, or the `try_`
// form returns an absent value.
int32_t Finish(WeftContext* context, std::string reason, const char* function, bool absent) {
  if (reason.empty()) return kWeftCallDone;
  if (absent) return kWeftCallAbsent;
  context->reject_reason = fmt::format("{}: {}", function, reason);
  return kWeftCallRejected;
}

// The currency of a code argument, or nullptr after writing the reason into `reason`.
const weft::currency::Currency* CurrencyWithMinorUnits(const WeftString* code,
                                                       std::string& reason) {
  const weft::currency::Currency* currency = weft::currency::FindCurrency(View(code));
  if (currency == nullptr) {
    reason = fmt::format("{} is not an ISO 4217 currency code", weft::numbers::Quote(View(code)));
    return nullptr;
  }
  if (currency->minor_units < 0) {
    reason = fmt::format("{} ({}) has no minor unit in ISO 4217", currency->code, currency->name);
    return nullptr;
  }
  return currency;
}

}  // namespace

extern "C" {

int32_t weft_to_int(WeftContext* context, const WeftString* text, int64_t* result) {
  return Finish(context, weft::numbers::ParseInt(View(text), *result), "to_int", false);
}

int32_t weft_try_to_int(WeftContext* context, const WeftString* text, int64_t* result) {
  return Finish(context, weft::numbers::ParseInt(View(text), *result), "try_to_int", true);
}

int32_t weft_to_decimal(WeftContext* context, const WeftString* text, const int64_t* precision,
                        const int64_t* scale, __int128* result) {
  std::string reason = weft::numbers::ParseDecimal(View(text), static_cast<int>(*precision),
                                                   static_cast<int>(*scale), *result);
  return Finish(context, std::move(reason), "to_decimal", false);
}

int32_t weft_try_to_decimal(WeftContext* context, const WeftString* text,
                            const int64_t* precision, const int64_t* scale, __int128* result) {
  std::string reason = weft::numbers::ParseDecimal(View(text), static_cast<int>(*precision),
                                                   static_cast<int>(*scale), *result);
  return Finish(context, std::move(reason), "try_to_decimal", true);
}

int32_t weft_to_float(WeftContext* context, const WeftString* text, double* result) {
  return Finish(context, weft::numbers::ParseFloat(View(text), *result), "to_float", false);
}

int32_t weft_try_to_float(WeftContext* context, const WeftString* text, double* result) {
  return Finish(context, weft::numbers::ParseFloat(View(text), *result), "try_to_float", true);
}

int32_t weft_format_number(WeftContext* context, const __int128* value, int32_t scale,
                           const WeftString* pattern, const WeftString* decimal_separator,
                           const WeftString* grouping_separator, WeftString* result) {
  weft::numbers::NumberPattern parsed;
  std::string reason = weft::numbers::ParseNumberPattern(View(pattern), parsed);
  if (!reason.empty()) {
    reason = fmt::format("invalid number pattern {}: {}", weft::numbers::Quote(View(pattern)),
                         reason);
    return Finish(context, std::move(reason), "format_number", false);
  }
  std::optional<std::string> text = weft::numbers::FormatNumber(
      *value, scale, parsed, View(decimal_separator), View(grouping_separator));
  if (!text) {
    reason = fmt::format("{} does not fit 38 digits once rounded to {} places",
                         weft::runtime::DecimalToString(*value, scale), parsed.maximum_places);
    return Finish(context, std::move(reason), "format_number", false);
  }
  *result = context->arena.Copy(*text);
  return kWeftCallDone;
}

int32_t weft_currency_code(WeftContext* context, const WeftString* text, const WeftString* region,
                           WeftString* result) {
  std::string reason;
  std::string_view code = weft::currency::CurrencyCode(View(text), View(region), reason);
  // The code is a view into the static currency table.
  *result = {code.data(), static_cast<int64_t>(code.size())};
  return Finish(context, std::move(reason), "currency_code", false);
}

int32_t weft_minor_units(WeftContext* context, const WeftString* code, int64_t* result) {
  std::string reason;
  const weft::currency::Currency* currency = CurrencyWithMinorUnits(code, reason);
  if (currency != nullptr) *result = currency->minor_units;
  return Finish(context, std::move(reason), "minor_units", false);
}

int32_t weft_round_money(WeftContext* context, const __int128* amount, int32_t scale,
                         const WeftString* code, const int64_t* mode, __int128* result,
                         int32_t* result_scale) {
  std::string reason;
  const weft::currency::Currency* currency = CurrencyWithMinorUnits(code, reason);
  if (currency == nullptr) return Finish(context, std::move(reason), "round_money", false);

  std::optional<__int128> rounded =
      weft::runtime::Round(*amount, scale, currency->minor_units,
                           static_cast<weft::runtime::RoundingMode>(*mode));
  if (!rounded) {
    reason = fmt::format("{} with the {} places of {} has more than {} digits",
                         weft::runtime::DecimalToString(*amount, scale), currency->minor_units,
                         currency->code, weft::runtime::kMaxDigits);
    return Finish(context, std::move(reason), "round_money", false);
  }
  *result = *rounded;
  *result_scale = currency->minor_units;
  return kWeftCallDone;
}

}  // extern "C"
