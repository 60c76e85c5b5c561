#pragma once

#include <string>
#include <string_view>

// The text forms of dates and times that records carry (ISO 8601, as profiled by RFC 3339),
// checked the same way by the compiler for constants and by the runtime for input.
namespace weft::iso8601 {

// True for text of the form YYYY-MM-DD naming a day of the proleptic Gregorian calendar.
bool IsDate(std::string_view text);
// True for text of the form YYYY-MM-DD whatever its numbers, so that a reason can tell a day that
// the calendar lacks, such as 2026-02-29, from text that is not a date at all.
bool HasDateShape(std::string_view text);
// True for hh:mm:ss with an optional fraction of a second.
bool IsTime(std::string_view text);
// True for an RFC 3339 date-time: a date, `T`, a time, and `Z` or an offset such as +01:00. The
// offset may also be written +0100, as Salesforce does.
bool IsDateTime(std::string_view text);

// True when `date_time`, which IsDateTime accepts, ends in an offset of the basic form +0100.
inline bool HasBasicOffset(std::string_view date_time) {
  return date_time.size() >= 5 &&
         (date_time[date_time.size() - 5] == '+' || date_time[date_time.size() - 5] == '-');
}
// Returns `date_time`, which IsDateTime accepts, with an offset of the basic form +0100 written
// +01:00, as RFC 3339 requires, so that a value read from Salesforce's form is written in the
// form strict parsers take. Other values are returned as they are.
std::string WithExtendedOffset(std::string_view date_time);

}  // namespace weft::iso8601
