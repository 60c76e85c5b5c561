#include "stdlib/dates.h"

#include <date/date.h>
#include <date/tz.h>
#include <fmt/format.h>

#include <chrono>
#include <optional>
#include <stdexcept>

#include "stdlib/date_internal.h"
#include "stdlib/iso8601.h"
#include "stdlib/numbers.h"

namespace weft::dates {

using namespace internal;

namespace {

using std::chrono::hours;
using std::chrono::milliseconds;
using std::chrono::minutes;
using std::chrono::seconds;

// Reads the offset at the end of a valid date-time: `Z`, `+hh:mm` or `+hhmm`.
minutes ParseOffset(std::string_view text, size_t& offset_length) {
  if (text.back() == 'Z' || text.back() == 'z') {
    offset_length = 1;
    return minutes(0);
  }
  offset_length = text[text.size() - 3] == ':' ? 6 : 5;
  std::string_view offset = text.substr(text.size() - offset_length);
  minutes value =
      hours(Digits(offset.substr(1, 2))) + minutes(Digits(offset.substr(offset_length - 2)));
  return offset[0] == '-' ? -value : value;
}

// Adds days to a day in the years 0000 to 9999 without overflowing the library's int count.
std::optional<date::sys_days> Shift(date::sys_days day, int64_t days) {
  // The bounds are compared before adding, so that no `days` can overflow the sum.
  if (days < (kFirstDay - day).count() || days > (kLastDay - day).count()) return std::nullopt;
  return day + date::days(static_cast<int>(days));
}

// Splits a count of seconds, or with `millis` milliseconds, since 1970-01-01T00:00:00Z into the
// whole second and the fraction as written, such as ".250". Returns nothing for counts so large
// that they lie far outside the years 0000 to 9999.
std::optional<date::sys_seconds> EpochInstant(int64_t count, bool millis, std::string& fraction) {
  // The bounds keep the arithmetic below far from overflow, and both lie outside the years 0000
  // to 9999.
  constexpr int64_t kLimit = int64_t{1} << 40;
  int64_t whole_seconds = millis ? count / 1000 : count;
  int64_t remainder = millis ? count % 1000 : 0;
  if (remainder < 0) {
    whole_seconds -= 1;
    remainder += 1000;
  }
  if (whole_seconds < -kLimit || whole_seconds > kLimit) return std::nullopt;
  fraction = remainder == 0 ? "" : fmt::format(".{:03}", remainder);
  return date::sys_seconds{seconds(whole_seconds)};
}

// Reads an offset in ISO 8601's basic format, a sign and hhmm such as +0100, with hours up to 23
// and minutes up to 59.
std::optional<minutes> ParseBasicOffset(std::string_view text) {
  bool digits = text.size() == 5 && text.find_first_not_of("0123456789", 1) == std::string_view::npos;
  if (!digits || Digits(text.substr(1, 2)) > 23 || Digits(text.substr(3, 2)) > 59) {
    return std::nullopt;
  }
  minutes value = hours(Digits(text.substr(1, 2))) + minutes(Digits(text.substr(3, 2)));
  return text[0] == '-' ? -value : value;
}

}  // namespace

namespace internal {

int Digits(std::string_view text) {
  int value = 0;
  for (char c : text) value = value * 10 + (c - '0');
  return value;
}

std::optional<date::sys_days> ParseDate(std::string_view text) {
  if (!iso8601::IsDate(text)) return std::nullopt;
  return date::sys_days(date::year(Digits(text.substr(0, 4))) /
                        static_cast<unsigned>(Digits(text.substr(5, 2))) /
                        static_cast<unsigned>(Digits(text.substr(8, 2))));
}

std::optional<DateTimeParts> ParseDateTime(std::string_view text) {
  if (!iso8601::IsDateTime(text)) return std::nullopt;
  size_t offset_length = 0;
  DateTimeParts parts;
  parts.offset = ParseOffset(text, offset_length);

  // A leap second, :60, counts as the first second of the next minute.
  std::string_view time = text.substr(11, text.size() - 11 - offset_length);
  seconds time_of_day = hours(Digits(time.substr(0, 2))) + minutes(Digits(time.substr(3, 2))) +
                        seconds(Digits(time.substr(6, 2)));
  parts.local = *ParseDate(text.substr(0, 10)) + time_of_day;
  parts.fraction = time.substr(8);
  return parts;
}

std::string FormatDate(date::sys_days day) {
  date::year_month_day ymd(day);
  return fmt::format("{:04}-{:02}-{:02}", static_cast<int>(ymd.year()),
                     static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
}

std::string FormatUtc(date::sys_seconds instant, std::string_view fraction) {
  date::sys_days day = date::floor<date::days>(instant);
  date::hh_mm_ss<seconds> time(instant - day);
  return fmt::format("{}T{:02}:{:02}:{:02}{}Z", FormatDate(day), time.hours().count(),
                     time.minutes().count(), time.seconds().count(), fraction);
}

std::string FormatOffset(minutes offset) {
  minutes magnitude = offset < minutes(0) ? -offset : offset;
  return fmt::format("{}{:02}:{:02}", offset < minutes(0) ? '-' : '+', magnitude.count() / 60,
                     magnitude.count() % 60);
}

std::string FormatWithOffset(date::sys_seconds local, std::string_view fraction,
                             minutes offset) {
  std::string text = FormatUtc(local, fraction);
  text.pop_back();
  return text + FormatOffset(offset);
}

bool InRange(date::sys_days day) { return day >= kFirstDay && day <= kLastDay; }

std::string OutOfRange(std::string_view what) {
  return fmt::format("{} is outside the years 0000 to 9999 that ISO 8601 dates can write", what);
}

std::string InvalidDate(std::string_view text) {
  return fmt::format("{} is not a date such as 2026-03-20", numbers::Quote(text));
}

std::string InvalidDateTime(std::string_view text) {
  return fmt::format("{} is not a date-time such as 2026-03-20T13:30:00Z", numbers::Quote(text));
}

// The library reports a missing zone and an unreadable database with std::runtime_error, which
// must not reach generated code.
const date::time_zone* FindZone(std::string_view zone) {
  try {
    return date::locate_zone(zone);
  } catch (const std::runtime_error&) {
    return nullptr;
  }
}

}  // namespace internal

std::string ToUtc(std::string_view date_time, std::string& result) {
  std::optional<DateTimeParts> parts = ParseDateTime(date_time);
  if (!parts) return InvalidDateTime(date_time);
  date::sys_seconds utc = parts->local - parts->offset;
  if (!InRange(date::floor<date::days>(utc))) {
    return OutOfRange(fmt::format("{} in UTC", numbers::Quote(date_time)));
  }
  result = FormatUtc(utc, parts->fraction);
  return "";
}

std::string FromEpoch(int64_t count, bool millis, std::string& result) {
  std::string fraction;
  std::optional<date::sys_seconds> instant = EpochInstant(count, millis, fraction);
  if (!instant || !InRange(date::floor<date::days>(*instant))) {
    return OutOfRange(std::to_string(count));
  }
  result = FormatUtc(*instant, fraction);
  return "";
}

std::string ParseODataDate(std::string_view text, std::string& result) {
  std::string invalid = fmt::format(
      "{} is not an OData date such as /Date(1700000000000)/ or /Date(1700000000000+0100)/",
      numbers::Quote(text));
  constexpr std::string_view kStart = "/Date(";
  constexpr std::string_view kEnd = ")/";
  if (text.size() <= kStart.size() + kEnd.size() || !text.starts_with(kStart) ||
      !text.ends_with(kEnd)) {
    return invalid;
  }
  std::string_view inner = text.substr(kStart.size(), text.size() - kStart.size() - kEnd.size());

  // The offset is a sign and four digits at the end. The count may have a minus sign of its own,
  // but no plus sign, and fits 64 bits.
  std::string_view count_text = inner;
  std::optional<minutes> offset;
  size_t sign = inner.size() > 5 ? inner.size() - 5 : 0;
  if (sign > 0 && (inner[sign] == '+' || inner[sign] == '-')) {
    offset = ParseBasicOffset(inner.substr(sign));
    if (!offset) return invalid;
    count_text = inner.substr(0, sign);
  }
  int64_t count = 0;
  if (count_text.starts_with('+') || !numbers::ParseInt(count_text, count).empty()) return invalid;

  std::string fraction;
  std::optional<date::sys_seconds> instant = EpochInstant(count, true, fraction);
  date::sys_seconds local = instant.value_or(date::sys_seconds{}) + offset.value_or(minutes(0));
  if (!instant || !InRange(date::floor<date::days>(local))) return OutOfRange(numbers::Quote(text));
  result = offset ? FormatWithOffset(local, fraction, *offset) : FormatUtc(local, fraction);
  return "";
}

std::string FromExcelSerial(int64_t serial, ExcelSystem system, std::string& result) {
  if (system == ExcelSystem::k1904) {
    if (serial < 0)
      return fmt::format("{} is before day 0, 1904-01-01, of Excel's 1904 date system", serial);
    std::optional<date::sys_days> day = Shift(date::year(1904) / 1 / 1, serial);
    if (!day) return OutOfRange(fmt::format("Excel serial {}", serial));
    result = FormatDate(*day);
    return "";
  }

  // Excel's 1900 system counts 1900 as a leap year, as Lotus 1-2-3 did, so serial 60 is the
  // day 1900-02-29 that never was, and from serial 61 (1900-03-01) on every serial is one more
  // than the days since 1899-12-31.
  if (serial < 1)
    return fmt::format("{} is before day 1, 1900-01-01, of Excel's 1900 date system", serial);
  if (serial == 60) {
    return "60 is 1900-02-29 in Excel's 1900 date system, a day that does not exist because 1900 "
           "was not a leap year";
  }
  std::optional<date::sys_days> day =
      Shift(date::year(1899) / 12 / 31, serial < 60 ? serial : serial - 1);
  if (!day) return OutOfRange(fmt::format("Excel serial {}", serial));
  result = FormatDate(*day);
  return "";
}

std::string ParseSapDate(std::string_view text, std::string& result) {
  bool digits = text.size() == 8 && text.find_first_not_of("0123456789") == std::string_view::npos;
  if (!digits)
    return fmt::format("{} is not a SAP date of 8 digits YYYYMMDD", numbers::Quote(text));
  if (text == "00000000") return "\"00000000\" is SAP's initial date, which stands for no date";

  std::string iso =
      fmt::format("{}-{}-{}", text.substr(0, 4), text.substr(4, 2), text.substr(6, 2));
  if (!iso8601::IsDate(iso)) {
    return fmt::format("\"{}\" is not a valid day: {} does not exist", text, iso);
  }
  result = std::move(iso);
  return "";
}

std::string DateOf(std::string_view date_time, std::string& result) {
  if (!iso8601::IsDateTime(date_time)) return InvalidDateTime(date_time);
  result = date_time.substr(0, 10);
  return "";
}

std::string AddDays(std::string_view date, int64_t days, std::string& result) {
  std::optional<date::sys_days> day = ParseDate(date);
  if (!day) return InvalidDate(date);
  std::optional<date::sys_days> shifted = Shift(*day, days);
  if (!shifted) return OutOfRange(fmt::format("{} plus {} days", date, days));
  result = FormatDate(*shifted);
  return "";
}

std::string AddMonths(std::string_view date, int64_t months, std::string& result) {
  std::optional<date::sys_days> day = ParseDate(date);
  if (!day) return InvalidDate(date);
  date::year_month_day ymd(*day);

  // The index counts months from 0000-01 in 64 bits, so that the range check comes before the
  // library's int arithmetic could overflow.
  int64_t index =
      int64_t{static_cast<int>(ymd.year())} * 12 + static_cast<unsigned>(ymd.month()) - 1;
  if (months < -index || months > 9999 * 12 + 11 - index) {
    return OutOfRange(fmt::format("{} plus {} months", date, months));
  }
  index += months;
  date::year_month month(date::year(static_cast<int>(index / 12)),
                         date::month(static_cast<unsigned>(index % 12 + 1)));
  date::day last =
      date::year_month_day_last(month.year(), date::month_day_last(month.month())).day();
  result = FormatDate(month / std::min(ymd.day(), last));
  return "";
}

std::string DaysBetween(std::string_view from, std::string_view to, int64_t& result) {
  std::optional<date::sys_days> first = ParseDate(from);
  if (!first) return InvalidDate(from);
  std::optional<date::sys_days> second = ParseDate(to);
  if (!second) return InvalidDate(to);
  result = (*second - *first).count();
  return "";
}

std::string StartOfMonth(std::string_view date, std::string& result) {
  if (!ParseDate(date)) return InvalidDate(date);
  result = fmt::format("{}01", date.substr(0, 8));
  return "";
}

std::string Weekday(std::string_view date, std::string& result) {
  static constexpr std::string_view kNames[] = {"Sunday",   "Monday", "Tuesday", "Wednesday",
                                                "Thursday", "Friday", "Saturday"};
  std::optional<date::sys_days> day = ParseDate(date);
  if (!day) return InvalidDate(date);
  result = kNames[date::weekday(*day).c_encoding()];
  return "";
}

bool IsTimeZone(std::string_view zone) { return FindZone(zone) != nullptr; }

std::string ToZone(std::string_view date_time, std::string_view zone, std::string& result) {
  std::optional<DateTimeParts> parts = ParseDateTime(date_time);
  if (!parts) return InvalidDateTime(date_time);
  const date::time_zone* time_zone = FindZone(zone);
  if (time_zone == nullptr) {
    return fmt::format("{} is not a time zone in the system's IANA zone database",
                       numbers::Quote(zone));
  }

  // The input names an instant, so the zone's offset at that instant is unique: a local time in a
  // gap never results, and the offset distinguishes the two local times that an overlap repeats.
  date::sys_seconds utc = parts->local - parts->offset;
  date::sys_info info = time_zone->get_info(utc);
  date::sys_seconds local{(utc + info.offset).time_since_epoch()};
  if (!InRange(date::floor<date::days>(local))) {
    return OutOfRange(fmt::format("{} in {}", numbers::Quote(date_time), zone));
  }

  // Local mean times before standard time, such as Berlin's +00:53:28 until 1893, have seconds in
  // their offset, which RFC 3339 offsets cannot write.
  if (info.offset % minutes(1) != seconds(0)) {
    return fmt::format("{} in {} has the offset {} with seconds, which ISO 8601 text cannot write",
                       numbers::Quote(date_time), zone, info.abbrev);
  }
  result = FormatWithOffset(local, parts->fraction, date::floor<minutes>(info.offset));
  return "";
}

}  // namespace weft::dates
