// The code point operations of the string builtins: trimming, slicing, padding, replacing and
// digits. Case mapping and normalization are in unicode.cc.
#include "stdlib/text.h"

#include <utf8proc.h>

#include <algorithm>
#include <limits>

#include "stdlib/utf8.h"

namespace weft::text {
namespace {

// The code points with the White_Space property of Unicode 15 (PropList.txt).
bool IsWhiteSpace(int32_t code_point) {
  if (code_point <= 0x7F) return code_point == ' ' || (code_point >= 0x09 && code_point <= 0x0D);
  switch (code_point) {
    case 0x0085:
    case 0x00A0:
    case 0x1680:
    case 0x2028:
    case 0x2029:
    case 0x202F:
    case 0x205F:
    case 0x3000:
      return true;
    default:
      return code_point >= 0x2000 && code_point <= 0x200A;
  }
}

// Decodes the code point at `at` of valid UTF-8 and returns its length in bytes.
size_t Decode(std::string_view text, size_t at, int32_t& code_point) {
  auto length = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(text.data() + at),
                                 static_cast<utf8proc_ssize_t>(text.size() - at), &code_point);
  // Input text is validated before any builtin receives it, so only a broken invariant gets
  // here. Moving on by one byte still ends the caller's loop.
  return length > 0 ? static_cast<size_t>(length) : 1;
}

// Returns the offset of the code point that ends at `end`.
size_t StartOfLast(std::string_view text, size_t end) {
  size_t start = end - 1;
  while (start > 0 && utf8::IsContinuation(text[start])) --start;
  return start;
}

// The value of a decimal digit of any script. Unicode assigns each script's digits 0 to 9 as one
// run of ten consecutive code points, and runs may follow each other, so the digit is the
// distance from the start of the run of digits modulo ten.
int DigitValue(int32_t code_point) {
  int32_t first = code_point;
  while (utf8proc_category(first - 1) == UTF8PROC_CATEGORY_ND) --first;
  return (code_point - first) % 10;
}

// Returns the byte offset of code point `index`, or text.size() when the text has no more.
size_t OffsetOfCodePoint(std::string_view text, int64_t index) {
  size_t at = 0;
  for (int64_t i = 0; i < index && at < text.size(); ++i) {
    ++at;
    while (at < text.size() && utf8::IsContinuation(text[at])) ++at;
  }
  return at;
}

}  // namespace

bool IsAscii(std::string_view text) {
  return std::all_of(text.begin(), text.end(),
                     [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

int64_t CodePointCount(std::string_view text) {
  return std::count_if(text.begin(), text.end(), [](char c) { return !utf8::IsContinuation(c); });
}

std::string_view Trim(std::string_view text) {
  size_t begin = 0;
  int32_t code_point = 0;
  while (begin < text.size()) {
    size_t length = Decode(text, begin, code_point);
    if (!IsWhiteSpace(code_point)) break;
    begin += length;
  }

  size_t end = text.size();
  while (end > begin) {
    size_t start = StartOfLast(text, end);
    Decode(text, start, code_point);
    if (!IsWhiteSpace(code_point)) break;
    end = start;
  }
  return text.substr(begin, end - begin);
}

std::string_view Substring(std::string_view text, int64_t start, int64_t length) {
  if (length <= 0) return {};
  // The end saturates, so that a start near the largest int does not overflow.
  int64_t end = start > std::numeric_limits<int64_t>::max() - length
                    ? std::numeric_limits<int64_t>::max()
                    : start + length;
  int64_t first = std::max<int64_t>(start, 0);
  if (end <= first) return {};
  size_t begin = OffsetOfCodePoint(text, first);
  size_t stop = begin + OffsetOfCodePoint(text.substr(begin), end - first);
  return text.substr(begin, stop - begin);
}

namespace {

// The code points that padding `text` to `width` adds: none when it is as wide already. The
// width is compared before it is subtracted from, because width - count overflows for a width
// near the smallest int64.
int64_t MissingCodePoints(std::string_view text, int64_t width) {
  int64_t count = CodePointCount(text);
  return width > count ? width - count : 0;
}

}  // namespace

std::string Pad(std::string_view text, int64_t width, std::string_view fill, bool left) {
  int64_t missing = MissingCodePoints(text, width);
  if (missing == 0) return std::string(text);
  std::string padded;
  padded.reserve(text.size() + static_cast<size_t>(missing) * fill.size());
  if (!left) padded.append(text);
  for (int64_t i = 0; i < missing; ++i) padded.append(fill);
  if (left) padded.append(text);
  return padded;
}

size_t PaddedSize(std::string_view text, int64_t width, std::string_view fill) {
  return text.size() + static_cast<size_t>(MissingCodePoints(text, width)) * fill.size();
}

size_t ReplacedSize(std::string_view text, std::string_view from, std::string_view to) {
  if (from.empty()) return text.size();
  size_t matches = 0;
  for (size_t found = text.find(from); found != std::string_view::npos;
       found = text.find(from, found + from.size())) {
    ++matches;
  }
  return text.size() - matches * from.size() + matches * to.size();
}

std::string Replace(std::string_view text, std::string_view from, std::string_view to) {
  if (from.empty()) return std::string(text);
  // In valid UTF-8 no code point's bytes occur inside another's, so a byte match is a match of
  // whole code points.
  std::string replaced;
  size_t at = 0;
  for (size_t found = text.find(from); found != std::string_view::npos;
       found = text.find(from, at)) {
    replaced.append(text.substr(at, found - at));
    replaced.append(to);
    at = found + from.size();
  }
  replaced.append(text.substr(at));
  return replaced;
}

std::string DigitsOnly(std::string_view text) {
  std::string digits;
  size_t at = 0;
  while (at < text.size()) {
    char c = text[at];
    if (static_cast<unsigned char>(c) < 0x80) {
      if (c >= '0' && c <= '9') digits += c;
      ++at;
      continue;
    }
    int32_t code_point = 0;
    at += Decode(text, at, code_point);
    if (utf8proc_category(code_point) == UTF8PROC_CATEGORY_ND) {
      digits += static_cast<char>('0' + DigitValue(code_point));
    }
  }
  return digits;
}

}  // namespace weft::text
