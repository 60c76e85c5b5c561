// Local date-times of an IANA time zone, which gaps and overlaps make missing or ambiguous, and
// the policies that decide them.
#include <fmt/format.h>

#include "stdlib/date_internal.h"
#include "stdlib/dates.h"
#include "stdlib/iso8601.h"
#include "stdlib/numbers.h"

namespace weft::dates {

using namespace internal;

namespace {

using std::chrono::hours;
using std::chrono::minutes;
using std::chrono::seconds;

// Writes the clock time of a local time, such as 02:00.
std::string ClockTime(date::sys_seconds local) {
  date::hh_mm_ss<seconds> time(local - date::floor<date::days>(local));
  return fmt::format("{:02}:{:02}", time.hours().count(), time.minutes().count());
}

// Describes the transition at the end of `before`, as local clock times on its local date.
struct Transition {
  std::string date;
  std::string from;
  std::string to;
};

Transition TransitionBetween(const date::sys_info& before, const date::sys_info& after) {
  date::sys_seconds from = before.end + before.offset;
  date::sys_seconds to = before.end + after.offset;
  return {FormatDate(date::floor<date::days>(from)), ClockTime(from), ClockTime(to)};
}

std::string OffsetOf(const date::sys_info& info) {
  return FormatOffset(date::floor<minutes>(info.offset));
}

// Returns the instant that a local time names under the policies, or nothing after writing the
// reason. A time in a gap that shifts forward is read with the offset before the gap, which
// lands it as far after the gap's end as it lay after the gap's start.
std::optional<date::sys_seconds> InstantOf(date::local_seconds local, const date::local_info& info,
                                           Overlap overlap, Gap gap, std::string_view value,
                                           std::string_view zone, std::string& reason) {
  date::sys_seconds earlier{local.time_since_epoch() - info.first.offset};
  switch (info.result) {
    case date::local_info::unique:
      return earlier;
    case date::local_info::nonexistent: {
      if (gap == Gap::kShiftForward) return earlier;
      Transition transition = TransitionBetween(info.first, info.second);
      reason = fmt::format(
          "{} does not exist in {}, because clocks there skip from {} to {} on {}; give "
          "SHIFT_FORWARD as the gap policy to move such times forward by the gap",
          value, zone, transition.from, transition.to, transition.date);
      return std::nullopt;
    }
    case date::local_info::ambiguous: {
      if (overlap == Overlap::kEarlier) return earlier;
      if (overlap == Overlap::kLater) {
        return date::sys_seconds{local.time_since_epoch() - info.second.offset};
      }
      Transition transition = TransitionBetween(info.first, info.second);
      reason = fmt::format(
          "{} occurs twice in {}, first at {} and again at {}, because clocks there go back from "
          "{} to {} on {}; give EARLIER or LATER as the overlap policy to choose one",
          value, zone, OffsetOf(info.first), OffsetOf(info.second), transition.from,
          transition.to, transition.date);
      return std::nullopt;
    }
  }
  return std::nullopt;
}

// Reads YYYY-MM-DDThh:mm:ss with an optional fraction and no offset. A leap second, :60, counts
// as the first second of the next minute.
std::optional<date::local_seconds> ParseLocal(std::string_view text, std::string_view& fraction) {
  bool valid = text.size() >= 19 && (text[10] == 'T' || text[10] == 't') &&
               iso8601::IsDate(text.substr(0, 10)) && iso8601::IsTime(text.substr(11));
  if (!valid) return std::nullopt;
  std::string_view time = text.substr(11);
  seconds time_of_day = hours(Digits(time.substr(0, 2))) + minutes(Digits(time.substr(3, 2))) +
                        seconds(Digits(time.substr(6, 2)));
  fraction = time.substr(8);
  return date::local_seconds{(*ParseDate(text.substr(0, 10)) + time_of_day).time_since_epoch()};
}

}  // namespace

namespace internal {

std::string ResolveLocal(date::local_seconds local, std::string_view fraction,
                         std::string_view zone, Overlap overlap, Gap gap, std::string_view value,
                         std::string& result) {
  const date::time_zone* time_zone = FindZone(zone);
  if (time_zone == nullptr) {
    return fmt::format("{} is not a time zone in the system's IANA zone database",
                       numbers::Quote(zone));
  }
  std::string reason;
  std::optional<date::sys_seconds> instant =
      InstantOf(local, time_zone->get_info(local), overlap, gap, value, zone, reason);
  if (!instant) return reason;

  // The result is written with the offset in force at the instant, which after a shift over a
  // gap is the offset after it.
  date::sys_info info = time_zone->get_info(*instant);
  date::sys_seconds written{(*instant + info.offset).time_since_epoch()};
  if (!InRange(date::floor<date::days>(written))) {
    return OutOfRange(fmt::format("{} in {}", value, zone));
  }
  if (info.offset % minutes(1) != seconds(0)) {
    return fmt::format("{} in {} has the offset {} with seconds, which ISO 8601 text cannot write",
                       value, zone, info.abbrev);
  }
  result = FormatWithOffset(written, fraction, date::floor<minutes>(info.offset));
  return "";
}

}  // namespace internal

std::string FromLocal(std::string_view local, std::string_view zone, Overlap overlap, Gap gap,
                      std::string& result) {
  std::string_view fraction;
  std::optional<date::local_seconds> time = ParseLocal(local, fraction);
  if (time) return ResolveLocal(*time, fraction, zone, overlap, gap, numbers::Quote(local), result);

  if (iso8601::IsDateTime(local)) {
    return fmt::format("{} has an offset, so it names an instant already; convert it with to_zone",
                       numbers::Quote(local));
  }
  return fmt::format("{} is not a local date-time such as 2026-03-29T02:30:00, without an offset",
                     numbers::Quote(local));
}

}  // namespace weft::dates
