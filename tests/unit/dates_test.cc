// The calendar arithmetic behind the date builtins, at the edges that golden files reach poorly:
// the ends of the years 0000 to 9999, 64-bit extremes, leap seconds and zone lookups.
#include <gtest/gtest.h>

#include <limits>

#include "stdlib/dates.h"

namespace weft::dates {
namespace {

constexpr int64_t kMinInt = std::numeric_limits<int64_t>::min();
constexpr int64_t kMaxInt = std::numeric_limits<int64_t>::max();

TEST(ToUtc, KeepsFractionAndReadsBasicOffset) {
  std::string result;
  EXPECT_EQ(ToUtc("2026-03-20T13:00:00.250-0530", result), "");
  EXPECT_EQ(result, "2026-03-20T18:30:00.250Z");
}

TEST(ToUtc, LeapSecondStartsNextMinute) {
  std::string result;
  EXPECT_EQ(ToUtc("2016-12-31T23:59:60Z", result), "");
  EXPECT_EQ(result, "2017-01-01T00:00:00Z");
}

TEST(ToUtc, RejectsYear10000AndInvalidText) {
  std::string result;
  EXPECT_NE(ToUtc("9999-12-31T23:00:00-05:00", result), "");
  EXPECT_NE(ToUtc("not a date-time", result), "");
}

TEST(FromEpoch, NegativeMillisecondsRoundDown) {
  std::string result;
  EXPECT_EQ(FromEpoch(-1, true, result), "");
  EXPECT_EQ(result, "1969-12-31T23:59:59.999Z");
}

TEST(FromEpoch, RejectsExtremeCounts) {
  std::string result;
  EXPECT_NE(FromEpoch(kMinInt, true, result), "");
  EXPECT_NE(FromEpoch(kMaxInt, true, result), "");
  EXPECT_NE(FromEpoch(kMinInt, false, result), "");
  EXPECT_NE(FromEpoch(kMaxInt, false, result), "");
}

TEST(FromExcelSerial, FirstAndLastDays) {
  std::string result;
  EXPECT_EQ(FromExcelSerial(1, ExcelSystem::k1900, result), "");
  EXPECT_EQ(result, "1900-01-01");
  EXPECT_EQ(FromExcelSerial(2958465, ExcelSystem::k1900, result), "");
  EXPECT_EQ(result, "9999-12-31");
  EXPECT_NE(FromExcelSerial(0, ExcelSystem::k1900, result), "");
  EXPECT_NE(FromExcelSerial(2958466, ExcelSystem::k1900, result), "");
  EXPECT_NE(FromExcelSerial(-1, ExcelSystem::k1904, result), "");
  EXPECT_NE(FromExcelSerial(kMaxInt, ExcelSystem::k1904, result), "");
}

TEST(ParseSapDate, RejectsMalformedText) {
  std::string result;
  EXPECT_NE(ParseSapDate("2024011", result), "");
  EXPECT_NE(ParseSapDate("2024O101", result), "");
  EXPECT_NE(ParseSapDate("20241301", result), "");
}

TEST(AddDays, RejectsExtremeCounts) {
  std::string result;
  EXPECT_NE(AddDays("2024-03-01", kMaxInt, result), "");
  EXPECT_NE(AddDays("2024-03-01", kMinInt, result), "");
  EXPECT_EQ(AddDays("0000-01-02", -1, result), "");
  EXPECT_EQ(result, "0000-01-01");
}

TEST(AddMonths, ClampsAndStaysInRange) {
  std::string result;
  EXPECT_EQ(AddMonths("2023-03-31", -1, result), "");
  EXPECT_EQ(result, "2023-02-28");
  EXPECT_EQ(AddMonths("9999-11-30", 1, result), "");
  EXPECT_EQ(result, "9999-12-30");
  EXPECT_NE(AddMonths("9999-12-01", 1, result), "");
  EXPECT_NE(AddMonths("0000-01-31", -1, result), "");
  EXPECT_NE(AddMonths("2024-01-01", kMinInt, result), "");
  EXPECT_NE(AddMonths("2024-01-01", kMaxInt, result), "");
}

TEST(DaysBetween, SpansTheWholeRange) {
  int64_t days = 0;
  EXPECT_EQ(DaysBetween("0000-01-01", "9999-12-31", days), "");
  EXPECT_EQ(days, 3652424);
}

TEST(ToZone, UnknownZoneAndOffsetWithSeconds) {
  std::string result;
  EXPECT_TRUE(IsTimeZone("Europe/Berlin"));
  EXPECT_FALSE(IsTimeZone("Europe/Berlinn"));
  EXPECT_NE(ToZone("2026-03-20T12:00:00Z", "Mars/Olympus", result), "");
  // Berlin kept local mean time, +00:53:28, until 1893.
  EXPECT_NE(ToZone("1880-01-01T12:00:00Z", "Europe/Berlin", result), "");
  EXPECT_EQ(ToZone("2026-07-01T12:00:00Z", "UTC", result), "");
  EXPECT_EQ(result, "2026-07-01T12:00:00+00:00");
}

TEST(EpochSeconds, EqualInstantsWithDifferentOffsets) {
  __int128 utc = 0, shifted = 0, basic = 0;
  int utc_scale = -1, shifted_scale = -1, basic_scale = -1;
  EXPECT_EQ(EpochSeconds("2026-03-20T12:05:09Z", utc, utc_scale), "");
  EXPECT_EQ(EpochSeconds("2026-03-20T13:05:09+01:00", shifted, shifted_scale), "");
  EXPECT_EQ(EpochSeconds("2026-03-20T07:05:09-0500", basic, basic_scale), "");
  EXPECT_EQ(utc, 1774008309);
  EXPECT_EQ(utc_scale, 0);
  EXPECT_EQ(shifted, utc);
  EXPECT_EQ(basic, utc);
}

TEST(EpochSeconds, FractionWithoutTrailingZeros) {
  __int128 seconds = 0;
  int scale = -1;
  EXPECT_EQ(EpochSeconds("2026-03-20T13:05:09.250+01:00", seconds, scale), "");
  EXPECT_EQ(scale, 2);
  EXPECT_EQ(seconds, __int128{1774008309} * 100 + 25);
  EXPECT_EQ(EpochSeconds("2026-03-20T12:05:09.000z", seconds, scale), "");
  EXPECT_EQ(scale, 0);
  EXPECT_EQ(seconds, 1774008309);
}

TEST(EpochSeconds, BeforeTheEpochAndAtTheEnds) {
  __int128 seconds = 0;
  int scale = -1;
  EXPECT_EQ(EpochSeconds("1969-12-31T23:59:59.5Z", seconds, scale), "");
  EXPECT_EQ(seconds, -5);
  EXPECT_EQ(scale, 1);
  EXPECT_EQ(EpochSeconds("0000-01-01T00:00:00+23:59", seconds, scale), "");
  EXPECT_EQ(seconds, __int128{-62167219200} - 23 * 3600 - 59 * 60);
  EXPECT_EQ(EpochSeconds("9999-12-31T23:59:60-23:59", seconds, scale), "");
  EXPECT_EQ(seconds, __int128{253402300800} + 23 * 3600 + 59 * 60);
}

TEST(EpochSeconds, LeapSecondIsNextMinute) {
  __int128 leap = 0, next = 0;
  int scale = -1;
  EXPECT_EQ(EpochSeconds("2016-12-31T23:59:60Z", leap, scale), "");
  EXPECT_EQ(EpochSeconds("2017-01-01T00:00:00Z", next, scale), "");
  EXPECT_EQ(leap, next);
}

TEST(EpochSeconds, RejectsFractionsBeyond26Digits) {
  __int128 seconds = 0;
  int scale = -1;
  std::string digits_26(26, '1');
  EXPECT_EQ(EpochSeconds("9999-12-31T23:59:59." + digits_26 + "-23:59", seconds, scale), "");
  EXPECT_EQ(scale, 26);
  EXPECT_EQ(EpochSeconds("2026-03-20T12:00:00.1" + std::string(40, '0') + "Z", seconds, scale), "");
  EXPECT_EQ(scale, 1);
  EXPECT_NE(EpochSeconds("2026-03-20T12:00:00." + digits_26 + "1Z", seconds, scale), "");
  EXPECT_NE(EpochSeconds("2026-03-20 12:00:00Z", seconds, scale), "");
}

TEST(SecondsOfDay, CountsFromMidnight) {
  __int128 seconds = 0;
  int scale = -1;
  EXPECT_EQ(SecondsOfDay("13:30:00", seconds, scale), "");
  EXPECT_EQ(seconds, 48600);
  EXPECT_EQ(scale, 0);
  EXPECT_EQ(SecondsOfDay("13:30:00.000", seconds, scale), "");
  EXPECT_EQ(seconds, 48600);
  EXPECT_EQ(scale, 0);
  EXPECT_EQ(SecondsOfDay("00:00:00.05", seconds, scale), "");
  EXPECT_EQ(seconds, 5);
  EXPECT_EQ(scale, 2);
  EXPECT_EQ(SecondsOfDay("23:59:60", seconds, scale), "");
  EXPECT_EQ(seconds, 86400);
}

TEST(SecondsOfDay, RejectsLongFractionsAndInvalidText) {
  __int128 seconds = 0;
  int scale = -1;
  EXPECT_EQ(SecondsOfDay("23:59:60." + std::string(33, '9'), seconds, scale), "");
  EXPECT_EQ(scale, 33);
  EXPECT_NE(SecondsOfDay("12:00:00." + std::string(34, '1'), seconds, scale), "");
  EXPECT_NE(SecondsOfDay("12:00", seconds, scale), "");
}

}  // namespace
}  // namespace weft::dates
