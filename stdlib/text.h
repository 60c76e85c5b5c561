#pragma once

#include <cstdint>
#include <string>
#include <string_view>

// The string builtins over valid UTF-8, in C++ terms. The C functions that generated code calls
// wrap them. Lengths and offsets count code points, so a letter with a combining accent counts
// as two and an emoji such as U+1F600 as one.
namespace weft::text {

// The Unicode normalization forms of UAX #15, in the order `normalize` lists them.
enum class NormalForm { NFC, NFD, NFKC, NFKD };

bool IsAscii(std::string_view text);
int64_t CodePointCount(std::string_view text);

// Returns `text` without the leading and trailing code points that have the Unicode property
// White_Space.
std::string_view Trim(std::string_view text);
// Returns the code points at positions `start` to `start + length - 1` that exist in `text`, so
// an offset outside the text is clamped to it.
std::string_view Substring(std::string_view text, int64_t start, int64_t length);
// The largest width that `pad_left` and `pad_right` accept, which bounds the memory that one call
// allocates for one record.
constexpr int64_t kMaxPadWidth = 1 << 20;

// Returns `text` with `fill`, one code point, added before it (`left`) or after it until it has
// `width` code points. A text that already has that many is returned unchanged. The caller
// bounds `width` by kMaxPadWidth.
std::string Pad(std::string_view text, int64_t width, std::string_view fill, bool left);
// Returns `text` with every occurrence of `from` replaced by `to`, scanning left to right. An
// empty `from` changes nothing.
std::string Replace(std::string_view text, std::string_view from, std::string_view to);
// Returns the size in bytes of Replace(text, from, to) without building it.
size_t ReplacedSize(std::string_view text, std::string_view from, std::string_view to);
// Returns the size in bytes of Pad(text, width, fill, left) without building it.
size_t PaddedSize(std::string_view text, int64_t width, std::string_view fill);
// Returns the decimal digits of `text` as ASCII 0 to 9, digits of other scripts converted.
std::string DigitsOnly(std::string_view text);

// Case mapping with libutf8proc's simple mappings, one code point to one (ß to ẞ), with no
// locale rules.
std::string Upper(std::string_view text);
std::string Lower(std::string_view text);
// Upper-cases (title-cases) the first letter of each word and lower-cases the others. A word is
// a run of letters, combining marks and digits, and an apostrophe inside a word does not end it.
std::string Title(std::string_view text);

std::string Normalize(std::string_view text, NormalForm form);
// Returns `text` with each letter that has an ASCII form replaced by it. That form is the
// compatibility decomposition without the combining marks of ASCII letters, or an entry of a
// table for the letters that do not decompose (ß, Æ, Ø, Ł, ...) and for typographic quotes and
// dashes. Text with no ASCII form is kept, in NFC.
std::string AsciiFold(std::string_view text);

}  // namespace weft::text
