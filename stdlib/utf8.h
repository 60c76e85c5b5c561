#pragma once

#include <cstddef>
#include <string>
#include <string_view>

// UTF-8 checks shared by the compiler (source files, snippets) and the runtime (reject lines).
namespace weft::utf8 {

// Returns the length of the well-formed UTF-8 sequence that starts at `text[at]`, or 0 when the
// bytes there are not one. Overlong forms, surrogates (U+D800 to U+DFFF) and code points above
// U+10FFFF are not well formed (RFC 3629, section 4).
size_t SequenceLength(std::string_view text, size_t at);

// Returns the offset of the first byte that does not start a well-formed sequence, or
// std::string_view::npos when all of `text` is valid UTF-8.
size_t FindInvalid(std::string_view text);

// Returns `text` with each byte that does not start a well-formed sequence replaced by
// `replacement`.
std::string ReplaceInvalid(std::string_view text, std::string_view replacement);

// Appends `text`, which must be valid UTF-8, to `out` as a JSON string literal, quotes included.
// Control characters are escaped; everything else is copied as it is.
void AppendJsonString(std::string_view text, std::string& out);

// The maximum bytes that one byte of text becomes in a JSON string: `\u001f` for a control
// character.
inline constexpr size_t kMaxEscapeChars = 6;

// Writes the contents of the JSON string literal of `text`, without its quotes, at `to`, which
// must have room for kMaxEscapeChars bytes per byte of `text`. Returns the end of what it wrote.
char* WriteJsonStringContents(std::string_view text, char* to);

// Like AppendJsonString, for bytes that may not be valid UTF-8, such as a malformed input line.
// Each byte of an invalid sequence becomes U+FFFD, so the output stays valid JSON.
void AppendJsonStringFromBytes(std::string_view bytes, std::string& out);

// True for the bytes 10xxxxxx that continue a multi-byte sequence.
inline bool IsContinuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

// Returns the longest prefix of `text` of at most `max_bytes` bytes that does not end inside a
// multi-byte sequence, so that shortening valid UTF-8 keeps it valid.
std::string_view TruncateAtCharacter(std::string_view text, size_t max_bytes);

}  // namespace weft::utf8
