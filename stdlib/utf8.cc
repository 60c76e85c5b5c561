#include "stdlib/utf8.h"

#include <cstdint>
#include <cstring>

namespace weft::utf8 {

size_t SequenceLength(std::string_view text, size_t at) {
  auto byte = [&](size_t i) { return static_cast<unsigned char>(text[at + i]); };
  unsigned char lead = byte(0);
  if (lead < 0x80) return 1;

  // The lead byte fixes the length and the range of the second byte.
  size_t length = 0;
  unsigned char low = 0x80, high = 0xBF;
  if (lead >= 0xC2 && lead <= 0xDF) {
    length = 2;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    length = 3;
    if (lead == 0xE0) low = 0xA0;   // no overlong forms
    if (lead == 0xED) high = 0x9F;  // no surrogates
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    length = 4;
    if (lead == 0xF0) low = 0x90;   // no overlong forms
    if (lead == 0xF4) high = 0x8F;  // nothing above U+10FFFF
  } else {
    return 0;
  }
  if (at + length > text.size()) return 0;
  if (byte(1) < low || byte(1) > high) return 0;
  for (size_t i = 2; i < length; ++i) {
    if (!IsContinuation(text[at + i])) return 0;
  }
  return length;
}

std::string ReplaceInvalid(std::string_view text, std::string_view replacement) {
  std::string valid;
  size_t at = 0;
  while (at < text.size()) {
    size_t length = SequenceLength(text, at);
    if (length == 0) {
      valid += replacement;
      ++at;
      continue;
    }
    valid.append(text.substr(at, length));
    at += length;
  }
  return valid;
}

std::string_view TruncateAtCharacter(std::string_view text, size_t max_bytes) {
  if (text.size() <= max_bytes) return text;
  size_t cut = max_bytes;
  while (cut > 0 && IsContinuation(text[cut])) --cut;
  return text.substr(0, cut);
}

size_t FindInvalid(std::string_view text) {
  size_t at = 0;
  while (at < text.size()) {
    // ASCII is most of any .map file or schema document, and each byte is a sequence of one.
    if (static_cast<unsigned char>(text[at]) < 0x80) {
      ++at;
      continue;
    }
    size_t length = SequenceLength(text, at);
    if (length == 0) return at;
    at += length;
  }
  return std::string_view::npos;
}

namespace {

bool NeedsEscape(char c) {
  return c == '"' || c == '\\' || static_cast<unsigned char>(c) < 0x20;
}

// True when one of the 8 bytes of `word` needs an escape: a quote, a backslash or a control
// character. Each test sets the high bit of a matching byte, which checks all 8 bytes at once.
// A false match only sends the caller to the byte-by-byte loop, and bytes of 0x80 and above never
// match.
bool WordNeedsEscape(uint64_t word) {
  constexpr uint64_t kOnes = 0x0101010101010101ULL;
  constexpr uint64_t kHighBits = 0x8080808080808080ULL;
  auto zero_byte = [](uint64_t x) { return (x - kOnes) & ~x & kHighBits; };
  uint64_t control = (word - 0x20 * kOnes) & ~word & kHighBits;
  return (control | zero_byte(word ^ ('"' * kOnes)) | zero_byte(word ^ ('\\' * kOnes))) != 0;
}

// Returns the position of the first byte at or after `start` that needs an escape.
size_t NextEscape(std::string_view text, size_t start) {
  size_t i = start;
  for (; i + 8 <= text.size(); i += 8) {
    uint64_t word;
    std::memcpy(&word, text.data() + i, 8);
    if (WordNeedsEscape(word)) break;
  }
  // The last bytes are tested as the word that ends the text, which may overlap the words before.
  if (i < text.size() && i + 8 > text.size() && text.size() >= 8) {
    uint64_t word;
    std::memcpy(&word, text.data() + text.size() - 8, 8);
    if (!WordNeedsEscape(word)) return text.size();
  }
  while (i < text.size() && !NeedsEscape(text[i])) ++i;
  return i;
}

// Writes the JSON escape of `c`, a byte that NeedsEscape accepts, at `to` and returns the end.
char* WriteEscape(char c, char* to) {
  static constexpr char kHexDigits[] = "0123456789abcdef";
  *to++ = '\\';
  switch (c) {
    case '"':
    case '\\':
      *to++ = c;
      break;
    case '\n':
      *to++ = 'n';
      break;
    case '\r':
      *to++ = 'r';
      break;
    case '\t':
      *to++ = 't';
      break;
    default:
      // The other control characters, U+0000 among them.
      *to++ = 'u';
      *to++ = '0';
      *to++ = '0';
      *to++ = kHexDigits[(c >> 4) & 0xF];
      *to++ = kHexDigits[c & 0xF];
  }
  return to;
}

}  // namespace

void AppendJsonString(std::string_view text, std::string& out) {
  out += '"';
  // Most strings need no escape, so runs without one are copied whole.
  size_t start = 0;
  while (start < text.size()) {
    size_t end = NextEscape(text, start);
    out.append(text.data() + start, end - start);
    if (end == text.size()) break;
    char escape[kMaxEscapeChars];
    out.append(escape, static_cast<size_t>(WriteEscape(text[end], escape) - escape));
    start = end + 1;
  }
  out += '"';
}

char* WriteJsonStringContents(std::string_view text, char* to) {
  size_t start = 0;
  while (start < text.size()) {
    size_t end = NextEscape(text, start);
    std::memcpy(to, text.data() + start, end - start);
    to += end - start;
    if (end == text.size()) break;
    to = WriteEscape(text[end], to);
    start = end + 1;
  }
  return to;
}

void AppendJsonStringFromBytes(std::string_view bytes, std::string& out) {
  AppendJsonString(ReplaceInvalid(bytes, "\xEF\xBF\xBD"), out);
}

}  // namespace weft::utf8
