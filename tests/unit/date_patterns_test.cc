// The pattern language of parse_date, parse_datetime, format_date and format_datetime: what a
// pattern may contain, how each field reads and writes, the year rules, and 29 February. The
// expected days follow the Gregorian leap-year rule: every fourth year, except centuries that
// 400 does not divide.
#include "stdlib/date_patterns.h"

#include <gtest/gtest.h>

namespace weft::dates {
namespace {

constexpr std::string_view kBerlin = "Europe/Berlin";

// Returns the result of ParseDateWithPattern, or "rejected: " and the reason.
std::string ReadDate(std::string_view text, std::string_view pattern, int64_t year = 0) {
  std::string result;
  std::string reason = ParseDateWithPattern(text, pattern, year, result);
  return reason.empty() ? result : "rejected: " + reason;
}

std::string ReadDateTime(std::string_view text, std::string_view pattern, std::string_view zone,
                         Overlap overlap = Overlap::kReject, Gap gap = Gap::kReject,
                         int64_t year = 0) {
  std::string result;
  std::string reason = ParseDateTimeWithPattern(text, pattern, zone, overlap, gap, year, result);
  return reason.empty() ? result : "rejected: " + reason;
}

std::string WriteDate(std::string_view date, std::string_view pattern) {
  std::string result;
  std::string reason = FormatDateWithPattern(date, pattern, result);
  return reason.empty() ? result : "rejected: " + reason;
}

std::string WriteDateTime(std::string_view date_time, std::string_view pattern) {
  std::string result;
  std::string reason = FormatDateTimeWithPattern(date_time, pattern, result);
  return reason.empty() ? result : "rejected: " + reason;
}

// Returns "" for a valid pattern, or the reason it is invalid.
std::string PatternError(std::string_view text, PatternUse use) {
  DatePattern pattern;
  return ParsePattern(text, use, pattern);
}

TEST(ParsePattern, FieldsLiteralsAndQuotes) {
  DatePattern pattern;
  ASSERT_EQ(ParsePattern("yyyy-MM-dd'T'HH:mm", PatternUse::kParseDateTime, pattern), "");
  ASSERT_EQ(pattern.parts.size(), 9u);
  EXPECT_EQ(pattern.parts[5].literal, "T");
  EXPECT_EQ(pattern.Year(), YearForm::kFull);

  ASSERT_EQ(ParsePattern("HH 'o''clock'", PatternUse::kFormatDateTime, pattern), "");
  ASSERT_EQ(pattern.parts.size(), 2u);
  EXPECT_EQ(pattern.parts[1].literal, " o'clock");
  EXPECT_EQ(pattern.Year(), YearForm::kNone);

  ASSERT_EQ(ParsePattern("dd.MM.yy", PatternUse::kParseDate, pattern), "");
  EXPECT_EQ(pattern.Year(), YearForm::kTwoDigits);
}

TEST(ParsePattern, RejectsUnknownFields) {
  EXPECT_EQ(PatternError("", PatternUse::kFormatDate), "the pattern is empty");
  EXPECT_EQ(PatternError("yyy-MM-dd", PatternUse::kParseDate),
            "`yyy` is not a field of a date pattern");
  EXPECT_EQ(PatternError("MMMM d", PatternUse::kFormatDate),
            "`MMMM` is not a field of a date pattern");
  EXPECT_EQ(PatternError("yyyy-MM-ddTHH", PatternUse::kParseDateTime),
            "`T` is not a field of a date pattern");
  EXPECT_EQ(PatternError("YYYY-MM-DD", PatternUse::kParseDate),
            "`YYYY` is not a field of a date pattern");
  EXPECT_EQ(PatternError("yyyy-MM-dd 'T", PatternUse::kParseDate),
            "the quoted text 'T has no closing quote");
}

TEST(ParsePattern, DatePatternsHaveNoTimeFields) {
  EXPECT_EQ(PatternError("dd.MM.yyyy HH", PatternUse::kParseDate),
            "`HH` is a time field, which a pattern for a date cannot contain");
  EXPECT_EQ(PatternError("mm", PatternUse::kFormatDate),
            "`mm` is a time field, which a pattern for a date cannot contain");
  EXPECT_EQ(PatternError("dd.MM.yyyy HH:mm", PatternUse::kFormatDateTime), "");
}

TEST(ParsePattern, EachPartOnce) {
  EXPECT_EQ(PatternError("yyyy-MM-dd yy", PatternUse::kParseDate),
            "the pattern contains the year twice, as `yyyy` and `yy`");
  EXPECT_EQ(PatternError("MMM MM", PatternUse::kFormatDate),
            "the pattern contains the month twice, as `MMM` and `MM`");
}

TEST(ParsePattern, ReadingNeedsMonthDayAndHour) {
  EXPECT_EQ(PatternError("yyyy-MM", PatternUse::kParseDate),
            "a pattern for reading needs the day: dd or d");
  EXPECT_EQ(PatternError("yyyy-dd", PatternUse::kParseDate),
            "a pattern for reading needs the month: MM, M or MMM");
  EXPECT_EQ(PatternError("dd.MM.yyyy", PatternUse::kParseDateTime),
            "a pattern for reading a date-time needs the hour: HH");
  EXPECT_EQ(PatternError("MMM yyyy", PatternUse::kFormatDate), "");
}

TEST(ParsePattern, OneOrTwoDigitsNeedASeparator) {
  EXPECT_EQ(PatternError("dMyyyy", PatternUse::kParseDate),
            "`d` has one or two digits, so a digit must not follow it directly, as `M` does");
  EXPECT_EQ(PatternError("yyyyMd", PatternUse::kParseDate),
            "`M` has one or two digits, so a digit must not follow it directly, as `d` does");
  EXPECT_EQ(PatternError("d'1'MMyyyy", PatternUse::kParseDate),
            "`d` has one or two digits, so a digit must not follow it directly, as `1` does");
  EXPECT_EQ(PatternError("dMMMyyyy", PatternUse::kParseDate), "");
  EXPECT_EQ(PatternError("dMyyyy", PatternUse::kFormatDate), "");
  EXPECT_EQ(PatternError("yyyyMMdd", PatternUse::kParseDate), "");
}

TEST(ParseDateWithPattern, ReadsFields) {
  EXPECT_EQ(ReadDate("20.03.2026", "dd.MM.yyyy"), "2026-03-20");
  EXPECT_EQ(ReadDate("20260320", "yyyyMMdd"), "2026-03-20");
  EXPECT_EQ(ReadDate("1.3.2026", "d.M.yyyy"), "2026-03-01");
  EXPECT_EQ(ReadDate("01.03.2026", "d.M.yyyy"), "2026-03-01");
  EXPECT_EQ(ReadDate("20-Mar-2026", "dd-MMM-yyyy"), "2026-03-20");
  EXPECT_EQ(ReadDate("20-MAR-2026", "dd-MMM-yyyy"), "2026-03-20");
  EXPECT_EQ(ReadDate("20-mar-2026", "dd-MMM-yyyy"), "2026-03-20");
  EXPECT_EQ(ReadDate("Dec 31, 2026", "MMM d, yyyy"), "2026-12-31");
}

TEST(ParseDateWithPattern, TwentyNinthOfFebruary) {
  EXPECT_EQ(ReadDate("29.02.2024", "dd.MM.yyyy"), "2024-02-29");
  EXPECT_EQ(ReadDate("29.02.2000", "dd.MM.yyyy"), "2000-02-29");
  EXPECT_EQ(ReadDate("29.02.2023", "dd.MM.yyyy"),
            "rejected: cannot read \"29.02.2023\" with the pattern \"dd.MM.yyyy\": 2023-02-29 "
            "does not exist");
  EXPECT_NE(ReadDate("29.02.1900", "dd.MM.yyyy").find("1900-02-29 does not exist"),
            std::string::npos);
  EXPECT_EQ(ReadDate("Feb 29 2024", "MMM d yyyy"), "2024-02-29");
}

TEST(ParseDateWithPattern, TwoDigitYearsMapFromThePivot) {
  EXPECT_EQ(ReadDate("01.01.70", "dd.MM.yy", 1970), "1970-01-01");
  EXPECT_EQ(ReadDate("31.12.99", "dd.MM.yy", 1970), "1999-12-31");
  EXPECT_EQ(ReadDate("01.01.00", "dd.MM.yy", 1970), "2000-01-01");
  EXPECT_EQ(ReadDate("31.12.69", "dd.MM.yy", 1970), "2069-12-31");
  EXPECT_EQ(ReadDate("15.06.50", "dd.MM.yy", 1950), "1950-06-15");
  EXPECT_EQ(ReadDate("15.06.49", "dd.MM.yy", 1950), "2049-06-15");
  EXPECT_EQ(ReadDate("01.01.05", "dd.MM.yy", 0), "0005-01-01");
  EXPECT_EQ(ReadDate("31.12.99", "dd.MM.yy", 9900), "9999-12-31");
  EXPECT_NE(ReadDate("01.01.05", "dd.MM.yy", 9901).find("the pivot year 9901 is outside"),
            std::string::npos);
}

TEST(ParseDateWithPattern, TwoDigitTwentyNinthOfFebruary) {
  EXPECT_EQ(ReadDate("29.02.24", "dd.MM.yy", 1970), "2024-02-29");
  EXPECT_EQ(ReadDate("29.02.00", "dd.MM.yy", 1950), "2000-02-29");
  // With the pivot 2001, 00 is 2100, which is not a leap year.
  EXPECT_NE(ReadDate("29.02.00", "dd.MM.yy", 2001).find("2100-02-29 does not exist"),
            std::string::npos);
  EXPECT_NE(ReadDate("29.02.23", "dd.MM.yy", 1970).find("2023-02-29 does not exist"),
            std::string::npos);
}

TEST(ParseDateWithPattern, YearlessDatesTakeTheYearArgument) {
  EXPECT_EQ(ReadDate("29.02", "dd.MM", 2024), "2024-02-29");
  EXPECT_NE(ReadDate("29.02", "dd.MM", 2023).find("2023-02-29 does not exist"),
            std::string::npos);
  EXPECT_EQ(ReadDate("20.03", "dd.MM", 0), "0000-03-20");
  EXPECT_NE(ReadDate("20.03", "dd.MM", 10000).find("the year 10000 is outside"),
            std::string::npos);
  EXPECT_NE(ReadDate("20.03", "dd.MM", -1).find("the year -1 is outside"), std::string::npos);
}

TEST(ParseDateWithPattern, FullYearIgnoresTheYearArgument) {
  EXPECT_EQ(ReadDate("20.03.2026", "dd.MM.yyyy", 1970), "2026-03-20");
}

TEST(ParseDateWithPattern, ReasonsNameTheTextAndWhere) {
  EXPECT_EQ(ReadDate("20/03/2026", "dd.MM.yyyy"),
            "rejected: cannot read \"20/03/2026\" with the pattern \"dd.MM.yyyy\": expected \".\" "
            "after \"20\"");
  EXPECT_EQ(ReadDate("2.03.2026", "dd.MM.yyyy"),
            "rejected: cannot read \"2.03.2026\" with the pattern \"dd.MM.yyyy\": expected two "
            "digits for the day (dd) at the start");
  EXPECT_NE(ReadDate("20.03.26", "dd.MM.yyyy").find("expected four digits for the year (yyyy)"),
            std::string::npos);
  EXPECT_NE(ReadDate("20.03.2026x", "dd.MM.yyyy").find("\"x\" follows the end of the pattern"),
            std::string::npos);
  EXPECT_NE(ReadDate("20.13.2026", "dd.MM.yyyy").find("13 is not a month"), std::string::npos);
  EXPECT_NE(ReadDate("00.03.2026", "dd.MM.yyyy").find("2026-03-00 does not exist"),
            std::string::npos);
  EXPECT_NE(ReadDate("20-Mrz-2026", "dd-MMM-yyyy").find("expected a month such as Jan"),
            std::string::npos);
  EXPECT_NE(ReadDate("", "dd.MM.yyyy").find("at the start"), std::string::npos);
}

TEST(ParseDateTimeWithPattern, ReadsLocalTimes) {
  EXPECT_EQ(ReadDateTime("20.03.2026 13:05", "dd.MM.yyyy HH:mm", kBerlin),
            "2026-03-20T13:05:00+01:00");
  EXPECT_EQ(ReadDateTime("2026-07-01T08:30:15", "yyyy-MM-dd'T'HH:mm:ss", kBerlin),
            "2026-07-01T08:30:15+02:00");
  EXPECT_EQ(ReadDateTime("2024-02-29 12", "yyyy-MM-dd HH", kBerlin), "2024-02-29T12:00:00+01:00");
  EXPECT_NE(ReadDateTime("2023-02-29 12", "yyyy-MM-dd HH", kBerlin).find("does not exist"),
            std::string::npos);
  EXPECT_NE(ReadDateTime("20.03.2026 24:00", "dd.MM.yyyy HH:mm", kBerlin)
                .find("24 is not an hour from 00 to 23"),
            std::string::npos);
  EXPECT_NE(ReadDateTime("20.03.2026 12:60", "dd.MM.yyyy HH:mm", kBerlin)
                .find("60 is not a minute from 00 to 59"),
            std::string::npos);
}

TEST(ParseDateTimeWithPattern, GapsAndOverlaps) {
  EXPECT_EQ(ReadDateTime("29.03.2026 02:30", "dd.MM.yyyy HH:mm", kBerlin),
            "rejected: \"29.03.2026 02:30\" (2026-03-29T02:30:00) does not exist in "
            "Europe/Berlin, because clocks there skip from 02:00 to 03:00 on 2026-03-29; give "
            "SHIFT_FORWARD as the gap policy to move such times forward by the gap");
  EXPECT_EQ(ReadDateTime("29.03.2026 02:30", "dd.MM.yyyy HH:mm", kBerlin, Overlap::kReject,
                         Gap::kShiftForward),
            "2026-03-29T03:30:00+02:00");
  EXPECT_EQ(ReadDateTime("25.10.26 02:30", "dd.MM.yy HH:mm", kBerlin, Overlap::kLater,
                         Gap::kReject, 2000),
            "2026-10-25T02:30:00+01:00");
  EXPECT_EQ(ReadDateTime("11/01/2026 01:30", "MM/dd/yyyy HH:mm", "America/New_York",
                         Overlap::kEarlier),
            "2026-11-01T01:30:00-04:00");
  EXPECT_NE(ReadDateTime("03/08/2026 02:30", "MM/dd/yyyy HH:mm", "America/New_York")
                .find("does not exist in America/New_York"),
            std::string::npos);
}

TEST(FormatDateWithPattern, WritesFields) {
  EXPECT_EQ(WriteDate("2026-03-20", "dd.MM.yyyy"), "20.03.2026");
  EXPECT_EQ(WriteDate("2026-03-05", "d.M.yy"), "5.3.26");
  EXPECT_EQ(WriteDate("2026-12-31", "MMM yyyy"), "Dec 2026");
  EXPECT_EQ(WriteDate("0005-01-09", "yy/M/d"), "05/1/9");
  EXPECT_EQ(WriteDate("2026-03-20", "''yy"), "'26");
  EXPECT_NE(WriteDate("2026-02-30", "dd.MM.yyyy").find("is not a date"), std::string::npos);
}

TEST(FormatDateWithPattern, TwentyNinthOfFebruary) {
  EXPECT_EQ(WriteDate("2024-02-29", "dd.MM.yyyy"), "29.02.2024");
  EXPECT_EQ(WriteDate("2024-02-29", "d.M.yy"), "29.2.24");
  EXPECT_EQ(WriteDate("2000-02-29", "MMM d, yyyy"), "Feb 29, 2000");
  EXPECT_EQ(WriteDate("2024-02-29", "yyyyMMdd"), "20240229");
}

TEST(FormatDateTimeWithPattern, WritesTheLocalTimeAsWritten) {
  EXPECT_EQ(WriteDateTime("2026-03-20T13:05:09+01:00", "dd.MM.yyyy HH:mm:ss"),
            "20.03.2026 13:05:09");
  EXPECT_EQ(WriteDateTime("2026-03-20T13:05:09.125-05:00", "HH:mm"), "13:05");
  EXPECT_EQ(WriteDateTime("2026-03-20T13:05:09Z", "HH 'o''clock'"), "13 o'clock");
  EXPECT_EQ(WriteDateTime("2024-02-29T23:59:59Z", "d MMM yyyy HH:mm:ss"),
            "29 Feb 2024 23:59:59");
  // A leap second counts as the first second of the next minute, here of 1 March.
  EXPECT_EQ(WriteDateTime("2024-02-29T23:59:60Z", "yyyy-MM-dd HH:mm:ss"), "2024-03-01 00:00:00");
}

}  // namespace
}  // namespace weft::dates
