#pragma once

// The fields of date-time patterns that carry the fraction of a second and the offset, S to
// SSSSSSSSS and X to xxx, which stdlib/date_patterns.cc reads and writes with these helpers. Not
// part of the stdlib's interface.
#include <chrono>
#include <string>
#include <string_view>

namespace weft::dates::internal {

// An offset that a text writes.
struct TextOffset {
  // The offset east of UTC.
  std::chrono::minutes value{0};
  // True for Z and -00:00. RFC 3339 (section 4.3) gives -00:00 to a UTC time whose local offset
  // is unknown, and RFC 9557 reads Z that way too, so both are written back as Z.
  bool utc = false;
};

// Describes where text[at] lies, for reasons: at the start, or after the text before it.
std::string Where(std::string_view text, size_t at);

// Reads exactly as many digits at text[at] as `letters`, S to SSSSSSSSS, has, writes them as a
// fraction such as ".250", and moves `at` past them. Returns "" or the reason.
std::string ReadFraction(std::string_view text, size_t& at, std::string_view letters,
                         std::string& fraction);
// Reads an offset at text[at] in the form of `letters`, X to xxx, and moves `at` past it. Returns
// "" or the reason.
std::string ReadOffset(std::string_view text, size_t& at, std::string_view letters,
                       TextOffset& offset);

// Writes the first `digits` digits of a fraction such as ".250", padded with zeros. The digits
// after them are cut off, never rounded, so that the second stays the one that the value writes.
std::string WriteFraction(std::string_view fraction, size_t digits);
// Writes an offset in the form of `letters`: X, XX and XXX write Z for 0, XXX and xxx put a
// colon between hours and minutes, and X and x leave out minutes of 0.
std::string WriteOffset(std::string_view letters, std::chrono::minutes offset);

}  // namespace weft::dates::internal
