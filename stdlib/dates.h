#pragma once

#include <cstdint>
#include <string>
#include <string_view>

// Calendar arithmetic on the ISO 8601 texts that records carry for dates and date-times, over
// Howard Hinnant's date library. Dates are days of the proleptic Gregorian calendar in the years
// 0000 to 9999, which is what four-digit ISO 8601 years can write. Each function returns "" on
// success and otherwise the reason, which names the value; the caller rejects the record with it.
namespace weft::dates {

// The Excel date systems: 1900 (Windows) counts day 1 as 1900-01-01 and 1904 (classic Mac)
// counts day 0 as 1904-01-01. The order matches the choices of `from_excel_serial`.
enum class ExcelSystem { k1900, k1904 };

// The policy of `from_local` and `parse_datetime` for a local time that occurs twice, in the
// overlap when clocks are set back: reject the record, or take the earlier or the later of the
// two instants. The order matches the builtins' choices.
enum class Overlap { kReject, kEarlier, kLater };
// Their policy for a local time that a gap skips when clocks are set forward: reject the record,
// or move the time forward by the length of the gap. The order matches the choices.
enum class Gap { kReject, kShiftForward };

// Converts a date-time with any offset to the same instant in UTC, written with `Z`. The
// fraction of a second is kept as written.
std::string ToUtc(std::string_view date_time, std::string& result);
// Writes the UTC instant `count` units after 1970-01-01T00:00:00Z, where a unit is a second or,
// with `millis`, a millisecond.
std::string FromEpoch(int64_t count, bool millis, std::string& result);
std::string FromExcelSerial(int64_t serial, ExcelSystem system, std::string& result);
// Reads an OData date of .NET's JSON form `/Date(ms)/` or `/Date(ms+hhmm)/`: milliseconds since
// the Unix epoch, and the offset of the local time the value was taken in. The result is that
// instant, written in UTC or with the offset.
std::string ParseODataDate(std::string_view text, std::string& result);
// Reads SAP's DATS format YYYYMMDD.
std::string ParseSapDate(std::string_view text, std::string& result);
// The date part of a date-time, as written in the date-time's own offset.
std::string DateOf(std::string_view date_time, std::string& result);
std::string AddDays(std::string_view date, int64_t days, std::string& result);
// Adds calendar months, clamping the day to the last day of the month it lands in.
std::string AddMonths(std::string_view date, int64_t months, std::string& result);
// The days from `from` to `to`: positive when `to` is later.
std::string DaysBetween(std::string_view from, std::string_view to, int64_t& result);
std::string StartOfMonth(std::string_view date, std::string& result);
// The English name of the day of the week, such as "Friday".
std::string Weekday(std::string_view date, std::string& result);

// The instant of a date-time as a decimal count of seconds since 1970-01-01T00:00:00Z: `seconds`
// counts units of 10^-scale, where `scale` is the number of digits of the fraction without its
// trailing zeros. A leap second, :60, counts as the first second of the next minute. A fraction
// of more than kMaxDateTimeFraction digits is rejected, because 38 digits cannot hold it beside
// the seconds. Times and date-times compare by these counts.
std::string EpochSeconds(std::string_view date_time, __int128& seconds, int& scale);
// The seconds since midnight of a time such as 13:30:00.250, in the same units as EpochSeconds,
// with fractions of up to kMaxTimeFraction digits.
std::string SecondsOfDay(std::string_view time, __int128& seconds, int& scale);

// The maximum number of digits in a fraction of a second that EpochSeconds and SecondsOfDay
// take: 38 less the 12 digits of the seconds in the years 0000 to 9999, or the 5 of the seconds
// of a day.
constexpr int kMaxDateTimeFraction = 26;
constexpr int kMaxTimeFraction = 33;

// True when the system's IANA zone database, read once, contains `zone`.
bool IsTimeZone(std::string_view zone);
// Converts a date-time to the local time of an IANA zone at the same instant, written with the
// zone's offset at that instant, such as +02:00.
std::string ToZone(std::string_view date_time, std::string_view zone, std::string& result);
// Reads a local date-time without an offset, YYYY-MM-DDThh:mm:ss with an optional fraction, as
// the local time of an IANA zone, and writes it with the zone's offset at that time. A time in
// a gap or an overlap follows the policies.
std::string FromLocal(std::string_view local, std::string_view zone, Overlap overlap, Gap gap,
                      std::string& result);

}  // namespace weft::dates
