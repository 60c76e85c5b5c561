#include "stdlib/ids.h"

#include <algorithm>
#include <array>

#include "stdlib/digest.h"
#include "stdlib/text.h"
#include "stdlib/utf8.h"

namespace weft::ids {
namespace {

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// Reads a UUID in the 8-4-4-4-12 form into its 16 bytes.
std::optional<std::array<uint8_t, 16>> ParseUuid(std::string_view text) {
  if (text.size() != 36) return std::nullopt;
  std::array<uint8_t, 16> bytes{};
  size_t byte = 0;
  for (size_t i = 0; i < text.size();) {
    if (i == 8 || i == 13 || i == 18 || i == 23) {
      if (text[i] != '-') return std::nullopt;
      ++i;
      continue;
    }
    int high = HexValue(text[i]);
    int low = HexValue(text[i + 1]);
    if (high < 0 || low < 0) return std::nullopt;
    bytes[byte++] = static_cast<uint8_t>(high << 4 | low);
    i += 2;
  }
  return bytes;
}

}  // namespace

std::string HashHex(std::string_view text, HashAlgorithm algorithm) {
  if (algorithm == HashAlgorithm::Sha1) return digest::Hex(digest::Sha1::Hash(text));
  return digest::Hex(digest::Sha256::Hash(text));
}

std::optional<std::string> UuidV5(std::string_view name_space, std::string_view name) {
  std::optional<std::array<uint8_t, 16>> space = ParseUuid(name_space);
  if (!space) return std::nullopt;

  digest::Sha1 sha1;
  sha1.Update(std::string_view(reinterpret_cast<const char*>(space->data()), space->size()));
  sha1.Update(name);
  std::array<uint8_t, digest::Sha1::kSize> hash = sha1.Final();
  std::array<uint8_t, 16> uuid{};
  std::copy_n(hash.begin(), 16, uuid.begin());
  uuid[6] = static_cast<uint8_t>((uuid[6] & 0x0F) | 0x50);
  uuid[8] = static_cast<uint8_t>((uuid[8] & 0x3F) | 0x80);

  std::string hex = digest::Hex(uuid);
  return hex.substr(0, 8) + "-" + hex.substr(8, 4) + "-" + hex.substr(12, 4) + "-" +
         hex.substr(16, 4) + "-" + hex.substr(20);
}

std::string Mask(std::string_view text, int64_t keep_last) {
  int64_t count = text::CodePointCount(text);
  int64_t masked = count <= keep_last ? count : count - keep_last;
  std::string out(static_cast<size_t>(masked), '*');
  size_t at = 0;
  for (int64_t i = 0; i < masked; ++i) at += utf8::SequenceLength(text, at);
  out.append(text.substr(at));
  return out;
}

}  // namespace weft::ids
