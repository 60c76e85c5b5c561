#include "stdlib/numbers.h"

#include <fmt/format.h>

#include <charconv>
#include <cmath>
#include <limits>

#include "runtime/decimal.h"

namespace weft::numbers {
namespace {

// The largest number of code points of the text that a reason shows.
constexpr int kQuotedCodePoints = 40;

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

}  // namespace

std::string Quote(std::string_view text) {
  size_t end = 0;
  int code_points = 0;
  while (end < text.size() && code_points < kQuotedCodePoints) {
    ++end;
    // Continuation bytes belong to the code point before them.
    while (end < text.size() && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) ++end;
    ++code_points;
  }
  std::string_view excerpt = text.substr(0, end);
  return fmt::format("\"{}{}\"", excerpt, end < text.size() ? "…" : "");
}

std::string ParseInt(std::string_view text, int64_t& result) {
  std::string_view digits = text;
  bool negative = !digits.empty() && digits[0] == '-';
  if (!digits.empty() && (digits[0] == '-' || digits[0] == '+')) digits.remove_prefix(1);
  bool all_digits = !digits.empty();
  for (char c : digits) all_digits = all_digits && IsDigit(c);
  if (!all_digits) {
    return fmt::format("{} is not an integer, which is an optional sign and the digits 0 to 9",
                       Quote(text));
  }

  // Accumulated as a negative number, whose range includes -9223372036854775808.
  int64_t value = 0;
  for (char c : digits) {
    bool overflow = __builtin_mul_overflow(value, 10, &value) ||
                    __builtin_sub_overflow(value, c - '0', &value);
    if (overflow) {
      return fmt::format("{} is outside the int range, -9223372036854775808 to "
                         "9223372036854775807",
                         Quote(text));
    }
  }
  if (!negative && value == std::numeric_limits<int64_t>::min()) {
    return fmt::format("{} is outside the int range, -9223372036854775808 to 9223372036854775807",
                       Quote(text));
  }
  result = negative ? value : -value;
  return "";
}

std::string ParseDecimal(std::string_view text, int precision, int scale, __int128& result) {
  __int128 value = 0;
  switch (runtime::ParseDecimal(text, scale, value)) {
    case runtime::DecimalParseError::None:
      break;
    case runtime::DecimalParseError::NotANumber:
      return fmt::format("{} is not a number", Quote(text));
    case runtime::DecimalParseError::TooManyPlaces:
      return fmt::format("{} has more than {} decimal places, and to_decimal does not round",
                         Quote(text), scale);
    case runtime::DecimalParseError::TooManyDigits:
      return fmt::format("{} has more than {} digits", Quote(text), runtime::kMaxDigits);
  }
  if (!runtime::FitsDigits(value, precision)) {
    return fmt::format("{} does not fit decimal({}, {}), which has {} digits before the point",
                       Quote(text), precision, scale, precision - scale);
  }
  result = value;
  return "";
}

std::string ParseFloat(std::string_view text, double& result) {
  // from_chars reads no leading plus sign, and it reads "inf" and "nan", which JSON lacks.
  std::string_view number = text;
  if (number.size() > 1 && number[0] == '+' && number[1] != '-') number.remove_prefix(1);
  bool starts_like_number =
      !number.empty() && (IsDigit(number[0]) || number[0] == '-' || number[0] == '.');
  double value = 0;
  auto [end, error] = std::from_chars(number.data(), number.data() + number.size(), value);
  if (!starts_like_number || error == std::errc::invalid_argument ||
      end != number.data() + number.size() || !std::isfinite(value)) {
    return fmt::format("{} is not a number", Quote(text));
  }
  if (error == std::errc::result_out_of_range) {
    return fmt::format("{} is beyond the range of a 64-bit float", Quote(text));
  }
  result = value;
  return "";
}

}  // namespace weft::numbers
