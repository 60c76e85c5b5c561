// The run-time helpers of the number and money builtins: rounding modes, reading numbers from
// text, and the currency table.
#include <gtest/gtest.h>

#include "runtime/decimal.h"
#include "stdlib/currency.h"
#include "stdlib/numbers.h"

namespace weft {
namespace {

using runtime::RoundingMode;

// Rounds `value` at `scale` places to `places` places; fails the test on overflow.
__int128 RoundTo(__int128 value, int scale, int places, RoundingMode mode) {
  std::optional<__int128> rounded = runtime::Round(value, scale, places, mode);
  EXPECT_TRUE(rounded.has_value());
  return rounded.value_or(0);
}

struct RoundingCase {
  RoundingMode mode;
  // The results for 2.5, -2.5, 3.5, -3.5, 2.6, -2.6, 2.4, -2.4 and 2.0, rounded to no places.
  int64_t results[9];
};

TEST(Rounding, EveryModeOnTiesAndNonTies) {
  const int64_t inputs[9] = {25, -25, 35, -35, 26, -26, 24, -24, 20};
  const RoundingCase cases[] = {
      {RoundingMode::HalfEven, {2, -2, 4, -4, 3, -3, 2, -2, 2}},
      {RoundingMode::HalfUp, {3, -3, 4, -4, 3, -3, 2, -2, 2}},
      {RoundingMode::HalfDown, {2, -2, 3, -3, 3, -3, 2, -2, 2}},
      {RoundingMode::Up, {3, -3, 4, -4, 3, -3, 3, -3, 2}},
      {RoundingMode::Down, {2, -2, 3, -3, 2, -2, 2, -2, 2}},
      {RoundingMode::Ceiling, {3, -2, 4, -3, 3, -2, 3, -2, 2}},
      {RoundingMode::Floor, {2, -3, 3, -4, 2, -3, 2, -3, 2}},
  };
  for (const RoundingCase& test : cases) {
    const char* name = runtime::kRoundingModeNames[static_cast<int>(test.mode)];
    for (int i = 0; i < 9; ++i) {
      EXPECT_EQ(RoundTo(inputs[i], 1, 0, test.mode), test.results[i])
          << name << " of " << inputs[i] << " tenths";
    }
  }
}

TEST(Rounding, DecimalTiesAreExact) {
  EXPECT_EQ(RoundTo(125, 3, 2, RoundingMode::HalfUp), 13);
  EXPECT_EQ(RoundTo(125, 3, 2, RoundingMode::HalfEven), 12);
  EXPECT_EQ(RoundTo(135, 3, 2, RoundingMode::HalfEven), 14);
  EXPECT_EQ(RoundTo(-125, 3, 2, RoundingMode::HalfEven), -12);
  EXPECT_EQ(RoundTo(-125, 3, 2, RoundingMode::HalfDown), -12);
  // 0.1250001 is above the tie, so every nearest mode rounds up.
  EXPECT_EQ(RoundTo(1250001, 7, 2, RoundingMode::HalfDown), 13);
}

TEST(Rounding, AtThe38DigitLimits) {
  __int128 largest = runtime::PowerOfTen(38) - 1;
  // 38 nines with 1 place round up to 10^37, which still has 38 digits.
  EXPECT_EQ(RoundTo(largest, 1, 0, RoundingMode::Up), runtime::PowerOfTen(37));
  EXPECT_EQ(RoundTo(-largest, 1, 0, RoundingMode::Floor), -runtime::PowerOfTen(37));
  EXPECT_EQ(RoundTo(largest, 38, 0, RoundingMode::HalfEven), 1);
  EXPECT_EQ(RoundTo(-largest, 38, 0, RoundingMode::Down), 0);
  EXPECT_EQ(RoundTo(largest, 0, 0, RoundingMode::Up), largest);
  // Gaining places beyond 38 digits is an overflow, never a wrap.
  EXPECT_FALSE(runtime::Round(largest, 0, 1, RoundingMode::HalfUp).has_value());
  EXPECT_FALSE(runtime::Round(-largest, 2, 3, RoundingMode::Floor).has_value());
}

TEST(Rounding, DropsMoreThan38Places) {
  EXPECT_EQ(RoundTo(1, 40, 0, RoundingMode::Up), 1);
  EXPECT_EQ(RoundTo(-1, 40, 0, RoundingMode::Floor), -1);
  EXPECT_EQ(RoundTo(-1, 40, 0, RoundingMode::Ceiling), 0);
  EXPECT_EQ(RoundTo(5, 40, 0, RoundingMode::HalfUp), 0);
}

TEST(ParseInt, ReadsSignsAndLimits) {
  int64_t value = 0;
  EXPECT_EQ(numbers::ParseInt("-42", value), "");
  EXPECT_EQ(value, -42);
  EXPECT_EQ(numbers::ParseInt("+7", value), "");
  EXPECT_EQ(value, 7);
  EXPECT_EQ(numbers::ParseInt("9223372036854775807", value), "");
  EXPECT_EQ(value, INT64_MAX);
  EXPECT_EQ(numbers::ParseInt("-9223372036854775808", value), "");
  EXPECT_EQ(value, INT64_MIN);
}

TEST(ParseInt, RejectsWithTheText) {
  int64_t value = 0;
  EXPECT_EQ(numbers::ParseInt("9223372036854775808", value),
            "\"9223372036854775808\" is outside the int range, -9223372036854775808 to "
            "9223372036854775807");
  EXPECT_NE(numbers::ParseInt("-9223372036854775809", value), "");
  EXPECT_EQ(numbers::ParseInt("12a", value),
            "\"12a\" is not an integer, which is an optional sign and the digits 0 to 9");
  for (const char* text : {"", "-", "+", " 1", "1 ", "1.0", "1e3", "1,000", "٣"}) {
    EXPECT_NE(numbers::ParseInt(text, value), "") << text;
  }
}

TEST(ParseDecimal, ReadsExactly) {
  __int128 value = 0;
  EXPECT_EQ(numbers::ParseDecimal("1234.5", 10, 2, value), "");
  EXPECT_EQ(value, 123450);
  EXPECT_EQ(numbers::ParseDecimal("-0.10", 3, 2, value), "");
  EXPECT_EQ(value, -10);
  EXPECT_EQ(numbers::ParseDecimal("99999999999999999999999999999999999999", 38, 0, value), "");
  EXPECT_EQ(value, runtime::PowerOfTen(38) - 1);
}

TEST(ParseDecimal, RejectsWithTheReason) {
  __int128 value = 0;
  EXPECT_EQ(numbers::ParseDecimal("1.005", 10, 2, value),
            "\"1.005\" has more than 2 decimal places, and to_decimal does not round");
  EXPECT_EQ(numbers::ParseDecimal("1000", 5, 2, value),
            "\"1000\" does not fit decimal(5, 2), which has 3 digits before the point");
  EXPECT_EQ(numbers::ParseDecimal("12,50", 10, 2, value), "\"12,50\" is not a number");
  EXPECT_EQ(numbers::ParseDecimal("100000000000000000000000000000000000000", 38, 0, value),
            "\"100000000000000000000000000000000000000\" has more than 38 digits");
}

TEST(ParseFloat, ReadsJsonNumbers) {
  double value = 0;
  EXPECT_EQ(numbers::ParseFloat("2.5e3", value), "");
  EXPECT_EQ(value, 2500.0);
  EXPECT_EQ(numbers::ParseFloat("+0.5", value), "");
  EXPECT_EQ(value, 0.5);
  EXPECT_EQ(numbers::ParseFloat("-1", value), "");
  EXPECT_EQ(value, -1.0);
}

TEST(ParseFloat, RejectsWhatJsonCannotCarry) {
  double value = 0;
  for (const char* text : {"inf", "-inf", "nan", "", "+", "1e", "0x10", " 1", "+-1"}) {
    EXPECT_NE(numbers::ParseFloat(text, value), "") << text;
  }
  EXPECT_EQ(numbers::ParseFloat("1e400", value), "\"1e400\" is beyond the range of a 64-bit float");
}

TEST(Quote, CutsLongTextAtACodePoint) {
  EXPECT_EQ(numbers::Quote("abc"), "\"abc\"");
  std::string long_text(39, 'a');
  long_text += "éé";
  EXPECT_EQ(numbers::Quote(long_text), "\"" + std::string(39, 'a') + "é…\"");
}

TEST(CurrencyTable, IsOrderedAndHasKnownMinorUnits) {
  const std::vector<currency::Currency>& currencies = currency::Currencies();
  for (size_t i = 1; i < currencies.size(); ++i) {
    EXPECT_LT(currencies[i - 1].code, currencies[i].code);
  }
  EXPECT_EQ(currency::FindCurrency("EUR")->minor_units, 2);
  EXPECT_EQ(currency::FindCurrency("jpy")->minor_units, 0);
  EXPECT_EQ(currency::FindCurrency("KWD")->minor_units, 3);
  EXPECT_EQ(currency::FindCurrency("CLF")->minor_units, 4);
  EXPECT_EQ(currency::FindCurrency("XAU")->minor_units, -1);
  EXPECT_EQ(currency::FindCurrency("ABC"), nullptr);
  for (const currency::Currency& entry : currencies) {
    EXPECT_LE(entry.minor_units, currency::kMaxMinorUnits) << entry.code;
  }
  EXPECT_EQ(currency::FindCurrency("EURO"), nullptr);
}

TEST(CurrencyTable, EveryAliasNamesKnownCodes) {
  for (const auto* aliases : {&currency::Signs(), &currency::Names(), &currency::Regions()}) {
    for (const currency::Alias& alias : *aliases) {
      std::string_view codes = alias.codes;
      for (size_t start = 0; start < codes.size(); start += 4) {
        EXPECT_NE(currency::FindCurrency(codes.substr(start, 3)), nullptr) << alias.text;
      }
    }
  }
}

std::string CodeOf(std::string_view text, std::string_view region = "") {
  std::string reason;
  std::string_view code = currency::CurrencyCode(text, region, reason);
  return reason.empty() ? std::string(code) : "error: " + reason;
}

TEST(CurrencyCode, ReadsCodesSignsAndNames) {
  EXPECT_EQ(CodeOf("usd"), "USD");
  EXPECT_EQ(CodeOf(" EUR "), "EUR");
  EXPECT_EQ(CodeOf("€"), "EUR");
  EXPECT_EQ(CodeOf("£"), "GBP");
  EXPECT_EQ(CodeOf("US$"), "USD");
  EXPECT_EQ(CodeOf("euro"), "EUR");
  EXPECT_EQ(CodeOf("Euros"), "EUR");
  EXPECT_EQ(CodeOf("US dollar"), "USD");
  EXPECT_EQ(CodeOf("us dollars"), "USD");
  EXPECT_EQ(CodeOf("Pound Sterling"), "GBP");
  EXPECT_EQ(CodeOf("Swiss Franc"), "CHF");
}

TEST(CurrencyCode, AmbiguousSignNeedsARegion) {
  EXPECT_EQ(CodeOf("¥"), "error: \"¥\" is ambiguous: it may be JPY, CNY; give a region such as "
                         "\"US\" or a currency code as the second argument");
  EXPECT_EQ(CodeOf("¥", "JP"), "JPY");
  EXPECT_EQ(CodeOf("¥", "cn"), "CNY");
  EXPECT_EQ(CodeOf("$", "US"), "USD");
  EXPECT_EQ(CodeOf("$", "CA"), "CAD");
  EXPECT_EQ(CodeOf("$", "AUD"), "AUD");
  EXPECT_EQ(CodeOf("kr", "SE"), "SEK");
  EXPECT_EQ(CodeOf("dollar", "NZ"), "NZD");
  // A region only chooses among the sign's currencies.
  EXPECT_EQ(CodeOf("€", "US"), "EUR");
  EXPECT_EQ(CodeOf("¥", "FR"),
            "error: \"¥\" may be JPY, CNY, and the region \"FR\" names none of them");
}

TEST(CurrencyCode, RejectsUnknownText) {
  EXPECT_EQ(CodeOf("ABC"),
            "error: \"ABC\" is not an ISO 4217 code, a currency sign or a currency name");
  EXPECT_EQ(CodeOf(""), "error: \"\" is not an ISO 4217 code, a currency sign or a currency name");
}

}  // namespace
}  // namespace weft
