#pragma once

// The helpers that the files of the date builtins share: reading and writing ISO 8601 text,
// the range of four-digit years, and zone look-ups. Not part of the stdlib's interface.
#include <date/date.h>
#include <date/tz.h>

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

#include "stdlib/dates.h"

namespace weft::dates::internal {

constexpr date::sys_days kFirstDay = date::year(0) / 1 / 1;
constexpr date::sys_days kLastDay = date::year(9999) / 12 / 31;

// The parts of a date-time. `local` is the date and time as written, before the offset applies,
// and `offset` is east of UTC. `fraction` is the fraction of a second as written, such as ".250".
struct DateTimeParts {
  date::sys_seconds local;
  std::string_view fraction;
  std::chrono::minutes offset;
};

// Reads ASCII digits, which the caller has checked, as an int.
int Digits(std::string_view text);
std::optional<date::sys_days> ParseDate(std::string_view text);
std::optional<DateTimeParts> ParseDateTime(std::string_view text);
// Writes YYYY-MM-DD.
std::string FormatDate(date::sys_days day);
// Writes an instant as a UTC date-time with `Z`, with `fraction` after the seconds.
std::string FormatUtc(date::sys_seconds instant, std::string_view fraction);
// Writes an offset such as +02:00 or -05:00.
std::string FormatOffset(std::chrono::minutes offset);
// Writes a local time with its offset, such as 2026-03-29T03:00:00+02:00. The offset must be
// whole minutes.
std::string FormatWithOffset(date::sys_seconds local, std::string_view fraction,
                             std::chrono::minutes offset);
// True for a day in the years 0000 to 9999.
bool InRange(date::sys_days day);

// The reasons that reject a record.
std::string OutOfRange(std::string_view what);
std::string InvalidDate(std::string_view text);
std::string InvalidDateTime(std::string_view text);

// Looks up a zone, or returns nullptr when the database lacks it or cannot be read.
const date::time_zone* FindZone(std::string_view zone);

// Writes a local time of `zone` with the zone's offset at that time, where the policies decide a
// time in a gap or an overlap. `value` is the input as reasons quote it.
std::string ResolveLocal(date::local_seconds local, std::string_view fraction,
                         std::string_view zone, Overlap overlap, Gap gap, std::string_view value,
                         std::string& result);

}  // namespace weft::dates::internal
