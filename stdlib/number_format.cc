#include "stdlib/number_format.h"

#include <fmt/format.h>

#include <algorithm>
#include <optional>
#include <vector>

#include "runtime/decimal.h"

namespace weft::numbers {
namespace {

bool IsPatternSymbol(char c) { return c == '#' || c == '0' || c == ',' || c == '.'; }

// The code point that starts at `at`, with its continuation bytes.
std::string_view CodePointAt(std::string_view text, size_t at) {
  size_t end = at + 1;
  while (end < text.size() && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) ++end;
  return text.substr(at, end - at);
}

std::vector<std::string_view> SplitAtCommas(std::string_view text) {
  std::vector<std::string_view> groups;
  size_t start = 0;
  while (true) {
    size_t comma = text.find(',', start);
    groups.push_back(text.substr(start, comma == std::string_view::npos ? comma : comma - start));
    if (comma == std::string_view::npos) return groups;
    start = comma + 1;
  }
}

std::string ParseIntegerPart(std::string_view integer, NumberPattern& pattern) {
  if (integer.empty() || integer.find('0') == std::string_view::npos) {
    return "there is no `0` before the point; write at least one, as in \"#,##0\", so that zero "
           "is written as 0";
  }
  if (integer.front() == ',') return "the pattern starts with `,`";
  if (integer.back() == ',') return "a `,` must be followed by digit symbols";
  if (integer.find(",,") != std::string_view::npos) return "the pattern has two `,` in a row";
  size_t last_hash = integer.find_last_of('#');
  if (last_hash != std::string_view::npos && last_hash > integer.find('0')) {
    return "a `#` follows a `0` before the point; the optional digits `#` come before the "
           "required ones `0`, as in \"#,##0\"";
  }

  int zeros = static_cast<int>(std::count(integer.begin(), integer.end(), '0'));
  if (zeros > kMaxPatternDigits) {
    return fmt::format("there are {} `0`s before the point, more than the {} digits a decimal has",
                       zeros, kMaxPatternDigits);
  }
  pattern.minimum_integer_digits = zeros;

  std::vector<std::string_view> groups = SplitAtCommas(integer);
  pattern.grouping_size = groups.size() > 1 ? static_cast<int>(groups.back().size()) : 0;
  // The first group may be shorter or longer: it only sets how many digits are required.
  for (size_t i = 1; i + 1 < groups.size(); ++i) {
    if (static_cast<int>(groups[i].size()) != pattern.grouping_size) {
      return fmt::format(
          "the groups between `,` have {} and {} symbols, but all groups have one "
          "size, as in \"#,##0\"",
          groups[i].size(), pattern.grouping_size);
    }
  }
  return "";
}

std::string ParseFractionPart(std::string_view fraction, NumberPattern& pattern) {
  if (fraction.empty()) {
    return "the pattern ends in `.`; write the places after it, as in \"0.00\", or leave out the "
           "point";
  }
  if (fraction.find('.') != std::string_view::npos) return "the pattern has more than one `.`";
  if (fraction.find(',') != std::string_view::npos) {
    return "a `,` follows the point, but only the integer part is grouped";
  }
  size_t first_hash = fraction.find('#');
  if (first_hash != std::string_view::npos && fraction.find('0', first_hash) != fraction.npos) {
    return "a `0` follows a `#` after the point; the required places `0` come before the "
           "optional ones `#`, as in \"0.00##\"";
  }
  if (fraction.size() > static_cast<size_t>(kMaxPatternDigits)) {
    return fmt::format("there are {} places after the point, more than the {} a decimal has",
                       fraction.size(), kMaxPatternDigits);
  }
  pattern.maximum_places = static_cast<int>(fraction.size());
  pattern.minimum_places = static_cast<int>(std::count(fraction.begin(), fraction.end(), '0'));
  return "";
}

// The decimal digits of |value|, "0" for zero.
std::string MagnitudeDigits(__int128 value) {
  unsigned __int128 magnitude =
      value < 0 ? -static_cast<unsigned __int128>(value) : static_cast<unsigned __int128>(value);
  std::string digits;
  do {
    digits.push_back(static_cast<char>('0' + static_cast<int>(magnitude % 10)));
    magnitude /= 10;
  } while (magnitude != 0);
  std::reverse(digits.begin(), digits.end());
  return digits;
}

// Writes `digits` with `separator` before each group of `size` digits counted from the right.
void AppendGrouped(std::string_view digits, int size, std::string_view separator,
                   std::string& out) {
  for (size_t i = 0; i < digits.size(); ++i) {
    size_t left = digits.size() - i;
    if (size > 0 && i > 0 && left % static_cast<size_t>(size) == 0) out += separator;
    out += digits[i];
  }
}

}  // namespace

std::string ParseNumberPattern(std::string_view text, NumberPattern& pattern) {
  if (text.empty()) return "the pattern is empty; write one such as \"#,##0.00\"";
  for (size_t i = 0; i < text.size(); ++i) {
    if (IsPatternSymbol(text[i])) continue;
    return fmt::format("`{}` is not a pattern symbol: a pattern has only `#`, `0`, `,` and `.`",
                       CodePointAt(text, i));
  }
  pattern = NumberPattern{};
  size_t point = text.find('.');
  std::string reason = ParseIntegerPart(text.substr(0, point), pattern);
  if (!reason.empty() || point == std::string_view::npos) return reason;
  return ParseFractionPart(text.substr(point + 1), pattern);
}

std::optional<std::string> FormatNumber(__int128 value, int scale, const NumberPattern& pattern,
                                        std::string_view decimal_separator,
                                        std::string_view grouping_separator) {
  if (scale > pattern.maximum_places) {
    std::optional<__int128> rounded =
        runtime::Round(value, scale, pattern.maximum_places, runtime::RoundingMode::HalfEven);
    if (!rounded) return std::nullopt;
    value = *rounded;
    scale = pattern.maximum_places;
  }

  std::string digits = MagnitudeDigits(value);
  if (digits.size() <= static_cast<size_t>(scale)) digits.insert(0, scale + 1 - digits.size(), '0');
  std::string_view integer = std::string_view(digits).substr(0, digits.size() - scale);
  std::string fraction = digits.substr(digits.size() - scale);
  if (static_cast<int>(fraction.size()) < pattern.minimum_places)
    fraction.append(pattern.minimum_places - fraction.size(), '0');
  while (static_cast<int>(fraction.size()) > pattern.minimum_places && fraction.back() == '0')
    fraction.pop_back();

  // The integer part without leading zeros, then padded to the required digits.
  integer.remove_prefix(std::min(integer.find_first_not_of('0'), integer.size()));
  std::string padded(
      std::max<size_t>(pattern.minimum_integer_digits, integer.size()) - integer.size(), '0');
  padded += integer;

  std::string out = value < 0 ? "-" : "";
  AppendGrouped(padded, pattern.grouping_size, grouping_separator, out);
  if (!fraction.empty()) {
    out += decimal_separator;
    out += fraction;
  }
  return out;
}

}  // namespace weft::numbers
