#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

// Exact decimal arithmetic on 128-bit integers that count 10^-scale units. Up to 38 digits fit.
namespace weft::runtime {

constexpr int kMaxDigits = 38;

// The minimum number of places of a quotient: `a / b` has the larger of a's places and this
// many, so that a unit price or a rate keeps four places beyond the cent.
constexpr int kMinQuotientScale = 6;

// 10^exponent for exponent 0 to 38.
__int128 PowerOfTen(int exponent);

// Returns true when |value| has at most `digits` digits.
bool FitsDigits(__int128 value, int digits);

// Writes the value with exactly `scale` places after the point, such as "-12.50".
std::string DecimalToString(__int128 value, int scale);
// Appends the same text as DecimalToString to `out`, without a temporary string.
void AppendDecimal(__int128 value, int scale, std::string& out);
// The maximum length of the text of a decimal with at most kMaxDigits places: a sign, 39 digits
// (2^127 has that many) and a point.
constexpr size_t kMaxDecimalChars = 41;
// Writes the same text as DecimalToString at `to`, which must have room for kMaxDecimalChars
// bytes, and returns the end of the text. `scale` must be at most kMaxDigits.
char* WriteDecimal(__int128 value, int scale, char* to);

// The reason a text could not become a decimal.
enum class DecimalParseError { None, NotANumber, TooManyPlaces, TooManyDigits };

// Parses JSON-style number text ("-12.5", "1e3", "0.10") into units of 10^-scale. Digits beyond
// `scale` places must be zeros, otherwise the result is TooManyPlaces: input is never rounded.
DecimalParseError ParseDecimal(std::string_view text, int scale, __int128& result);

// Reads the common form of a JSON number, `-?(0|[1-9][0-9]*)(.[0-9]+)?` with at most 18 digits
// and at most `scale` places (0 or more), into units of 10^-scale. Returns false for any other
// text, which the caller then checks against JSON's grammar and reads with ParseDecimal.
bool ParseShortJsonDecimal(std::string_view text, int scale, __int128& result);

// Parses like ParseDecimal, keeping the places the text has: "10.50" gives 1050 with scale 2 and
// "1e3" gives 1000 with scale 0. More than 38 places is TooManyPlaces.
DecimalParseError ParseDecimalKeepingScale(std::string_view text, __int128& result, int& scale);

// Compares two decimals of any scales exactly, without the overflow that rescaling one of them
// could cause. Returns <0, 0 or >0.
int CompareDecimals(__int128 left, int left_scale, __int128 right, int right_scale);

// The ways of dropping places, named as in IEEE 754 and Java's RoundingMode. The order is fixed:
// generated code passes a mode as its index, and `round` lists them in this order.
enum class RoundingMode {
  // To the nearest value; a tie goes to the even neighbour (banker's rounding).
  HalfEven,
  // To the nearest value; a tie goes away from zero.
  HalfUp,
  // To the nearest value; a tie goes toward zero.
  HalfDown,
  // Away from zero.
  Up,
  // Toward zero (truncation).
  Down,
  // Toward positive infinity.
  Ceiling,
  // Toward negative infinity.
  Floor,
  // Toward zero, and then to the odd neighbour when any nonzero digit was dropped ("round to
  // odd"). No .map file names it. Take a value rounded so to at least two more places than a
  // later rounding. That rounding then gives the exact value's result under every mode. An
  // inexact result ends in an odd digit, so it is never a tie or a multiple of the later unit.
  ToOdd,
};

// The names of the rounding modes as .map files write them, in the order of RoundingMode. ToOdd,
// which no .map file names, comes after them.
constexpr const char* kRoundingModeNames[] = {"HALF_EVEN", "HALF_UP", "HALF_DOWN", "UP",
                                              "DOWN",      "CEILING", "FLOOR"};

// Changes the scale of `value`; fewer places round by `mode`, exactly, on the integer digits.
// Returns nullopt when the result has more than 38 digits.
std::optional<__int128> Round(__int128 value, int from_scale, int to_scale, RoundingMode mode);

// Changes the scale of `value`; fewer places round half away from zero (RoundingMode::HalfUp).
// Returns nullopt when the result has more than 38 digits.
std::optional<__int128> Rescale(__int128 value, int from_scale, int to_scale);

// Divides `left` by `right`, which must not be zero, and rounds the exact quotient once by
// `mode` to `result_scale` places. Returns nullopt when the result has more than 38 digits.
std::optional<__int128> Divide(__int128 left, int left_scale, __int128 right, int right_scale,
                               int result_scale, RoundingMode mode);

// The exact remainder of `left` divided by `right`, which must not be zero, with the sign of
// `left`, at the larger of the two scales: left - right * q, where q is the quotient truncated
// toward zero. It always fits 38 digits, because it is no larger than either operand.
__int128 Remainder(__int128 left, int left_scale, __int128 right, int right_scale);

}  // namespace weft::runtime
