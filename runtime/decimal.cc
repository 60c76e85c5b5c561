#include "runtime/decimal.h"

#include <algorithm>
#include <array>
#include <cstring>

#include "stdlib/copy_bytes.h"

namespace weft::runtime {
namespace {

const std::array<__int128, kMaxDigits + 1>& PowersOfTen() {
  static const std::array<__int128, kMaxDigits + 1> powers = [] {
    std::array<__int128, kMaxDigits + 1> table{};
    table[0] = 1;
    for (int i = 1; i <= kMaxDigits; ++i) table[i] = table[i - 1] * 10;
    return table;
  }();
  return powers;
}

}  // namespace

__int128 PowerOfTen(int exponent) { return PowersOfTen()[exponent]; }

bool FitsDigits(__int128 value, int digits) {
  if (digits >= kMaxDigits) digits = kMaxDigits;
  __int128 limit = PowerOfTen(digits);
  return value < limit && value > -limit;
}

namespace {

// The two digits of each number from 0 to 99, so that digits are made two at a time.
constexpr char kDigitPairs[] =
    "00010203040506070809101112131415161718192021222324252627282930313233343536373839"
    "40414243444546474849505152535455565758596061626364656667686970717273747576777879"
    "8081828384858687888990919293949596979899";

// Writes the digits of `magnitude` so that they end at `end`, and returns where they start.
char* WriteDigitsBackwards(unsigned __int128 magnitude, char* end) {
  // Most amounts fit 64 bits, whose division is far cheaper than the 128-bit one.
  while (magnitude > UINT64_MAX) {
    *--end = static_cast<char>('0' + static_cast<unsigned>(magnitude % 10));
    magnitude /= 10;
  }
  uint64_t low = static_cast<uint64_t>(magnitude);
  while (low >= 100) {
    end -= 2;
    std::memcpy(end, kDigitPairs + 2 * (low % 100), 2);
    low /= 100;
  }
  if (low >= 10) {
    end -= 2;
    std::memcpy(end, kDigitPairs + 2 * low, 2);
  } else {
    *--end = static_cast<char>('0' + low);
  }
  return end;
}

}  // namespace

char* WriteDecimal(__int128 value, int scale, char* to) {
  bool negative = value < 0;
  unsigned __int128 magnitude =
      negative ? -static_cast<unsigned __int128>(value) : static_cast<unsigned __int128>(value);
  char digits[kMaxDigits + 1];
  char* digits_end = digits + sizeof(digits);
  char* first = WriteDigitsBackwards(magnitude, digits_end);
  size_t count = static_cast<size_t>(digits_end - first);
  size_t places = scale > 0 ? static_cast<size_t>(scale) : 0;

  if (negative) *to++ = '-';
  if (count <= places) {
    // A value below one: `0.`, then the zeros before its digits.
    *to++ = '0';
    *to++ = '.';
    std::memset(to, '0', places - count);
    to += places - count;
  } else {
    to = CopyBytes(first, count - places, to);
    first += count - places;
    count = places;
    if (places > 0) *to++ = '.';
  }
  return CopyBytes(first, count, to);
}

void AppendDecimal(__int128 value, int scale, std::string& out) {
  char text[kMaxDecimalChars];
  out.append(text, static_cast<size_t>(WriteDecimal(value, scale, text) - text));
}

std::string DecimalToString(__int128 value, int scale) {
  std::string text;
  AppendDecimal(value, scale, text);
  return text;
}

namespace {

// Reads the common form of an amount, at most 18 digits with an optional point, no exponent and
// no more places than `scale`, without collecting its digits. Returns false for any other text,
// which ParseDecimal then reads the long way.
bool ParsePlainDecimal(std::string_view text, int scale, bool negative, __int128& result) {
  int64_t value = 0;
  int digits = 0;
  int places = 0;
  bool after_point = false;
  for (char c : text) {
    if (c >= '0' && c <= '9') {
      if (++digits > 18) return false;
      value = value * 10 + (c - '0');
      places += after_point ? 1 : 0;
    } else if (c == '.' && !after_point) {
      after_point = true;
    } else {
      return false;
    }
  }
  if (digits == 0 || places > scale || digits + scale - places > kMaxDigits) return false;
  __int128 units = static_cast<__int128>(value) * PowerOfTen(scale - places);
  result = negative ? -units : units;
  return true;
}

}  // namespace

bool ParseShortJsonDecimal(std::string_view text, int scale, __int128& result) {
  size_t i = 0;
  bool negative = i < text.size() && text[i] == '-';
  if (negative) ++i;
  // JSON writes no zero before other digits: `01` is not a number.
  if (i + 1 < text.size() && text[i] == '0' && text[i + 1] != '.') return false;
  int64_t value = 0;
  int digits = 0;
  // Reads a run of digits and returns its length, or -1 past 18 digits in all, which int64_t
  // might not hold.
  auto read_digits = [&] {
    int start = digits;
    for (; i < text.size() && text[i] >= '0' && text[i] <= '9'; ++i) {
      if (++digits > 18) return -1;
      value = value * 10 + (text[i] - '0');
    }
    return digits - start;
  };
  if (read_digits() <= 0) return false;
  int places = 0;
  if (i < text.size() && text[i] == '.') {
    ++i;
    places = read_digits();
    if (places <= 0) return false;
  }
  if (i != text.size() || places > scale || digits - places + scale > kMaxDigits) return false;
  __int128 units = static_cast<__int128>(value) * PowerOfTen(scale - places);
  result = negative ? -units : units;
  return true;
}

DecimalParseError ParseDecimal(std::string_view text, int scale, __int128& result) {
  size_t i = 0;
  bool negative = false;
  if (i < text.size() && (text[i] == '-' || text[i] == '+')) negative = text[i++] == '-';
  if (ParsePlainDecimal(text.substr(i), scale, negative, result)) return DecimalParseError::None;

  // Collect the significant digits and the position of the point.
  std::string digits;
  int places = 0;
  bool seen_digit = false, after_point = false;
  for (; i < text.size(); ++i) {
    char c = text[i];
    if (c >= '0' && c <= '9') {
      seen_digit = true;
      digits += c;
      if (after_point) ++places;
    } else if (c == '.' && !after_point) {
      after_point = true;
    } else {
      break;
    }
  }
  if (!seen_digit) return DecimalParseError::NotANumber;

  int64_t exponent = 0;
  if (i < text.size() && (text[i] == 'e' || text[i] == 'E')) {
    ++i;
    bool negative_exponent = false;
    if (i < text.size() && (text[i] == '-' || text[i] == '+')) negative_exponent = text[i++] == '-';
    if (i == text.size()) return DecimalParseError::NotANumber;
    for (; i < text.size() && text[i] >= '0' && text[i] <= '9'; ++i) {
      if (exponent < 100000) exponent = exponent * 10 + (text[i] - '0');
    }
    if (negative_exponent) exponent = -exponent;
  }
  if (i != text.size()) return DecimalParseError::NotANumber;

  // The value is digits * 10^(exponent - places); bring it to `scale` places.
  int64_t shift = static_cast<int64_t>(scale) + exponent - places;
  while (shift < 0 && !digits.empty()) {
    if (digits.back() != '0') return DecimalParseError::TooManyPlaces;
    digits.pop_back();
    ++shift;
  }
  digits.erase(0, std::min(digits.find_first_not_of('0'), digits.size()));
  if (digits.empty()) {
    result = 0;
    return DecimalParseError::None;
  }
  if (static_cast<int64_t>(digits.size()) + shift > kMaxDigits)
    return DecimalParseError::TooManyDigits;
  __int128 value = 0;
  for (char c : digits) value = value * 10 + (c - '0');
  value *= PowerOfTen(static_cast<int>(shift));
  result = negative ? -value : value;
  return DecimalParseError::None;
}

DecimalParseError ParseDecimalKeepingScale(std::string_view text, __int128& result, int& scale) {
  // The places are those after the point, less a positive exponent: "1.25e1" has 1.
  int places = 0;
  int64_t exponent = 0;
  size_t point = text.find('.');
  size_t mark = text.find_first_of("eE");
  if (point != std::string_view::npos) {
    places = static_cast<int>((mark == std::string_view::npos ? text.size() : mark) - point - 1);
  }
  if (mark != std::string_view::npos) {
    std::string_view digits = text.substr(mark + 1);
    bool negative = !digits.empty() && digits[0] == '-';
    if (!digits.empty() && (digits[0] == '-' || digits[0] == '+')) digits.remove_prefix(1);
    for (char c : digits) {
      if (c < '0' || c > '9') return DecimalParseError::NotANumber;
      if (exponent < 100000) exponent = exponent * 10 + (c - '0');
    }
    if (negative) exponent = -exponent;
  }
  int64_t kept_places = std::max<int64_t>(0, places - exponent);
  if (kept_places > kMaxDigits) return DecimalParseError::TooManyPlaces;
  scale = static_cast<int>(kept_places);
  return ParseDecimal(text, scale, result);
}

int CompareDecimals(__int128 left, int left_scale, __int128 right, int right_scale) {
  // Integer parts first; the fractions, below 10^scale, can then be widened to a common scale
  // of at most 38 places without overflow.
  __int128 left_integer = left / PowerOfTen(left_scale);
  __int128 right_integer = right / PowerOfTen(right_scale);
  if (left_integer != right_integer) return left_integer < right_integer ? -1 : 1;
  int scale = std::max(left_scale, right_scale);
  __int128 left_fraction = (left % PowerOfTen(left_scale)) * PowerOfTen(scale - left_scale);
  __int128 right_fraction = (right % PowerOfTen(right_scale)) * PowerOfTen(scale - right_scale);
  if (left_fraction == right_fraction) return 0;
  return left_fraction < right_fraction ? -1 : 1;
}

namespace {

using Unsigned = unsigned __int128;

Unsigned Magnitude(__int128 value) {
  return value < 0 ? -static_cast<Unsigned>(value) : static_cast<Unsigned>(value);
}

// Whether a quotient magnitude whose dropped part is `remainder` out of `divisor` moves one unit
// away from zero under `mode`. Unsigned, so that any divisor below 2^128 compares exactly.
bool QuotientRoundsAway(Unsigned quotient, Unsigned remainder, Unsigned divisor, bool negative,
                        RoundingMode mode) {
  if (remainder == 0) return false;
  Unsigned rest = divisor - remainder;
  switch (mode) {
    case RoundingMode::HalfEven:
      return remainder > rest || (remainder == rest && quotient % 2 != 0);
    case RoundingMode::HalfUp:
      return remainder >= rest;
    case RoundingMode::HalfDown:
      return remainder > rest;
    case RoundingMode::Up:
      return true;
    case RoundingMode::Down:
      return false;
    case RoundingMode::Ceiling:
      return !negative;
    case RoundingMode::Floor:
      return negative;
    case RoundingMode::ToOdd:
      return quotient % 2 == 0;
  }
  return false;
}

// Whether a quotient whose dropped part is `remainder` (of the same sign as the value, or 0)
// out of `divisor` moves one unit away from zero under `mode`.
bool RoundsAway(__int128 quotient, __int128 remainder, __int128 divisor, RoundingMode mode) {
  return QuotientRoundsAway(Magnitude(quotient), Magnitude(remainder),
                            static_cast<Unsigned>(divisor), remainder < 0, mode);
}

}  // namespace

std::optional<__int128> Round(__int128 value, int from_scale, int to_scale, RoundingMode mode) {
  if (to_scale >= from_scale) {
    __int128 factor = PowerOfTen(to_scale - from_scale);
    __int128 scaled;
    if (__builtin_mul_overflow(value, factor, &scaled) || !FitsDigits(scaled, kMaxDigits))
      return std::nullopt;
    return scaled;
  }
  int drop = from_scale - to_scale;
  // More than 38 dropped places leave a quotient of 0 and a remainder that is the whole value,
  // which is below one unit of the result, so only the direction matters.
  if (drop > kMaxDigits) {
    if (value == 0) return 0;
    // To odd, a nonzero value becomes one unit, as 0 is even.
    bool away = mode == RoundingMode::Up || mode == RoundingMode::ToOdd ||
                (mode == RoundingMode::Ceiling && value > 0) ||
                (mode == RoundingMode::Floor && value < 0);
    if (!away) return 0;
    return value > 0 ? 1 : -1;
  }
  __int128 divisor = PowerOfTen(drop);
  __int128 quotient = value / divisor;
  __int128 remainder = value % divisor;
  if (RoundsAway(quotient, remainder, divisor, mode)) quotient += remainder < 0 ? -1 : 1;
  // Dropping places leaves fewer digits, but moving away from zero can add one.
  if (!FitsDigits(quotient, kMaxDigits)) return std::nullopt;
  return quotient;
}

std::optional<__int128> Rescale(__int128 value, int from_scale, int to_scale) {
  return Round(value, from_scale, to_scale, RoundingMode::HalfUp);
}

namespace {

// Doubles `remainder`, which is below `divisor`, modulo `divisor`, and returns the quotient bit
// that the doubling carries out.
unsigned DoubleModulo(Unsigned& remainder, Unsigned divisor) {
  remainder <<= 1;
  if (remainder < divisor) return 0;
  remainder -= divisor;
  return 1;
}

// Multiplies `remainder`, which is below `divisor`, by 10 modulo `divisor`, and returns the next
// digit of the quotient. 10r is 8r + 2r, built by doublings that each stay below 2^128, because
// the divisor has at most 38 digits and 10^38 is below 2^127.
unsigned NextDigit(Unsigned& remainder, Unsigned divisor) {
  unsigned twice = DoubleModulo(remainder, divisor);
  Unsigned twice_remainder = remainder;
  unsigned four_times = 2 * twice + DoubleModulo(remainder, divisor);
  unsigned eight_times = 2 * four_times + DoubleModulo(remainder, divisor);
  unsigned digit = eight_times + twice;
  remainder += twice_remainder;
  if (remainder >= divisor) {
    remainder -= divisor;
    ++digit;
  }
  return digit;
}

}  // namespace

std::optional<__int128> Divide(__int128 left, int left_scale, __int128 right, int right_scale,
                               int result_scale, RoundingMode mode) {
  bool negative = (left < 0) != (right < 0);
  Unsigned numerator = Magnitude(left);
  Unsigned divisor = Magnitude(right);

  // In units of the result, the quotient is left * 10^shift / right. A negative shift moves the
  // places to the divisor. A divisor that passes 2^128 leaves a quotient of 0 and a remainder,
  // below 10^38, that is less than half of it, so the largest unsigned value replaces it.
  int shift = result_scale - left_scale + right_scale;
  if (shift < 0) {
    Unsigned widened;
    if (__builtin_mul_overflow(divisor, static_cast<Unsigned>(PowerOfTen(-shift)), &widened)) {
      widened = ~Unsigned{0};
    }
    divisor = widened;
    shift = 0;
  }

  // Long division, one digit per place, so that left * 10^shift is never formed.
  Unsigned quotient = numerator / divisor;
  Unsigned remainder = numerator % divisor;
  const Unsigned limit = static_cast<Unsigned>(PowerOfTen(kMaxDigits - 1));
  for (int place = 0; place < shift; ++place) {
    if (quotient >= limit) return std::nullopt;
    quotient = quotient * 10 + NextDigit(remainder, divisor);
  }

  if (QuotientRoundsAway(quotient, remainder, divisor, negative, mode)) ++quotient;
  if (quotient >= static_cast<Unsigned>(PowerOfTen(kMaxDigits))) return std::nullopt;
  __int128 result = static_cast<__int128>(quotient);
  return negative ? -result : result;
}

__int128 Remainder(__int128 left, int left_scale, __int128 right, int right_scale) {
  Unsigned numerator = Magnitude(left);
  Unsigned divisor = Magnitude(right);
  Unsigned remainder;
  if (left_scale >= right_scale) {
    // The divisor gains places. One that passes 2^128 is larger than the dividend, which is then
    // the remainder.
    Unsigned widened;
    bool overflows = __builtin_mul_overflow(
        divisor, static_cast<Unsigned>(PowerOfTen(left_scale - right_scale)), &widened);
    remainder = overflows ? numerator : numerator % widened;
  } else {
    // The dividend gains places: (n * 10^k) mod d, one place at a time, so nothing overflows.
    remainder = numerator % divisor;
    for (int place = left_scale; place < right_scale; ++place) NextDigit(remainder, divisor);
  }
  __int128 result = static_cast<__int128>(remainder);
  return left < 0 ? -result : result;
}

}  // namespace weft::runtime
