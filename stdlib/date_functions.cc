// The C functions of the date builtins, over dates.h.
#include "stdlib/date_functions.h"

#include <fmt/format.h>

#include "runtime/context.h"
#include "stdlib/date_patterns.h"
#include "stdlib/dates.h"

namespace {

std::string_view View(const WeftString* value) {
  return {value->data, static_cast<size_t>(value->size)};
}

// Runs a date function that builds text, and stores the text in the record's arena or rejects the
// record with the function's reason.
int32_t Run(WeftContext* context, const char* function, WeftString* result, auto compute) {
  std::string text;
  std::string reason = compute(text);
  if (!reason.empty()) {
    context->reject_reason = fmt::format("{}: {}", function, reason);
    *result = {"", 0};
    return kWeftCallRejected;
  }
  *result = context->arena.Copy(text);
  return kWeftCallDone;
}

// Runs a date function as Run does, but leaves the result absent where Run would reject.
int32_t RunOrAbsent(WeftContext* context, WeftString* result, auto compute) {
  std::string text;
  if (!compute(text).empty()) {
    *result = {"", 0};
    return kWeftCallAbsent;
  }
  *result = context->arena.Copy(text);
  return kWeftCallDone;
}

// Runs EpochSeconds or SecondsOfDay, and rejects the record with its reason when it fails.
int32_t RunSeconds(WeftContext* context, std::string_view text, __int128* result, int32_t* scale,
                   auto convert) {
  int places = 0;
  std::string reason = convert(text, *result, places);
  *scale = places;
  if (reason.empty()) return kWeftCallDone;
  context->reject_reason = std::move(reason);
  return kWeftCallRejected;
}

}  // namespace

extern "C" {

int32_t weft_to_utc(WeftContext* context, const WeftString* date_time, WeftString* result) {
  return Run(context, "to_utc", result,
             [&](std::string& text) { return weft::dates::ToUtc(View(date_time), text); });
}

int32_t weft_epoch_seconds(WeftContext* context, const WeftString* date_time, __int128* result,
                           int32_t* scale) {
  return RunSeconds(context, View(date_time), result, scale, weft::dates::EpochSeconds);
}

int32_t weft_seconds_of_day(WeftContext* context, const WeftString* time, __int128* result,
                            int32_t* scale) {
  return RunSeconds(context, View(time), result, scale, weft::dates::SecondsOfDay);
}

int32_t weft_from_epoch_millis(WeftContext* context, const int64_t* count, WeftString* result) {
  return Run(context, "from_epoch_millis", result,
             [&](std::string& text) { return weft::dates::FromEpoch(*count, true, text); });
}

int32_t weft_from_epoch_seconds(WeftContext* context, const int64_t* count, WeftString* result) {
  return Run(context, "from_epoch_seconds", result,
             [&](std::string& text) { return weft::dates::FromEpoch(*count, false, text); });
}

int32_t weft_from_excel_serial(WeftContext* context, const int64_t* serial, const int64_t* system,
                               WeftString* result) {
  return Run(context, "from_excel_serial", result, [&](std::string& text) {
    return weft::dates::FromExcelSerial(*serial, static_cast<weft::dates::ExcelSystem>(*system),
                                        text);
  });
}

int32_t weft_parse_sap_date(WeftContext* context, const WeftString* value, WeftString* result) {
  return Run(context, "parse_sap_date", result,
             [&](std::string& text) { return weft::dates::ParseSapDate(View(value), text); });
}

int32_t weft_parse_odata_date(WeftContext* context, const WeftString* value, WeftString* result) {
  return Run(context, "parse_odata_date", result,
             [&](std::string& text) { return weft::dates::ParseODataDate(View(value), text); });
}

int32_t weft_try_parse_odata_date(WeftContext* context, const WeftString* value,
                                  WeftString* result) {
  return RunOrAbsent(context, result, [&](std::string& text) {
    return weft::dates::ParseODataDate(View(value), text);
  });
}

int32_t weft_date_of(WeftContext* context, const WeftString* date_time, WeftString* result) {
  return Run(context, "date_of", result,
             [&](std::string& text) { return weft::dates::DateOf(View(date_time), text); });
}

int32_t weft_add_days(WeftContext* context, const WeftString* date, const int64_t* days,
                      WeftString* result) {
  return Run(context, "add_days", result,
             [&](std::string& text) { return weft::dates::AddDays(View(date), *days, text); });
}

int32_t weft_add_months(WeftContext* context, const WeftString* date, const int64_t* months,
                        WeftString* result) {
  return Run(context, "add_months", result,
             [&](std::string& text) { return weft::dates::AddMonths(View(date), *months, text); });
}

int32_t weft_days_between(WeftContext* context, const WeftString* from, const WeftString* to,
                          int64_t* result) {
  std::string reason = weft::dates::DaysBetween(View(from), View(to), *result);
  if (reason.empty()) return kWeftCallDone;
  context->reject_reason = fmt::format("days_between: {}", reason);
  *result = 0;
  return kWeftCallRejected;
}

int32_t weft_start_of_month(WeftContext* context, const WeftString* date, WeftString* result) {
  return Run(context, "start_of_month", result,
             [&](std::string& text) { return weft::dates::StartOfMonth(View(date), text); });
}

int32_t weft_weekday(WeftContext* context, const WeftString* date, WeftString* result) {
  return Run(context, "weekday", result,
             [&](std::string& text) { return weft::dates::Weekday(View(date), text); });
}

int32_t weft_to_zone(WeftContext* context, const WeftString* date_time, const WeftString* zone,
                     WeftString* result) {
  return Run(context, "to_zone", result, [&](std::string& text) {
    return weft::dates::ToZone(View(date_time), View(zone), text);
  });
}

int32_t weft_from_local(WeftContext* context, const WeftString* local, const WeftString* zone,
                        const int64_t* overlap, const int64_t* gap, WeftString* result) {
  return Run(context, "from_local", result, [&](std::string& text) {
    return weft::dates::FromLocal(View(local), View(zone),
                                  static_cast<weft::dates::Overlap>(*overlap),
                                  static_cast<weft::dates::Gap>(*gap), text);
  });
}

int32_t weft_parse_date(WeftContext* context, const WeftString* value, const WeftString* pattern,
                        const int64_t* year, WeftString* result) {
  return Run(context, "parse_date", result, [&](std::string& text) {
    return weft::dates::ParseDateWithPattern(View(value), View(pattern), *year, text);
  });
}

int32_t weft_parse_datetime(WeftContext* context, const WeftString* value,
                            const WeftString* pattern, const WeftString* zone,
                            const int64_t* overlap, const int64_t* gap, const int64_t* year,
                            WeftString* result) {
  return Run(context, "parse_datetime", result, [&](std::string& text) {
    return weft::dates::ParseDateTimeWithPattern(
        View(value), View(pattern), View(zone), static_cast<weft::dates::Overlap>(*overlap),
        static_cast<weft::dates::Gap>(*gap), *year, text);
  });
}

int32_t weft_try_parse_date(WeftContext* context, const WeftString* value,
                            const WeftString* pattern, const int64_t* year, WeftString* result) {
  return RunOrAbsent(context, result, [&](std::string& text) {
    return weft::dates::ParseDateWithPattern(View(value), View(pattern), *year, text);
  });
}

int32_t weft_try_parse_datetime(WeftContext* context, const WeftString* value,
                                const WeftString* pattern, const WeftString* zone,
                                const int64_t* overlap, const int64_t* gap, const int64_t* year,
                                WeftString* result) {
  return RunOrAbsent(context, result, [&](std::string& text) {
    return weft::dates::ParseDateTimeWithPattern(
        View(value), View(pattern), View(zone), static_cast<weft::dates::Overlap>(*overlap),
        static_cast<weft::dates::Gap>(*gap), *year, text);
  });
}

int32_t weft_format_date(WeftContext* context, const WeftString* date, const WeftString* pattern,
                         WeftString* result) {
  return Run(context, "format_date", result, [&](std::string& text) {
    return weft::dates::FormatDateWithPattern(View(date), View(pattern), text);
  });
}

int32_t weft_format_datetime(WeftContext* context, const WeftString* date_time,
                             const WeftString* pattern, WeftString* result) {
  return Run(context, "format_datetime", result, [&](std::string& text) {
    return weft::dates::FormatDateTimeWithPattern(View(date_time), View(pattern), text);
  });
}

}  // extern "C"
