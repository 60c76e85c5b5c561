// The pattern language of parse_date, parse_datetime, format_date and format_datetime: what a
// pattern may contain, how each field reads and writes, the year rules, 29 February, and the
// fraction of a second and the offset. The expected days follow the Gregorian leap-year rule:
// every fourth year, except centuries that 400 does not divide.
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

TEST(ParsePattern, FractionAndOffsetFields) {
  DatePattern pattern;
  ASSERT_EQ(ParsePattern("yyyy-MM-dd'T'HH:mm:ss.SSSXXX", PatternUse::kParseDateTime, pattern), "");
  ASSERT_EQ(pattern.parts.size(), 14u);
  const PatternPart* fraction = pattern.Find(PatternField::kFraction);
  ASSERT_NE(fraction, nullptr);
  EXPECT_EQ(fraction->letters, "SSS");
  const PatternPart* offset = pattern.Find(PatternField::kOffset);
  ASSERT_NE(offset, nullptr);
  EXPECT_EQ(offset->letters, "XXX");
  EXPECT_EQ(pattern.Find(PatternField::kMonthName), nullptr);
}

TEST(ParsePattern, EveryOffsetForm) {
  for (std::string_view letters : {"X", "XX", "XXX", "x", "xx", "xxx"}) {
    std::string text = "yyyy-MM-dd HH:mm:ss" + std::string(letters);
    EXPECT_EQ(PatternError(text, PatternUse::kParseDateTime), "") << text;
    EXPECT_EQ(PatternError(text, PatternUse::kFormatDateTime), "") << text;
  }
}

TEST(ParsePattern, FractionHasOneToNineDigits) {
  for (size_t digits = 1; digits <= kMaxFractionDigits; ++digits) {
    std::string text = "HH:mm:ss." + std::string(digits, 'S');
    EXPECT_EQ(PatternError(text, PatternUse::kFormatDateTime), "") << text;
  }
  EXPECT_EQ(PatternError("HH:mm:ss.SSSSSSSSSS", PatternUse::kFormatDateTime),
            "`SSSSSSSSSS` is not a field of a date pattern, because the fraction of a second has 1 "
            "to 9 digits, S to SSSSSSSSS");
}

TEST(ParsePattern, RejectsOtherOffsetLetters) {
  EXPECT_EQ(PatternError("HH:mm:ssXXXX", PatternUse::kFormatDateTime),
            "`XXXX` is not a field of a date pattern, because the offset fields are X, XX, XXX, "
            "x, xx and xxx");
  EXPECT_EQ(PatternError("HH:mm:ssxxxxx", PatternUse::kFormatDateTime),
            "`xxxxx` is not a field of a date pattern, because the offset fields are X, XX, XXX, "
            "x, xx and xxx");
  EXPECT_EQ(PatternError("yyyyMMddHHmmssZ", PatternUse::kParseDateTime),
            "`Z` is not a field of a date pattern, so write the offset as X, XX, XXX, x, xx or "
            "xxx");
  EXPECT_EQ(PatternError("HH:mm z", PatternUse::kFormatDateTime),
            "`z` is not a field of a date pattern, so write the offset as X, XX, XXX, x, xx or "
            "xxx");
  EXPECT_EQ(PatternError("yyyy-MM-dd Z", PatternUse::kFormatDate),
            "`Z` is not a field of a date pattern");
  EXPECT_EQ(PatternError("HH:mm:ss'Z'", PatternUse::kFormatDateTime), "");
}

TEST(ParsePattern, DatePatternsHaveNoFractionOrOffset) {
  EXPECT_EQ(PatternError("yyyy-MM-ddXXX", PatternUse::kParseDate),
            "`XXX` is an offset field, which a pattern for a date cannot contain");
  EXPECT_EQ(PatternError("yyyyMMdd xx", PatternUse::kFormatDate),
            "`xx` is an offset field, which a pattern for a date cannot contain");
  EXPECT_EQ(PatternError("yyyy-MM-dd SSS", PatternUse::kFormatDate),
            "`SSS` is a time field, which a pattern for a date cannot contain");
}

TEST(ParsePattern, FractionFollowsTheSeconds) {
  EXPECT_EQ(PatternError("HH:mm.SSS", PatternUse::kFormatDateTime),
            "`SSS` is the fraction of a second, so the seconds `ss` must come before it");
  EXPECT_EQ(PatternError("yyyy-MM-dd HH SSS ss", PatternUse::kParseDateTime),
            "`SSS` is the fraction of a second, so the seconds `ss` must come before it");
  EXPECT_EQ(PatternError("HH:mm:ss,SSS", PatternUse::kParseDateTime),
            "a pattern for reading needs the month: MM, M or MMM");
  EXPECT_EQ(PatternError("HH:mm:ss,SSS", PatternUse::kFormatDateTime), "");
  EXPECT_EQ(PatternError("ssSSS", PatternUse::kFormatDateTime), "");
}

TEST(ParsePattern, FractionAndOffsetOnce) {
  EXPECT_EQ(PatternError("HH:mm:ss.SSS.SS", PatternUse::kFormatDateTime),
            "the pattern contains the fraction of a second twice, as `SSS` and `SS`");
  EXPECT_EQ(PatternError("HH:mm:ssXXX xx", PatternUse::kFormatDateTime),
            "the pattern contains the offset twice, as `XXX` and `xx`");
}

TEST(ParsePattern, HoursOnlyOffsetNeedsASeparator) {
  EXPECT_EQ(PatternError("yyyy-MM-dd HHXmm", PatternUse::kParseDateTime),
            "`X` has two or four digits, so a digit must not follow it directly, as `mm` does");
  EXPECT_EQ(PatternError("yyyy-MM-dd HHx'0'", PatternUse::kParseDateTime),
            "`x` has two or four digits, so a digit must not follow it directly, as `0` does");
  EXPECT_EQ(PatternError("yyyy-MM-dd HHXmm", PatternUse::kFormatDateTime), "");
  EXPECT_EQ(PatternError("yyyy-MM-dd HHxxmm", PatternUse::kParseDateTime), "");
  // An offset starts with a sign or Z, so it may follow `d` directly.
  EXPECT_EQ(PatternError("HH yyyy-MM-dXXX", PatternUse::kParseDateTime), "");
}

TEST(FormatDateTimeWithPattern, WritesEveryOffsetForm) {
  constexpr std::string_view kValue = "2026-03-20T13:05:09+01:00";
  EXPECT_EQ(WriteDateTime(kValue, "XXX"), "+01:00");
  EXPECT_EQ(WriteDateTime(kValue, "XX"), "+0100");
  EXPECT_EQ(WriteDateTime(kValue, "X"), "+01");
  EXPECT_EQ(WriteDateTime(kValue, "xxx"), "+01:00");
  EXPECT_EQ(WriteDateTime(kValue, "xx"), "+0100");
  EXPECT_EQ(WriteDateTime(kValue, "x"), "+01");
  // Salesforce writes offsets without the colon, which reads the same.
  EXPECT_EQ(WriteDateTime("2026-03-20T13:05:09+0100", "XXX"), "+01:00");
}

TEST(FormatDateTimeWithPattern, WritesZeroOffsets) {
  for (std::string_view value :
       {"2026-03-20T13:05:09Z", "2026-03-20T13:05:09+00:00", "2026-03-20T13:05:09-00:00"}) {
    EXPECT_EQ(WriteDateTime(value, "XXX"), "Z") << value;
    EXPECT_EQ(WriteDateTime(value, "XX"), "Z") << value;
    EXPECT_EQ(WriteDateTime(value, "X"), "Z") << value;
    EXPECT_EQ(WriteDateTime(value, "xxx"), "+00:00") << value;
    EXPECT_EQ(WriteDateTime(value, "xx"), "+0000") << value;
    EXPECT_EQ(WriteDateTime(value, "x"), "+00") << value;
  }
}

TEST(FormatDateTimeWithPattern, WritesNegativeAndPartHourOffsets) {
  constexpr std::string_view kValue = "2026-03-20T13:05:09-05:30";
  EXPECT_EQ(WriteDateTime(kValue, "XXX"), "-05:30");
  EXPECT_EQ(WriteDateTime(kValue, "XX"), "-0530");
  EXPECT_EQ(WriteDateTime(kValue, "X"), "-0530");
  EXPECT_EQ(WriteDateTime(kValue, "xxx"), "-05:30");
  EXPECT_EQ(WriteDateTime(kValue, "xx"), "-0530");
  EXPECT_EQ(WriteDateTime(kValue, "x"), "-0530");
  EXPECT_EQ(WriteDateTime("2026-03-20T13:05:09-03:00", "X"), "-03");
  EXPECT_EQ(WriteDateTime("2026-03-20T13:05:09+05:45", "xx"), "+0545");
  EXPECT_EQ(WriteDateTime("2026-03-20T13:05:09+14:00", "XXX"), "+14:00");
  EXPECT_EQ(WriteDateTime("2026-03-20T13:05:09-23:59", "XXX"), "-23:59");
}

TEST(FormatDateTimeWithPattern, CutsOffOrPadsTheFraction) {
  constexpr std::string_view kValue = "2026-03-20T13:05:09.250+01:00";
  EXPECT_EQ(WriteDateTime(kValue, "ss.S"), "09.2");
  EXPECT_EQ(WriteDateTime(kValue, "ss.SS"), "09.25");
  EXPECT_EQ(WriteDateTime(kValue, "ss.SSS"), "09.250");
  EXPECT_EQ(WriteDateTime(kValue, "ss.SSSSSS"), "09.250000");
  EXPECT_EQ(WriteDateTime(kValue, "ss.SSSSSSSSS"), "09.250000000");
  // Cutting off never carries into the second, as rounding .999 to two digits would.
  EXPECT_EQ(WriteDateTime("2026-03-20T13:05:09.999Z", "ss.SS"), "09.99");
  EXPECT_EQ(WriteDateTime("2026-03-20T13:05:09.999999999Z", "ss.S"), "09.9");
  EXPECT_EQ(WriteDateTime("2026-03-20T13:05:09.123456789123Z", "ss.SSSSSSSSS"), "09.123456789");
  EXPECT_EQ(WriteDateTime("2026-03-20T13:05:09Z", "ss.SSS"), "09.000");
  EXPECT_EQ(WriteDateTime("2026-03-20T13:05:09.5Z", "ssSSS"), "09500");
}

TEST(FormatDateTimeWithPattern, WritesIntegrationForms) {
  constexpr std::string_view kValue = "2026-03-20T13:05:09.250+01:00";
  EXPECT_EQ(WriteDateTime(kValue, "yyyy-MM-dd'T'HH:mm:ss.SSSXXX"), "2026-03-20T13:05:09.250+01:00");
  EXPECT_EQ(WriteDateTime(kValue, "yyyyMMddHHmmssxx"), "20260320130509+0100");
  EXPECT_EQ(WriteDateTime("2026-03-20T13:05:09.250Z", "HH:mm:ss.SSSXXX"), "13:05:09.250Z");
}

TEST(FormatDateTimeWithPattern, LeapDayAndEndOfYear) {
  EXPECT_EQ(WriteDateTime("2024-02-29T23:59:59.999-05:00", "dd.MM.yyyy HH:mm:ss.SSS xxx"),
            "29.02.2024 23:59:59.999 -05:00");
  EXPECT_EQ(WriteDateTime("9999-12-31T23:59:59.999999999+14:00", "yyyyMMddHHmmssSSSSSSSSSXX"),
            "99991231235959999999999+1400");
  // A leap second counts as the first second of the next minute, here of the next year.
  EXPECT_EQ(WriteDateTime("2026-12-31T23:59:60.5Z", "yyyy-MM-dd HH:mm:ss.SSX"),
            "2027-01-01 00:00:00.50Z");
}

TEST(ParseDateTimeWithPattern, ReadsTheOffsetFromTheText) {
  EXPECT_EQ(ReadDateTime("2026-03-20T13:05:09.250+01:00", "yyyy-MM-dd'T'HH:mm:ss.SSSXXX", ""),
            "2026-03-20T13:05:09.250+01:00");
  EXPECT_EQ(ReadDateTime("20260320130509+0100", "yyyyMMddHHmmssxx", ""),
            "2026-03-20T13:05:09+01:00");
  EXPECT_EQ(ReadDateTime("20260320130509-0530", "yyyyMMddHHmmssXX", ""),
            "2026-03-20T13:05:09-05:30");
  EXPECT_EQ(ReadDateTime("2026-03-20 13:05+01", "yyyy-MM-dd HH:mmX", ""),
            "2026-03-20T13:05:00+01:00");
  EXPECT_EQ(ReadDateTime("2026-03-20 13:05+0530", "yyyy-MM-dd HH:mmX", ""),
            "2026-03-20T13:05:00+05:30");
  EXPECT_EQ(ReadDateTime("2026-03-20 13:05-05", "yyyy-MM-dd HH:mmx", ""),
            "2026-03-20T13:05:00-05:00");
  EXPECT_EQ(ReadDateTime("2026-03-20 13:05 -05:30", "yyyy-MM-dd HH:mm xxx", ""),
            "2026-03-20T13:05:00-05:30");
  EXPECT_EQ(
      ReadDateTime("260320 1305+0100", "yyMMdd HHmmxx", "", Overlap::kReject, Gap::kReject, 1970),
      "2026-03-20T13:05:00+01:00");
}

TEST(ParseDateTimeWithPattern, OffsetInTheTextIgnoresTheZone) {
  // 02:30 on 2026-03-29 lies in Berlin's gap, but the offset in the text names the instant.
  EXPECT_EQ(ReadDateTime("2026-03-29 02:30 +01:00", "yyyy-MM-dd HH:mm xxx", kBerlin),
            "2026-03-29T02:30:00+01:00");
  EXPECT_EQ(ReadDateTime("2026-10-25 02:30 +02:00", "yyyy-MM-dd HH:mm xxx", kBerlin),
            "2026-10-25T02:30:00+02:00");
  EXPECT_EQ(ReadDateTime("2026-10-25 02:30 +01:00", "yyyy-MM-dd HH:mm xxx", "America/New_York",
                         Overlap::kEarlier, Gap::kShiftForward),
            "2026-10-25T02:30:00+01:00");
}

TEST(ParseDateTimeWithPattern, ZeroOffsets) {
  EXPECT_EQ(ReadDateTime("13:05:09Z 20.03.2026", "HH:mm:ssXXX dd.MM.yyyy", ""),
            "2026-03-20T13:05:09Z");
  EXPECT_EQ(ReadDateTime("13:05:09z 20.03.2026", "HH:mm:ssXX dd.MM.yyyy", ""),
            "2026-03-20T13:05:09Z");
  EXPECT_EQ(ReadDateTime("13:05:09Z 20.03.2026", "HH:mm:ssX dd.MM.yyyy", ""),
            "2026-03-20T13:05:09Z");
  EXPECT_EQ(ReadDateTime("13:05:09+00:00 20.03.2026", "HH:mm:ssXXX dd.MM.yyyy", ""),
            "2026-03-20T13:05:09+00:00");
  EXPECT_EQ(ReadDateTime("13:05:09+0000 20.03.2026", "HH:mm:ssxx dd.MM.yyyy", ""),
            "2026-03-20T13:05:09+00:00");
  // -00:00 is a UTC time whose local offset is unknown, which Z writes.
  EXPECT_EQ(ReadDateTime("13:05:09-00:00 20.03.2026", "HH:mm:ssXXX dd.MM.yyyy", ""),
            "2026-03-20T13:05:09Z");
  EXPECT_EQ(ReadDateTime("13:05:09-0000 20.03.2026", "HH:mm:ssxx dd.MM.yyyy", ""),
            "2026-03-20T13:05:09Z");
  EXPECT_EQ(ReadDateTime("13:05:09-00 20.03.2026", "HH:mm:ssx dd.MM.yyyy", ""),
            "2026-03-20T13:05:09Z");
}

TEST(ParseDateTimeWithPattern, EachOffsetReadsOnlyItsForm) {
  EXPECT_EQ(ReadDateTime("2026-03-20 13:05:09Z", "yyyy-MM-dd HH:mm:ssxxx", ""),
            "rejected: cannot read \"2026-03-20 13:05:09Z\" with the pattern \"yyyy-MM-dd "
            "HH:mm:ssxxx\": expected the offset (xxx), such as +01:00, after \"2026-03-20 "
            "13:05:09\", but found \"Z\"");
  EXPECT_EQ(ReadDateTime("2026-03-20 13:05:09+01:00", "yyyy-MM-dd HH:mm:ssXX", ""),
            "rejected: cannot read \"2026-03-20 13:05:09+01:00\" with the pattern \"yyyy-MM-dd "
            "HH:mm:ssXX\": expected the offset (XX), such as +0100 or Z, after \"2026-03-20 "
            "13:05:09\", but found \"+01:00\"");
  EXPECT_NE(ReadDateTime("2026-03-20 13:05:09+0100", "yyyy-MM-dd HH:mm:ssXXX", "")
                .find("expected the offset (XXX), such as +01:00 or Z"),
            std::string::npos);
  EXPECT_NE(ReadDateTime("2026-03-20 13:05:09Z", "yyyy-MM-dd HH:mm:ssx", "")
                .find("expected the offset (x), such as +01 or +0530"),
            std::string::npos);
  EXPECT_NE(ReadDateTime("2026-03-20 13:05:09+1:00", "yyyy-MM-dd HH:mm:ssXXX", "")
                .find("but found \"+1:00\""),
            std::string::npos);
  EXPECT_NE(ReadDateTime("2026-03-20 13:05:09", "yyyy-MM-dd HH:mm:ssX", "")
                .find("expected the offset (X), such as +01, +0530 or Z, after \"2026-03-20 "
                      "13:05:09\", but the text ends there"),
            std::string::npos);
  // X reads hours alone, so the colon and the minutes remain.
  EXPECT_NE(ReadDateTime("2026-03-20 13:05:09+01:00", "yyyy-MM-dd HH:mm:ssX", "")
                .find("\":00\" follows the end of the pattern"),
            std::string::npos);
}

TEST(ParseDateTimeWithPattern, RejectsOffsetsOutOfRange) {
  EXPECT_EQ(ReadDateTime("2026-03-20 13:05:09+24:00", "yyyy-MM-dd HH:mm:ssXXX", ""),
            "rejected: cannot read \"2026-03-20 13:05:09+24:00\" with the pattern \"yyyy-MM-dd "
            "HH:mm:ssXXX\": \"+24:00\" is outside the offsets -23:59 to +23:59 that XXX reads");
  EXPECT_NE(ReadDateTime("2026-03-20 13:05:09-0160", "yyyy-MM-dd HH:mm:ssxx", "")
                .find("\"-0160\" is outside the offsets -23:59 to +23:59 that xx reads"),
            std::string::npos);
  EXPECT_NE(ReadDateTime("2026-03-20 13:05:09+99", "yyyy-MM-dd HH:mm:ssx", "")
                .find("\"+99\" is outside the offsets"),
            std::string::npos);
  EXPECT_EQ(ReadDateTime("2026-03-20 13:05:09-23:59", "yyyy-MM-dd HH:mm:ssXXX", ""),
            "2026-03-20T13:05:09-23:59");
}

TEST(ParseDateTimeWithPattern, ReadsExactlyTheFractionDigits) {
  EXPECT_EQ(ReadDateTime("2026-03-20 13:05:09.5Z", "yyyy-MM-dd HH:mm:ss.SX", ""),
            "2026-03-20T13:05:09.5Z");
  EXPECT_EQ(ReadDateTime("2026-03-20 13:05:09.123456789Z", "yyyy-MM-dd HH:mm:ss.SSSSSSSSSX", ""),
            "2026-03-20T13:05:09.123456789Z");
  // The digits are kept as written, trailing zeros included.
  EXPECT_EQ(ReadDateTime("2026-03-20 13:05:09.000Z", "yyyy-MM-dd HH:mm:ss.SSSX", ""),
            "2026-03-20T13:05:09.000Z");
  EXPECT_EQ(ReadDateTime("20260320130509250", "yyyyMMddHHmmssSSS", kBerlin),
            "2026-03-20T13:05:09.250+01:00");
  // A decimal comma in the text becomes the point of ISO 8601 in the result.
  EXPECT_EQ(ReadDateTime("20.03.2026 13:05:09,250", "dd.MM.yyyy HH:mm:ss,SSS", kBerlin),
            "2026-03-20T13:05:09.250+01:00");
}

TEST(ParseDateTimeWithPattern, RejectsFractionsOfAnotherLength) {
  EXPECT_EQ(ReadDateTime("2026-03-20 13:05:09.25Z", "yyyy-MM-dd HH:mm:ss.SSSX", ""),
            "rejected: cannot read \"2026-03-20 13:05:09.25Z\" with the pattern \"yyyy-MM-dd "
            "HH:mm:ss.SSSX\": expected 3 digits for the fraction of a second (SSS) after "
            "\"2026-03-20 13:05:09.\", but found \"25Z\"");
  EXPECT_EQ(ReadDateTime("2026-03-20 13:05:09.2500Z", "yyyy-MM-dd HH:mm:ss.SSSX", ""),
            "rejected: cannot read \"2026-03-20 13:05:09.2500Z\" with the pattern \"yyyy-MM-dd "
            "HH:mm:ss.SSSX\": expected the offset (X), such as +01, +0530 or Z, after "
            "\"2026-03-20 13:05:09.250\", but found \"0Z\"");
  EXPECT_NE(ReadDateTime("20.03.2026 13:05:09.2500", "dd.MM.yyyy HH:mm:ss.SSS", kBerlin)
                .find("\"0\" follows the end of the pattern"),
            std::string::npos);
  EXPECT_NE(ReadDateTime("20.03.2026 13:05:09.", "dd.MM.yyyy HH:mm:ss.S", kBerlin)
                .find("expected 1 digit for the fraction of a second (S) after \"20.03.2026 "
                      "13:05:09.\", but the text ends there"),
            std::string::npos);
  EXPECT_NE(ReadDateTime("20.03.2026 13:05:09.2a0", "dd.MM.yyyy HH:mm:ss.SSS", kBerlin)
                .find("but found \"2a0\""),
            std::string::npos);
}

TEST(ParseDateTimeWithPattern, FractionInAGapNamesIt) {
  EXPECT_EQ(ReadDateTime("29.03.2026 02:30:00.5", "dd.MM.yyyy HH:mm:ss.S", kBerlin),
            "rejected: \"29.03.2026 02:30:00.5\" (2026-03-29T02:30:00.5) does not exist in "
            "Europe/Berlin, because clocks there skip from 02:00 to 03:00 on 2026-03-29; give "
            "SHIFT_FORWARD as the gap policy to move such times forward by the gap");
  EXPECT_EQ(ReadDateTime("29.03.2026 02:30:00.5", "dd.MM.yyyy HH:mm:ss.S", kBerlin,
                         Overlap::kReject, Gap::kShiftForward),
            "2026-03-29T03:30:00.5+02:00");
}

TEST(ParseDateTimeWithPattern, LeapDayAndEndOfYearWithOffsets) {
  EXPECT_EQ(ReadDateTime("29.02.2024 23:59:59.999 -05:00", "dd.MM.yyyy HH:mm:ss.SSS xxx", ""),
            "2024-02-29T23:59:59.999-05:00");
  EXPECT_NE(ReadDateTime("29.02.2023 23:59:59.999 -05:00", "dd.MM.yyyy HH:mm:ss.SSS xxx", "")
                .find("2023-02-29 does not exist"),
            std::string::npos);
  EXPECT_EQ(
      ReadDateTime("31.12.2026 23:59:59.999999999 -12:00", "dd.MM.yyyy HH:mm:ss.SSSSSSSSS xxx", ""),
      "2026-12-31T23:59:59.999999999-12:00");
  EXPECT_EQ(ReadDateTime("99991231235959+1400", "yyyyMMddHHmmssXX", ""),
            "9999-12-31T23:59:59+14:00");
  EXPECT_EQ(ReadDateTime("00000101000000Z", "yyyyMMddHHmmssXX", ""), "0000-01-01T00:00:00Z");
}

}  // namespace
}  // namespace weft::dates
