#pragma once

#include <cstddef>
#include <cstring>

namespace weft {

// Copies `size` bytes from `from` to `to`, which must not overlap, and returns the end of the
// copy. Copies of up to 32 bytes are made of two fixed-size moves that may overlap each other.
// The reason is that memcpy of a size unknown at compile time is a call into the C library,
// which costs more than copying a short field value does.
[[gnu::always_inline]] inline char* CopyBytes(const char* from, size_t size, char* to) {
  auto move = [&]<size_t kWidth>() {
    char head[kWidth];
    char tail[kWidth];
    std::memcpy(head, from, kWidth);
    std::memcpy(tail, from + size - kWidth, kWidth);
    std::memcpy(to, head, kWidth);
    std::memcpy(to + size - kWidth, tail, kWidth);
  };
  if (size > 32) {
    std::memcpy(to, from, size);
  } else if (size >= 16) {
    move.template operator()<16>();
  } else if (size >= 8) {
    move.template operator()<8>();
  } else if (size >= 4) {
    move.template operator()<4>();
  } else if (size >= 2) {
    move.template operator()<2>();
  } else if (size == 1) {
    *to = *from;
  }
  return to + size;
}

}  // namespace weft
