#pragma once

#include <optional>
#include <string>
#include <string_view>

// Writing numbers as text by a pattern such as "#,##0.00", for `format_number`. The checker
// parses each pattern when the .map file is checked, and the run-time function parses it again
// on each call, so both read the same rules.
namespace weft::numbers {

// The largest number of `0`s before the point, and of `0`s and `#`s after it, that a pattern
// may have. 38 is the number of digits a decimal holds.
constexpr int kMaxPatternDigits = 38;

// A parsed pattern. Its grammar:
//   pattern  = integer [ "." fraction ]
//   integer  = "#"... "0"... with "," between symbols, where every "#" precedes every "0"
//              and at least one "0" ends it
//   fraction = "0"... "#"...   with at least one symbol
struct NumberPattern {
  // The `0`s before the point: the integer part is padded with zeros to this many digits.
  int minimum_integer_digits = 1;
  // The digits between grouping separators, counted from the point; 0 when there is no ",".
  int grouping_size = 0;
  // The `0`s after the point, which are always written.
  int minimum_places = 0;
  // The `0`s and `#`s after the point. A value with more places is rounded to this many
  // (RoundingMode::HalfEven), and trailing zeros beyond minimum_places are dropped.
  int maximum_places = 0;
};

// Parses `text` into `pattern`. Returns "" on success, or the reason the pattern is invalid,
// which messages write after the pattern itself.
std::string ParseNumberPattern(std::string_view text, NumberPattern& pattern);

// Writes `value`, a count of 10^-scale units, by `pattern`, with the separators given. A negative
// value starts with "-", unless it rounds to zero. Returns nullopt when rounding fails, which
// cannot happen for a value of at most 38 digits and a scale of 0 to 38.
std::optional<std::string> FormatNumber(__int128 value, int scale, const NumberPattern& pattern,
                                        std::string_view decimal_separator,
                                        std::string_view grouping_separator);

}  // namespace weft::numbers
