// Times and date-times as counts of seconds, which order them by the instant they name instead
// of by their text.
#include <date/date.h>
#include <fmt/format.h>

#include <chrono>
#include <optional>

#include "runtime/decimal.h"
#include "stdlib/date_internal.h"
#include "stdlib/dates.h"
#include "stdlib/iso8601.h"
#include "stdlib/numbers.h"

namespace weft::dates {

using namespace internal;

namespace {

// Adds the digits of `fraction`, such as ".250", to whole `seconds`, without the point and the
// trailing zeros. Returns "" or the reason, naming `text`, when more than `max_digits` remain.
std::string AddFraction(int64_t whole_seconds, std::string_view fraction, int max_digits,
                        std::string_view text, __int128& seconds, int& scale) {
  std::string_view digits = fraction.empty() ? fraction : fraction.substr(1);
  while (!digits.empty() && digits.back() == '0') digits.remove_suffix(1);
  if (static_cast<int>(digits.size()) > max_digits) {
    return fmt::format(
        "{} has {} digits in its fraction of a second, more than the {} that a comparison holds",
        numbers::Quote(text), digits.size(), max_digits);
  }

  scale = static_cast<int>(digits.size());
  __int128 units = 0;
  for (char digit : digits) units = units * 10 + (digit - '0');
  // The whole seconds are rounded down, so the fraction adds to them even before 1970.
  seconds = __int128{whole_seconds} * runtime::PowerOfTen(scale) + units;
  return "";
}

}  // namespace

std::string EpochSeconds(std::string_view date_time, __int128& seconds, int& scale) {
  std::optional<DateTimeParts> parts = ParseDateTime(date_time);
  if (!parts) return InvalidDateTime(date_time);
  date::sys_seconds instant = parts->local - parts->offset;
  return AddFraction(instant.time_since_epoch().count(), parts->fraction, kMaxDateTimeFraction,
                     date_time, seconds, scale);
}

std::string SecondsOfDay(std::string_view time, __int128& seconds, int& scale) {
  if (!iso8601::IsTime(time)) {
    return fmt::format("{} is not a time such as 13:30:00", numbers::Quote(time));
  }
  int64_t whole_seconds = int64_t{Digits(time.substr(0, 2))} * 3600 +
                          int64_t{Digits(time.substr(3, 2))} * 60 + Digits(time.substr(6, 2));
  return AddFraction(whole_seconds, time.substr(8), kMaxTimeFraction, time, seconds, scale);
}

}  // namespace weft::dates
