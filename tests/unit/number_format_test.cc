// The number patterns of `format_number`: what each pattern symbol does, HALF_EVEN rounding, the
// 38-digit limits, the separators, and the reasons an invalid pattern gets.
#include "stdlib/number_format.h"

#include <gtest/gtest.h>

#include "runtime/decimal.h"

namespace weft {
namespace {

using numbers::NumberPattern;

// Formats `value` at `scale` places by `pattern`, which must be valid.
std::string Format(__int128 value, int scale, std::string_view pattern,
                   std::string_view decimal_separator = ".",
                   std::string_view grouping_separator = ",") {
  NumberPattern parsed;
  std::string reason = numbers::ParseNumberPattern(pattern, parsed);
  EXPECT_EQ(reason, "") << pattern;
  std::optional<std::string> text =
      numbers::FormatNumber(value, scale, parsed, decimal_separator, grouping_separator);
  EXPECT_TRUE(text.has_value()) << pattern;
  return text.value_or("<failed>");
}

std::string ReasonFor(std::string_view pattern) {
  NumberPattern parsed;
  return numbers::ParseNumberPattern(pattern, parsed);
}

TEST(NumberPattern, ParsesEachPart) {
  NumberPattern pattern;
  ASSERT_EQ(numbers::ParseNumberPattern("#,##0.00##", pattern), "");
  EXPECT_EQ(pattern.minimum_integer_digits, 1);
  EXPECT_EQ(pattern.grouping_size, 3);
  EXPECT_EQ(pattern.minimum_places, 2);
  EXPECT_EQ(pattern.maximum_places, 4);

  ASSERT_EQ(numbers::ParseNumberPattern("0000", pattern), "");
  EXPECT_EQ(pattern.minimum_integer_digits, 4);
  EXPECT_EQ(pattern.grouping_size, 0);
  EXPECT_EQ(pattern.maximum_places, 0);

  ASSERT_EQ(numbers::ParseNumberPattern("####,0000.#", pattern), "");
  EXPECT_EQ(pattern.grouping_size, 4);
  EXPECT_EQ(pattern.minimum_integer_digits, 4);
  EXPECT_EQ(pattern.minimum_places, 0);
  EXPECT_EQ(pattern.maximum_places, 1);
}

TEST(NumberFormat, GroupingAndFixedPlaces) {
  EXPECT_EQ(Format(1234567891, 3, "#,##0.00"), "1,234,567.89");
  EXPECT_EQ(Format(1234567891, 3, "0.00"), "1234567.89");
  EXPECT_EQ(Format(1234567, 0, "#,##0"), "1,234,567");
  EXPECT_EQ(Format(123, 0, "#,##0"), "123");
  EXPECT_EQ(Format(1234, 0, "#,##0"), "1,234");
  EXPECT_EQ(Format(123456, 0, "#,##0"), "123,456");
  EXPECT_EQ(Format(1234567, 0, "#,#0"), "1,23,45,67");
  EXPECT_EQ(Format(15, 1, "#,##0.00"), "1.50");
}

TEST(NumberFormat, Zero) {
  EXPECT_EQ(Format(0, 0, "#,##0.00"), "0.00");
  EXPECT_EQ(Format(0, 2, "0.##"), "0");
  EXPECT_EQ(Format(0, 0, "0"), "0");
  EXPECT_EQ(Format(0, 5, "000.0"), "000.0");
}

TEST(NumberFormat, NegativeNumbers) {
  EXPECT_EQ(Format(-12345, 1, "#,##0.00"), "-1,234.50");
  EXPECT_EQ(Format(-5, 0, "000"), "-005");
  EXPECT_EQ(Format(-1, 2, "0.00"), "-0.01");
  // A value that rounds to zero is written without a sign.
  EXPECT_EQ(Format(-4, 3, "0.00"), "0.00");
  EXPECT_EQ(Format(-5, 3, "0.00"), "0.00");
  EXPECT_EQ(Format(-15, 3, "0.00"), "-0.02");
  EXPECT_EQ(Format(-49, 2, "0"), "0");
}

TEST(NumberFormat, RoundsTiesToEven) {
  EXPECT_EQ(Format(25, 1, "0"), "2");
  EXPECT_EQ(Format(35, 1, "0"), "4");
  EXPECT_EQ(Format(-25, 1, "0"), "-2");
  EXPECT_EQ(Format(-35, 1, "0"), "-4");
  EXPECT_EQ(Format(2125, 3, "0.00"), "2.12");
  EXPECT_EQ(Format(2135, 3, "0.00"), "2.14");
  // Just above a tie, every value rounds up.
  EXPECT_EQ(Format(21251, 4, "0.00"), "2.13");
  // A carry reaches the integer part and a new group.
  EXPECT_EQ(Format(9999995, 3, "#,##0.00"), "10,000.00");
}

TEST(NumberFormat, MorePlacesThanThePattern) {
  EXPECT_EQ(Format(123456, 5, "0.0###"), "1.2346");
  EXPECT_EQ(Format(120000, 5, "0.0###"), "1.2");
  EXPECT_EQ(Format(120500, 5, "0.0###"), "1.205");
  EXPECT_EQ(Format(19, 1, "0"), "2");
  EXPECT_EQ(Format(123, 2, "#,##0"), "1");
}

TEST(NumberFormat, FewerPlacesThanThePattern) {
  EXPECT_EQ(Format(25, 1, "0.0#"), "2.5");
  EXPECT_EQ(Format(2, 0, "0.0#"), "2.0");
  EXPECT_EQ(Format(7, 0, "0.000"), "7.000");
  EXPECT_EQ(Format(7, 0, "0.###"), "7");
}

TEST(NumberFormat, MinimumIntegerDigits) {
  EXPECT_EQ(Format(5, 0, "000"), "005");
  EXPECT_EQ(Format(1234, 0, "000"), "1234");
  EXPECT_EQ(Format(5, 0, "0,000"), "0,005");
  EXPECT_EQ(Format(5, 1, "00.0"), "00.5");
}

TEST(NumberFormat, At38Digits) {
  __int128 largest = runtime::PowerOfTen(38) - 1;
  const std::string nines = "99,999,999,999,999,999,999,999,999,999,999,999,999";
  EXPECT_EQ(Format(largest, 0, "#,##0.00"), nines + ".00");
  EXPECT_EQ(Format(-largest, 0, "#,##0.00"), "-" + nines + ".00");
  EXPECT_EQ(Format(largest, 0, "0"), std::string(38, '9'));
  // 38 nines after the point round up to 1.
  EXPECT_EQ(Format(largest, 38, "0.00"), "1.00");
  EXPECT_EQ(Format(-largest, 38, "0.00"), "-1.00");
  EXPECT_EQ(Format(largest, 38, "0." + std::string(38, '0')), "0." + std::string(38, '9'));
  // 37 nines and a 9 in the first place round up to 10^37, still 38 digits.
  EXPECT_EQ(Format(largest, 1, "0"), "1" + std::string(37, '0'));
  EXPECT_EQ(Format(1, 0, std::string(38, '0')), std::string(37, '0') + "1");
}

TEST(NumberFormat, SixtyFourBitInts) {
  EXPECT_EQ(Format(INT64_MIN, 0, "#,##0"), "-9,223,372,036,854,775,808");
  EXPECT_EQ(Format(INT64_MAX, 0, "0.00"), "9223372036854775807.00");
}

TEST(NumberFormat, SeparatorsForLocales) {
  EXPECT_EQ(Format(1234567891, 3, "#,##0.00", ",", "."), "1.234.567,89");
  EXPECT_EQ(Format(12345675, 1, "#,##0.00", ".", "'"), "1'234'567.50");
  // A no-break space (U+00A0) and a narrow no-break space (U+202F) are two and three bytes.
  EXPECT_EQ(Format(1234567, 0, "#,##0", ".", "\u00A0"), "1\u00A0234\u00A0567");
  EXPECT_EQ(Format(-12345, 1, "#,##0.0", ",", "\u202F"), "-1\u202F234,5");
  EXPECT_EQ(Format(5, 1, "0.00", "\u066B", ","), "0\u066B50");
}

TEST(NumberPattern, InvalidPatternsAreExplained) {
  EXPECT_EQ(ReasonFor(""), "the pattern is empty; write one such as \"#,##0.00\"");
  EXPECT_EQ(ReasonFor("#,##0.00 €"),
            "` ` is not a pattern symbol: a pattern has only `#`, `0`, `,` and `.`");
  EXPECT_EQ(ReasonFor("€0.00"),
            "`€` is not a pattern symbol: a pattern has only `#`, `0`, `,` and `.`");
  EXPECT_EQ(ReasonFor("#,###"),
            "there is no `0` before the point; write at least one, as in \"#,##0\", so that zero "
            "is written as 0");
  EXPECT_EQ(ReasonFor(".00"),
            "there is no `0` before the point; write at least one, as in \"#,##0\", so that zero "
            "is written as 0");
  EXPECT_EQ(ReasonFor(",##0"), "the pattern starts with `,`");
  EXPECT_EQ(ReasonFor("#,##0,.00"), "a `,` must be followed by digit symbols");
  EXPECT_EQ(ReasonFor("#,,##0"), "the pattern has two `,` in a row");
  EXPECT_EQ(ReasonFor("0#"),
            "a `#` follows a `0` before the point; the optional digits `#` come before the "
            "required ones `0`, as in \"#,##0\"");
  EXPECT_EQ(ReasonFor("#,##,##0"),
            "the groups between `,` have 2 and 3 symbols, but all groups have one size, as in "
            "\"#,##0\"");
  EXPECT_EQ(ReasonFor("0."),
            "the pattern ends in `.`; write the places after it, as in \"0.00\", or leave out the "
            "point");
  EXPECT_EQ(ReasonFor("0.0.0"), "the pattern has more than one `.`");
  EXPECT_EQ(ReasonFor("0.000,0"), "a `,` follows the point, but only the integer part is grouped");
  EXPECT_EQ(ReasonFor("0.#0"),
            "a `0` follows a `#` after the point; the required places `0` come before the "
            "optional ones `#`, as in \"0.00##\"");
  EXPECT_EQ(ReasonFor(std::string(39, '0')),
            "there are 39 `0`s before the point, more than the 38 digits a decimal has");
  EXPECT_EQ(ReasonFor("0." + std::string(39, '#')),
            "there are 39 places after the point, more than the 38 a decimal has");
}

TEST(NumberPattern, LimitsAreInclusive) {
  EXPECT_EQ(ReasonFor(std::string(38, '0')), "");
  EXPECT_EQ(ReasonFor("0." + std::string(38, '#')), "");
  EXPECT_EQ(ReasonFor(std::string(100, '#') + "0"), "");
}

}  // namespace
}  // namespace weft
