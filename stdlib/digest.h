#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace weft::digest {

// The framing that SHA-1 and SHA-256 share (FIPS 180-4): the input is compressed in 64-byte
// blocks, and the last block is padded with a one bit and the message length in bits.
// `Compression` supplies the initial state and the compression function.
template <typename Compression>
class BlockHash {
 public:
  static constexpr size_t kSize = Compression::kWords * 4;
  void Update(std::string_view bytes);
  // Returns the digest. The object must not be updated afterwards.
  std::array<uint8_t, kSize> Final();
  static std::array<uint8_t, kSize> Hash(std::string_view bytes);

 private:
  typename Compression::State state_ = Compression::kInitialState;
  std::array<uint8_t, 64> block_{};
  uint64_t length_ = 0;
};

struct Sha1Compression {
  static constexpr size_t kWords = 5;
  using State = std::array<uint32_t, kWords>;
  static constexpr State kInitialState = {0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476,
                                          0xc3d2e1f0};
  static void Compress(State& state, const uint8_t* block);
};

struct Sha256Compression {
  static constexpr size_t kWords = 8;
  using State = std::array<uint32_t, kWords>;
  static constexpr State kInitialState = {0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
                                          0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19};
  static void Compress(State& state, const uint8_t* block);
};

// SHA-1, kept for UUID version 5 and the `sha1` builtin, not for anything that needs collision
// resistance.
using Sha1 = BlockHash<Sha1Compression>;
using Sha256 = BlockHash<Sha256Compression>;

// Writes bytes as lowercase hexadecimal digits, two per byte.
std::string Hex(const uint8_t* bytes, size_t size);

template <size_t N>
std::string Hex(const std::array<uint8_t, N>& bytes) {
  return Hex(bytes.data(), N);
}

}  // namespace weft::digest
