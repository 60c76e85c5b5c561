#include "stdlib/date_pattern_fields.h"

#include <fmt/format.h>

#include <cstdlib>

#include "stdlib/date_internal.h"
#include "stdlib/numbers.h"

namespace weft::dates::internal {
namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// True when text[at] and text[at + 1] are digits.
bool TwoDigitsAt(std::string_view text, size_t at) {
  return at + 2 <= text.size() && IsDigit(text[at]) && IsDigit(text[at + 1]);
}

// Describes the text from `at` on, for reasons.
std::string Found(std::string_view text, size_t at) {
  if (at >= text.size()) return "but the text ends there";
  return fmt::format("but found {}", numbers::Quote(text.substr(at)));
}

// Examples of the forms that each offset field reads.
std::string_view OffsetExamples(std::string_view letters) {
  if (letters == "X") return "+01, +0530 or Z";
  if (letters == "XX") return "+0100 or Z";
  if (letters == "XXX") return "+01:00 or Z";
  if (letters == "x") return "+01 or +0530";
  if (letters == "xx") return "+0100";
  return "+01:00";
}

// Returns the length of the numeric offset in the form of `letters` at the start of `text`, or 0
// when there is none. The offset is a sign and hh, then :mm for XXX and xxx and mm for XX and xx.
// X and x read mm only where two digits follow the hours.
size_t NumericOffsetLength(std::string_view text, std::string_view letters) {
  bool signed_hours = !text.empty() && (text[0] == '+' || text[0] == '-') && TwoDigitsAt(text, 1);
  if (!signed_hours) return 0;
  if (letters.size() == 3) return text.size() > 3 && text[3] == ':' && TwoDigitsAt(text, 4) ? 6 : 0;
  if (letters.size() == 2) return TwoDigitsAt(text, 3) ? 5 : 0;
  return TwoDigitsAt(text, 3) ? 5 : 3;
}

}  // namespace

std::string Where(std::string_view text, size_t at) {
  if (at == 0) return "at the start";
  return fmt::format("after {}", numbers::Quote(text.substr(0, at)));
}

std::string ReadFraction(std::string_view text, size_t& at, std::string_view letters,
                         std::string& fraction) {
  size_t digits = 0;
  while (digits < letters.size() && at + digits < text.size() && IsDigit(text[at + digits])) {
    ++digits;
  }
  if (digits < letters.size()) {
    return fmt::format("expected {} digit{} for the fraction of a second ({}) {}, {}",
                       letters.size(), letters.size() == 1 ? "" : "s", letters, Where(text, at),
                       Found(text, at));
  }
  fraction = fmt::format(".{}", text.substr(at, digits));
  at += digits;
  return "";
}

std::string ReadOffset(std::string_view text, size_t& at, std::string_view letters,
                       TextOffset& offset) {
  std::string_view rest = text.substr(at);
  bool z_is_zero = letters[0] == 'X';
  if (z_is_zero && !rest.empty() && (rest[0] == 'Z' || rest[0] == 'z')) {
    offset = {std::chrono::minutes(0), true};
    at += 1;
    return "";
  }

  size_t length = NumericOffsetLength(rest, letters);
  if (length == 0) {
    return fmt::format("expected the offset ({}), such as {}, {}, {}", letters,
                       OffsetExamples(letters), Where(text, at), Found(text, at));
  }
  std::string_view written = rest.substr(0, length);
  int hours = Digits(written.substr(1, 2));
  int minutes = length > 3 ? Digits(written.substr(length - 2)) : 0;
  if (hours > 23 || minutes > 59) {
    return fmt::format("{} is outside the offsets -23:59 to +23:59 that {} reads",
                       numbers::Quote(written), letters);
  }
  std::chrono::minutes value = std::chrono::hours(hours) + std::chrono::minutes(minutes);
  bool negative = written[0] == '-';
  offset = {negative ? -value : value, negative && value.count() == 0};
  at += length;
  return "";
}

std::string WriteFraction(std::string_view fraction, size_t digits) {
  std::string out(fraction.empty() ? "" : fraction.substr(1, digits));
  out.resize(digits, '0');
  return out;
}

std::string WriteOffset(std::string_view letters, std::chrono::minutes offset) {
  if (offset.count() == 0 && letters[0] == 'X') return "Z";
  char sign = offset.count() < 0 ? '-' : '+';
  int64_t magnitude = std::abs(offset.count());
  int64_t hours = magnitude / 60;
  int64_t minutes = magnitude % 60;
  if (letters.size() == 3) return fmt::format("{}{:02}:{:02}", sign, hours, minutes);
  if (letters.size() == 2 || minutes != 0) return fmt::format("{}{:02}{:02}", sign, hours, minutes);
  return fmt::format("{}{:02}", sign, hours);
}

}  // namespace weft::dates::internal
