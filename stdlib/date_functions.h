#pragma once

// The implementations of the date builtins that generated code calls, with the builtin convention
// of runtime/abi.h. Dates and date-times travel as their ISO 8601 text. stdlib/date_builtins.cc
// documents what each function does.
#include <cstdint>

#include "runtime/abi.h"

extern "C" {

int32_t weft_to_utc(WeftContext* context, const WeftString* date_time, WeftString* result);
// Times and date-times as decimal counts of seconds, which comparisons of them compare: since
// 1970-01-01T00:00:00Z for a date-time, since midnight for a time. `scale` receives the places.
// They reject the record for a fraction too long for 38 digits, as dates::EpochSeconds documents.
int32_t weft_epoch_seconds(WeftContext* context, const WeftString* date_time, __int128* result,
                           int32_t* scale);
int32_t weft_seconds_of_day(WeftContext* context, const WeftString* time, __int128* result,
                            int32_t* scale);
int32_t weft_from_epoch_millis(WeftContext* context, const int64_t* count, WeftString* result);
int32_t weft_from_epoch_seconds(WeftContext* context, const int64_t* count, WeftString* result);
// `system` is the index of a dates::ExcelSystem.
int32_t weft_from_excel_serial(WeftContext* context, const int64_t* serial, const int64_t* system,
                               WeftString* result);
int32_t weft_parse_sap_date(WeftContext* context, const WeftString* text, WeftString* result);
int32_t weft_parse_odata_date(WeftContext* context, const WeftString* text, WeftString* result);
// Returns kWeftCallAbsent where weft_parse_odata_date rejects the record.
int32_t weft_try_parse_odata_date(WeftContext* context, const WeftString* text,
                                  WeftString* result);
int32_t weft_date_of(WeftContext* context, const WeftString* date_time, WeftString* result);
int32_t weft_add_days(WeftContext* context, const WeftString* date, const int64_t* days,
                      WeftString* result);
int32_t weft_add_months(WeftContext* context, const WeftString* date, const int64_t* months,
                        WeftString* result);
int32_t weft_days_between(WeftContext* context, const WeftString* from, const WeftString* to,
                          int64_t* result);
int32_t weft_start_of_month(WeftContext* context, const WeftString* date, WeftString* result);
int32_t weft_weekday(WeftContext* context, const WeftString* date, WeftString* result);
// `zone` is an IANA zone name that the checker found in the zone database.
int32_t weft_to_zone(WeftContext* context, const WeftString* date_time, const WeftString* zone,
                     WeftString* result);
// `overlap` and `gap` are the indexes of a dates::Overlap and a dates::Gap.
int32_t weft_from_local(WeftContext* context, const WeftString* local, const WeftString* zone,
                        const int64_t* overlap, const int64_t* gap, WeftString* result);
// `pattern` is a pattern that the checker validated, and `year` the pivot year or the year of
// stdlib::Argument::PatternYear.
int32_t weft_parse_date(WeftContext* context, const WeftString* text, const WeftString* pattern,
                        const int64_t* year, WeftString* result);
int32_t weft_parse_datetime(WeftContext* context, const WeftString* text,
                            const WeftString* pattern, const WeftString* zone,
                            const int64_t* overlap, const int64_t* gap, const int64_t* year,
                            WeftString* result);
// The try_ forms of parse_date and parse_datetime: absent where those reject the record.
int32_t weft_try_parse_date(WeftContext* context, const WeftString* text,
                            const WeftString* pattern, const int64_t* year, WeftString* result);
int32_t weft_try_parse_datetime(WeftContext* context, const WeftString* text,
                                const WeftString* pattern, const WeftString* zone,
                                const int64_t* overlap, const int64_t* gap, const int64_t* year,
                                WeftString* result);
int32_t weft_format_date(WeftContext* context, const WeftString* date, const WeftString* pattern,
                         WeftString* result);
int32_t weft_format_datetime(WeftContext* context, const WeftString* date_time,
                             const WeftString* pattern, WeftString* result);

}  // extern "C"
