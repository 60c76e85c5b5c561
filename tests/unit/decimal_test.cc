#include "runtime/decimal.h"

#include <gtest/gtest.h>

#include "runtime/abi.h"

namespace weft::runtime {
namespace {

__int128 Parse(std::string_view text, int scale) {
  __int128 value = 0;
  EXPECT_EQ(ParseDecimal(text, scale, value), DecimalParseError::None) << text;
  return value;
}

TEST(DecimalParse, ScalesToTheFieldScale) {
  EXPECT_EQ(Parse("12.5", 2), 1250);
  EXPECT_EQ(Parse("-0.01", 2), -1);
  EXPECT_EQ(Parse("100", 2), 10000);
  EXPECT_EQ(Parse("1e3", 0), 1000);
  EXPECT_EQ(Parse("1.50E-1", 2), 15);
  EXPECT_EQ(Parse("0.100", 1), 1);
}

// Plain amounts of up to 18 digits take a shorter path than longer ones, so both sides of that
// edge must give the same values.
TEST(DecimalParse, PlainAmountsAroundEighteenDigits) {
  EXPECT_EQ(Parse("999999999999999999", 0), static_cast<__int128>(999999999999999999LL));
  EXPECT_EQ(Parse("9999999999999999.99", 2), static_cast<__int128>(999999999999999999LL));
  EXPECT_EQ(Parse("1000000000000000000", 0), static_cast<__int128>(1000000000000000000LL));
  EXPECT_EQ(Parse("-99999999999999999.9", 3), -static_cast<__int128>(999999999999999999LL) * 100);
  EXPECT_EQ(Parse("000000000000000000012.5", 2), 1250);
  EXPECT_EQ(Parse("+7", 2), 700);
  EXPECT_EQ(Parse("7.", 2), 700);
  EXPECT_EQ(Parse(".25", 2), 25);
  EXPECT_EQ(Parse("-0", 2), 0);
  EXPECT_EQ(Parse("12.3400", 2), 1234);
  EXPECT_EQ(Parse("1", 37), PowerOfTen(37));
}

// The reader's shortcut for JSON numbers must agree with ParseDecimal wherever it accepts a text,
// and leave every other text, invalid JSON included, to the general path.
TEST(DecimalParse, ShortJsonDecimalsAgreeWithParseDecimal) {
  struct Case {
    std::string_view text;
    int scale;
  };
  for (Case accepted :
       {Case{"0", 2}, Case{"-0", 2}, Case{"12.5", 2}, Case{"-0.01", 2},
        Case{"999999999999999999", 0}, Case{"9999999999999999.99", 2}, Case{"0.5", 37},
        Case{"1", 37}, Case{"123", 35}, Case{"1234.56", 2}, Case{"12345678.9", 2},
        Case{"-56917508.40", 2}, Case{"12345678901234567.8", 1}}) {
    __int128 shortcut = 0;
    EXPECT_TRUE(ParseShortJsonDecimal(accepted.text, accepted.scale, shortcut)) << accepted.text;
    EXPECT_EQ(shortcut, Parse(accepted.text, accepted.scale)) << accepted.text;
  }
  for (Case left :
       {Case{"", 2}, Case{"-", 2}, Case{"01", 2}, Case{"-01.5", 2}, Case{"1.", 2}, Case{".5", 2},
        Case{"+1", 2}, Case{"1e3", 2}, Case{"1.234", 2}, Case{"1.500", 2},
        Case{"1000000000000000000", 0}, Case{"123456789012345678.9", 1}, Case{"1", 38},
        Case{"1234", 35}, Case{"12a", 2}}) {
    __int128 shortcut = 0;
    EXPECT_FALSE(ParseShortJsonDecimal(left.text, left.scale, shortcut)) << left.text;
  }
}

TEST(DecimalParse, RefusesToRoundInput) {
  __int128 value = 0;
  EXPECT_EQ(ParseDecimal("1.005", 2, value), DecimalParseError::TooManyPlaces);
  EXPECT_EQ(ParseDecimal("1e-3", 2, value), DecimalParseError::TooManyPlaces);
}

TEST(DecimalParse, RejectsTextThatIsNotANumber) {
  __int128 value = 0;
  EXPECT_EQ(ParseDecimal("", 2, value), DecimalParseError::NotANumber);
  EXPECT_EQ(ParseDecimal("12,50", 2, value), DecimalParseError::NotANumber);
  EXPECT_EQ(ParseDecimal("$5", 2, value), DecimalParseError::NotANumber);
  EXPECT_EQ(ParseDecimal("1e", 2, value), DecimalParseError::NotANumber);
}

TEST(DecimalParse, RejectsMoreThan38Digits) {
  __int128 value = 0;
  EXPECT_EQ(ParseDecimal(std::string(38, '9'), 0, value), DecimalParseError::None);
  EXPECT_EQ(ParseDecimal(std::string(39, '9'), 0, value), DecimalParseError::TooManyDigits);
  EXPECT_EQ(ParseDecimal("1e40", 0, value), DecimalParseError::TooManyDigits);
}

TEST(DecimalParse, KeepsValuesBeyondDoublePrecisionExact) {
  // 2^53 + 1 is the first integer a double cannot hold.
  EXPECT_EQ(DecimalToString(Parse("9007199254740993.01", 2), 2), "9007199254740993.01");
}

TEST(DecimalParse, KeepsTheScaleOfTheText) {
  struct Case {
    std::string_view text;
    __int128 units;
    int scale;
  };
  const Case cases[] = {
      {"10.50", 1050, 2}, {"10", 10, 0},       {"1e3", 1000, 0}, {"1.25e1", 125, 1},
      {"-0.005", -5, 3},  {"12.5e-2", 125, 3}, {"0.000", 0, 3},
  };
  for (const Case& c : cases) {
    __int128 units = 0;
    int scale = -1;
    ASSERT_EQ(ParseDecimalKeepingScale(c.text, units, scale), DecimalParseError::None) << c.text;
    EXPECT_EQ(units, c.units) << c.text;
    EXPECT_EQ(scale, c.scale) << c.text;
  }
}

TEST(DecimalParse, RejectsMoreThan38PlacesWhenKeepingScale) {
  __int128 units = 0;
  int scale = 0;
  EXPECT_EQ(ParseDecimalKeepingScale("1e-39", units, scale), DecimalParseError::TooManyPlaces);
  EXPECT_EQ(ParseDecimalKeepingScale("0." + std::string(39, '1'), units, scale),
            DecimalParseError::TooManyPlaces);
  EXPECT_EQ(ParseDecimalKeepingScale("1e400", units, scale), DecimalParseError::TooManyDigits);
}

TEST(DecimalFormat, WritesEveryPlace) {
  EXPECT_EQ(DecimalToString(0, 2), "0.00");
  EXPECT_EQ(DecimalToString(-5, 2), "-0.05");
  EXPECT_EQ(DecimalToString(123456, 3), "123.456");
  EXPECT_EQ(DecimalToString(42, 0), "42");
}

TEST(DecimalRescale, RoundsHalfAwayFromZero) {
  EXPECT_EQ(Rescale(2345, 3, 2), 235);
  EXPECT_EQ(Rescale(2344, 3, 2), 234);
  EXPECT_EQ(Rescale(-2345, 3, 2), -235);
  EXPECT_EQ(Rescale(-2344, 3, 2), -234);
  EXPECT_EQ(Rescale(5, 1, 0), 1);
}

TEST(DecimalRescale, ReportsOverflowWhenWidening) {
  __int128 big = PowerOfTen(37);
  EXPECT_FALSE(Rescale(big, 0, 2).has_value());
  EXPECT_FALSE(Rescale(big, 0, 1).has_value());
  EXPECT_EQ(Rescale(PowerOfTen(36), 0, 1), PowerOfTen(37));
  EXPECT_EQ(Rescale(7, 0, 3), 7000);
}

TEST(DecimalRescale, DropsAll38PlacesWithoutOverflow) {
  __int128 almost_one = PowerOfTen(38) - 1;
  EXPECT_EQ(Rescale(almost_one, 38, 0), 1);
  EXPECT_EQ(Rescale(-almost_one, 38, 0), -1);
}

TEST(DecimalRescale, ExactRescaleRejectsLostPlaces) {
  __int128 result = 0;
  __int128 value = 1500;  // 1.500
  EXPECT_EQ(weft_decimal_rescale_exact(&value, 3, 2, &result), 1);
  EXPECT_EQ(result, 150);
  value = 1505;  // 1.505
  EXPECT_EQ(weft_decimal_rescale_exact(&value, 3, 2, &result), -1);
  value = 1;
  EXPECT_EQ(weft_decimal_rescale_exact(&value, 0, 38, &result), 0);
}

TEST(DecimalScaled, AlignsScalesAtRunTime) {
  __int128 left = 1050;  // 10.50
  __int128 right = 5;    // 0.005
  __int128 result = 0;
  int32_t scale = 0;
  ASSERT_EQ(weft_decimal_add_scaled(&left, 2, &right, 3, &result, &scale), 1);
  EXPECT_EQ(result, 10505);
  EXPECT_EQ(scale, 3);
  ASSERT_EQ(weft_decimal_subtract_scaled(&left, 2, &right, 3, &result, &scale), 1);
  EXPECT_EQ(result, 10495);
  ASSERT_EQ(weft_decimal_multiply_scaled(&left, 2, &right, 3, &result, &scale), 1);
  EXPECT_EQ(result, 5250);
  EXPECT_EQ(scale, 5);
}

TEST(DecimalScaled, ReportsTooManyPlaces) {
  __int128 left = 1;
  __int128 result = 0;
  int32_t scale = 0;
  EXPECT_EQ(weft_decimal_multiply_scaled(&left, 20, &left, 19, &result, &scale), 0);
}

TEST(DecimalCompare, ComparesAcrossScalesWithoutOverflow) {
  __int128 huge = PowerOfTen(37) * 9;  // 9e37 at scale 0 cannot be widened by two places
  EXPECT_GT(CompareDecimals(huge, 0, 1, 3), 0);
  EXPECT_LT(CompareDecimals(-huge, 0, 1, 3), 0);
  EXPECT_EQ(CompareDecimals(150, 2, 15, 1), 0);
  EXPECT_LT(CompareDecimals(-5, 1, 3, 1), 0);
  EXPECT_GT(CompareDecimals(1, 0, PowerOfTen(38) / 2, 38), 0);
  EXPECT_LT(CompareDecimals(-1, 2, 0, 0), 0);
}

TEST(DecimalDivide, RoundsHalfUpAtTheResultScale) {
  // 10.00 / 3 and 2.00 / 3 at 6 places.
  EXPECT_EQ(Divide(1000, 2, 3, 0, 6, RoundingMode::HalfUp), 3333333);
  EXPECT_EQ(Divide(200, 2, 3, 0, 6, RoundingMode::HalfUp), 666667);
  EXPECT_EQ(Divide(-200, 2, 3, 0, 6, RoundingMode::HalfUp), -666667);
  EXPECT_EQ(Divide(200, 2, -3, 0, 6, RoundingMode::HalfUp), -666667);
  EXPECT_EQ(Divide(-200, 2, -3, 0, 6, RoundingMode::HalfUp), 666667);
  // 12.50 / 0.5 is exact.
  EXPECT_EQ(Divide(1250, 2, 5, 1, 6, RoundingMode::HalfUp), 25000000);
}

TEST(DecimalDivide, TiesFollowTheRoundingMode) {
  // 1 / 8 = 0.125, a tie at two places.
  EXPECT_EQ(Divide(1, 0, 8, 0, 2, RoundingMode::HalfUp), 13);
  EXPECT_EQ(Divide(-1, 0, 8, 0, 2, RoundingMode::HalfUp), -13);
  EXPECT_EQ(Divide(1, 0, 8, 0, 2, RoundingMode::HalfEven), 12);
  EXPECT_EQ(Divide(-1, 0, 8, 0, 2, RoundingMode::HalfEven), -12);
  EXPECT_EQ(Divide(3, 0, 8, 0, 2, RoundingMode::HalfEven), 38);
  EXPECT_EQ(Divide(1, 0, 8, 0, 2, RoundingMode::HalfDown), 12);
  EXPECT_EQ(Divide(1, 0, 8, 0, 2, RoundingMode::Up), 13);
  EXPECT_EQ(Divide(1, 0, 8, 0, 2, RoundingMode::Down), 12);
  EXPECT_EQ(Divide(-1, 0, 8, 0, 2, RoundingMode::Floor), -13);
  EXPECT_EQ(Divide(-1, 0, 8, 0, 2, RoundingMode::Ceiling), -12);
}

TEST(DecimalDivide, RoundsTheExactQuotientOnce) {
  // 0.00499999999 / 1 is below the half at two places, though at 6 places it is 0.005000.
  EXPECT_EQ(Divide(499999999, 11, 1, 0, 2, RoundingMode::HalfUp), 0);
  EXPECT_EQ(Divide(499999999, 11, 1, 0, 6, RoundingMode::HalfUp), 5000);
  // Fewer places than the dividend: 1.2345 and 1.2350 to two places.
  EXPECT_EQ(Divide(12345, 4, 1, 0, 2, RoundingMode::HalfUp), 123);
  EXPECT_EQ(Divide(12350, 4, 1, 0, 2, RoundingMode::HalfUp), 124);
}

TEST(DecimalDivide, ToOddMakesAnInexactQuotientOdd) {
  // 2/3 and 1/3 at two places: 0.66 becomes 0.67, and 0.33 is odd already. Exact quotients stay.
  EXPECT_EQ(Divide(2, 0, 3, 0, 2, RoundingMode::ToOdd), 67);
  EXPECT_EQ(Divide(-2, 0, 3, 0, 2, RoundingMode::ToOdd), -67);
  EXPECT_EQ(Divide(1, 0, 3, 0, 2, RoundingMode::ToOdd), 33);
  EXPECT_EQ(Divide(1, 0, 4, 0, 2, RoundingMode::ToOdd), 25);
  EXPECT_EQ(Divide(1, 0, 5, 0, 2, RoundingMode::ToOdd), 20);
  EXPECT_EQ(Round(26, 1, 0, RoundingMode::ToOdd), 3);
  EXPECT_EQ(Round(-35, 1, 0, RoundingMode::ToOdd), -3);
  EXPECT_EQ(Round(1, 40, 0, RoundingMode::ToOdd), 1);
  EXPECT_EQ(Round(-1, 40, 0, RoundingMode::ToOdd), -1);
}

// Rounding a quotient to odd at 6 places and then to `places` by `mode` gives what dividing to
// `places` by `mode` gives, for every mode and at most 4 places.
void ExpectToOddKeepsRounding(__int128 left, int left_scale, __int128 right) {
  std::optional<__int128> odd = Divide(left, left_scale, right, 0, 6, RoundingMode::ToOdd);
  ASSERT_TRUE(odd.has_value());
  for (int places = 0; places <= 4; ++places) {
    for (int mode = 0; mode <= static_cast<int>(RoundingMode::Floor); ++mode) {
      auto rounding = static_cast<RoundingMode>(mode);
      EXPECT_EQ(Round(*odd, 6, places, rounding),
                Divide(left, left_scale, right, 0, places, rounding))
          << static_cast<int64_t>(left) << "e-" << left_scale << " / "
          << static_cast<int64_t>(right) << " to " << places << " places by "
          << kRoundingModeNames[mode];
    }
  }
}

TEST(DecimalDivide, ToOddThenRoundingEqualsRoundingOnce) {
  // 100.00 / 19999 is 0.00500025..., whose 6 places rounded half up read 0.005000.
  ExpectToOddKeepsRounding(10000, 2, 19999);
  ExpectToOddKeepsRounding(-10000, 2, 19999);
  ExpectToOddKeepsRounding(10000, 2, 20001);
  ExpectToOddKeepsRounding(10000, 2, 4878);
  ExpectToOddKeepsRounding(100, 2, 8);
  // Dividends just off a tie at `places`, over divisors large enough that the quotient lies
  // within a few millionths of it, and plain pseudo-random pairs.
  uint64_t state = 12345;
  auto next = [&state] {
    state = state * 6364136223846793005u + 1442695040888963407u;
    return state >> 33;
  };
  for (int i = 0; i < 4000; ++i) {
    int places = static_cast<int>(next() % 5);
    int64_t divisor = 1000 + static_cast<int64_t>(next() % 200000);
    // The tie (2k + 1) / 2 units of `places`, times the divisor, to 2 places.
    __int128 tie_units = 2 * static_cast<int64_t>(next() % 1000) + 1;
    __int128 scaled = tie_units * divisor * PowerOfTen(2) / (2 * PowerOfTen(places));
    __int128 dividend = scaled + static_cast<int64_t>(next() % 3) - 1;
    ExpectToOddKeepsRounding(i % 2 == 0 ? dividend : -dividend, 2, divisor);
    ExpectToOddKeepsRounding(static_cast<int64_t>(next() % 100000000), 2,
                             1 + static_cast<int64_t>(next() % 100000));
  }
}

TEST(DecimalDivide, ReportsQuotientsBeyond38Digits) {
  __int128 largest = PowerOfTen(38) - 1;
  // 99999999999999999999999999999999999999 / 0.01 has 40 digits.
  EXPECT_FALSE(Divide(largest, 0, 1, 2, 6, RoundingMode::HalfUp).has_value());
  EXPECT_FALSE(Divide(PowerOfTen(37), 0, 1, 0, 1, RoundingMode::HalfUp).has_value());
  EXPECT_EQ(Divide(PowerOfTen(37) - 1, 0, 1, 0, 1, RoundingMode::HalfUp), PowerOfTen(38) - 10);
  EXPECT_EQ(Divide(3 * PowerOfTen(37), 0, 3, 0, 0, RoundingMode::HalfUp), PowerOfTen(37));
}

TEST(DecimalDivide, KeepsTinyQuotientsExact) {
  // 10^-38 / 3 and 2 * 10^-38 / 3 at 38 places.
  EXPECT_EQ(Divide(1, 38, 3, 0, 38, RoundingMode::HalfUp), 0);
  EXPECT_EQ(Divide(2, 38, 3, 0, 38, RoundingMode::HalfUp), 1);
  EXPECT_EQ(Divide(1, 0, PowerOfTen(38) - 1, 0, 6, RoundingMode::HalfUp), 0);
  EXPECT_EQ(Divide(1, 0, PowerOfTen(38) - 1, 0, 6, RoundingMode::Up), 1);
  // A divisor that passes 2^128 once it takes the dividend's 38 places.
  __int128 half = 5 * PowerOfTen(37);
  EXPECT_EQ(Divide(half, 38, PowerOfTen(37), 0, 0, RoundingMode::HalfUp), 0);
  EXPECT_EQ(Divide(half, 38, PowerOfTen(37), 0, 0, RoundingMode::Up), 1);
  EXPECT_EQ(Divide(-half, 38, PowerOfTen(37), 0, 0, RoundingMode::Floor), -1);
}

TEST(DecimalDivide, LongDivisionNearTheLargestDivisor) {
  // (10^38 - 2) / (10^38 - 1) is 0.99999999999999999999999999999999999998..., whose remainders
  // come close to 2^127.
  __int128 divisor = PowerOfTen(38) - 1;
  EXPECT_EQ(Divide(divisor - 1, 0, divisor, 0, 30, RoundingMode::Down), PowerOfTen(30) - 1);
  EXPECT_EQ(Divide(divisor - 1, 0, divisor, 0, 37, RoundingMode::HalfUp), PowerOfTen(37));
}

TEST(DecimalRemainder, TakesTheSignOfTheDividend) {
  // 10.5 % 3, -10.5 % 3 and 10.5 % -3.
  EXPECT_EQ(Remainder(105, 1, 3, 0), 15);
  EXPECT_EQ(Remainder(-105, 1, 3, 0), -15);
  EXPECT_EQ(Remainder(105, 1, -3, 0), 15);
  EXPECT_EQ(Remainder(-105, 1, -3, 0), -15);
}

TEST(DecimalRemainder, IsExactAtTheLargerScale) {
  // 7 % 0.25, 7.1 % 0.25 and 12.345 % 1.
  EXPECT_EQ(Remainder(7, 0, 25, 2), 0);
  EXPECT_EQ(Remainder(71, 1, 25, 2), 10);
  EXPECT_EQ(Remainder(12345, 3, 1, 0), 345);
  // (10^38 - 1) % 0.0000000007: 10^38 - 1 is 1 modulo 7 and 10^10 is 4.
  EXPECT_EQ(Remainder(PowerOfTen(38) - 1, 0, 7, 10), 4);
  // 5 * 10^-38 % 7, whose divisor at 38 places passes 2^128.
  EXPECT_EQ(Remainder(5, 38, 7, 0), 5);
}

TEST(DecimalScaled, DividesAtSixPlacesOrTheDividendScale) {
  __int128 left = 1000;  // 10.00
  __int128 right = 3;
  __int128 result = 0;
  int32_t scale = 0;
  const int32_t half_up = static_cast<int32_t>(RoundingMode::HalfUp);
  ASSERT_EQ(weft_decimal_divide_scaled(&left, 2, &right, 0, kMaxDigits, half_up, half_up, &result,
                                       &scale),
            1);
  EXPECT_EQ(result, 3333333);
  EXPECT_EQ(scale, 6);
  ASSERT_EQ(weft_decimal_divide_scaled(&left, 8, &right, 0, kMaxDigits, half_up, half_up, &result,
                                       &scale),
            1);
  EXPECT_EQ(result, 333);
  EXPECT_EQ(scale, 8);
  ASSERT_EQ(weft_decimal_remainder_scaled(&left, 2, &right, 1, &result, &scale), 1);
  EXPECT_EQ(result, 10);  // 10.00 % 0.3 = 0.10
  EXPECT_EQ(scale, 2);
}

TEST(DecimalScaled, DividesToAtMostTheMaxScaleOnce) {
  // 0.00000149 / 2 is 0.000000745: 0.00000075 at the dividend's 8 places, but 0.0000007 when
  // divided to 7 places directly, where rounding 0.00000075 again would give 0.0000008.
  __int128 left = 149;
  __int128 right = 2;
  __int128 result = 0;
  int32_t scale = 0;
  const int32_t half_up = static_cast<int32_t>(RoundingMode::HalfUp);
  ASSERT_EQ(weft_decimal_divide_scaled(&left, 8, &right, 0, kMaxDigits, half_up, half_up, &result,
                                       &scale),
            1);
  EXPECT_EQ(result, 75);
  EXPECT_EQ(scale, 8);
  ASSERT_EQ(weft_decimal_divide_scaled(&left, 8, &right, 0, 7, half_up, half_up, &result, &scale),
            1);
  EXPECT_EQ(result, 7);
  EXPECT_EQ(scale, 7);
  const int32_t up = static_cast<int32_t>(RoundingMode::Up);
  ASSERT_EQ(weft_decimal_divide_scaled(&left, 8, &right, 0, 7, up, half_up, &result, &scale), 1);
  EXPECT_EQ(result, 8);
  // Where the max scale does not cut the quotient's own places, they round by the own mode:
  // `round(x / y, 10, DOWN)` keeps the quotient's 8 places, rounded half up, and adds zeros.
  const int32_t down = static_cast<int32_t>(RoundingMode::Down);
  ASSERT_EQ(weft_decimal_divide_scaled(&left, 8, &right, 0, 10, down, half_up, &result, &scale), 1);
  EXPECT_EQ(result, 75);
  EXPECT_EQ(scale, 8);
  ASSERT_EQ(weft_decimal_divide_scaled(&left, 8, &right, 0, 7, down, half_up, &result, &scale), 1);
  EXPECT_EQ(result, 7);
  // A max scale above the quotient's places leaves them as they are.
  ASSERT_EQ(weft_decimal_divide_scaled(&left, 2, &right, 0, 7, half_up, half_up, &result, &scale),
            1);
  EXPECT_EQ(result, 745000);
  EXPECT_EQ(scale, 6);
}

TEST(DecimalFits, CountsDigits) {
  EXPECT_TRUE(FitsDigits(999, 3));
  EXPECT_FALSE(FitsDigits(1000, 3));
  EXPECT_FALSE(FitsDigits(-1000, 3));
}

}  // namespace
}  // namespace weft::runtime
