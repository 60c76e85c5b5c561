#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "stdlib/dates.h"

// The pattern language of `parse_date`, `parse_datetime`, `format_date` and `format_datetime`.
// A pattern is literal text with fields: yyyy, yy, MMM, MM, M, dd, d, HH, mm and ss. Date-time
// patterns may also contain S to SSSSSSSSS for the fraction of a second, and X, XX, XXX, x, xx or
// xxx for the offset. Other ASCII letters are reserved and must be quoted, as in 'T', and '' is a
// single quote. The checker validates constant patterns with ParsePattern, and the runtime reads
// and writes with the same parser.
namespace weft::dates {

enum class PatternField {
  kYear4,
  kYear2,
  kMonthName,
  kMonth2,
  kMonth1,
  kDay2,
  kDay1,
  kHour,
  kMinute,
  kSecond,
  // S to SSSSSSSSS: the first 1 to 9 digits of the fraction of a second.
  kFraction,
  // X, XX, XXX, x, xx or xxx: the offset from UTC. The letters decide its form.
  kOffset,
};

// The maximum number of digits of a fraction of a second in a pattern, which is nanoseconds.
constexpr size_t kMaxFractionDigits = 9;

// One part of a pattern: a field, or literal text that the value contains as written.
struct PatternPart {
  std::optional<PatternField> field;
  std::string literal;
  // The letters of a field as the pattern writes them, such as "SSS" or "XXX".
  std::string letters;
};

// What a pattern is for, which decides the fields it may and must contain.
enum class PatternUse { kParseDate, kParseDateTime, kFormatDate, kFormatDateTime };

// The form of the year in a pattern: four digits, two digits, or none.
enum class YearForm { kFull, kTwoDigits, kNone };

struct DatePattern {
  std::vector<PatternPart> parts;

  // Returns the part with the field, or nullptr when the pattern lacks it.
  const PatternPart* Find(PatternField field) const;
  bool Has(PatternField field) const;
  YearForm Year() const;
};

// Parses a pattern for a use. Returns "" or the reason that the pattern is invalid, which names
// the part at fault.
std::string ParsePattern(std::string_view text, PatternUse use, DatePattern& pattern);

// The lowest and highest pivot years: the window of a two-digit year, from the pivot to 99 years
// after it, must lie in the years 0000 to 9999.
constexpr int64_t kMinPivot = 0;
constexpr int64_t kMaxPivot = 9900;

// Reads a date with a date pattern. `year` is the pivot of a pattern with `yy`, such that the
// year lies from `year` to `year` + 99, or the year of a pattern without one; a pattern with
// `yyyy` ignores it.
std::string ParseDateWithPattern(std::string_view text, std::string_view pattern, int64_t year,
                                 std::string& result);
// Reads a local date-time with a date-time pattern, with `year` as for ParseDateWithPattern, and
// writes it as FromLocal does. Minutes and seconds that the pattern lacks are 0. A pattern with an
// offset field reads the offset from the text instead, and ignores `zone`, `overlap` and `gap`.
// The fraction of a second that the pattern reads is kept as written.
std::string ParseDateTimeWithPattern(std::string_view text, std::string_view pattern,
                                     std::string_view zone, Overlap overlap, Gap gap, int64_t year,
                                     std::string& result);
std::string FormatDateWithPattern(std::string_view date, std::string_view pattern,
                                  std::string& result);
// Writes the date and time of a date-time as written, in its own offset. The fraction of a second
// and the offset appear only where the pattern has their fields.
std::string FormatDateTimeWithPattern(std::string_view date_time, std::string_view pattern,
                                      std::string& result);

}  // namespace weft::dates
