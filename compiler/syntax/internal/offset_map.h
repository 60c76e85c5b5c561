#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

namespace weft::syntax::internal {

// ANTLR indexes its input by code point; diagnostics and the AST use byte offsets into the UTF-8
// text. This table converts between the two. Like ANTLR's input stream and the lexer, it starts
// counting after a leading byte order mark, so code point 0 is the first one after the mark.
class OffsetMap {
 public:
  explicit OffsetMap(std::string_view utf8_text) {
    // ANTLRInputStream of the C++ runtime (4.9 on Debian 12) drops a leading UTF-8 byte order
    // mark, so ANTLR's code point 0 is the first one after the mark.
    uint32_t first_byte = utf8_text.starts_with(kByteOrderMark) ? kByteOrderMark.size() : 0;
    for (uint32_t i = first_byte; i < utf8_text.size(); ++i) {
      // Continuation bytes (10xxxxxx) do not start a code point.
      if ((static_cast<unsigned char>(utf8_text[i]) & 0xC0) != 0x80) starts_.push_back(i);
    }
    starts_.push_back(static_cast<uint32_t>(utf8_text.size()));
  }

  // The byte offset of a code point index; indexes past the end map to the end of the text.
  uint32_t ByteOffset(size_t code_point_index) const {
    return code_point_index < starts_.size() ? starts_[code_point_index] : starts_.back();
  }

 private:
  static constexpr std::string_view kByteOrderMark = "\xEF\xBB\xBF";

  std::vector<uint32_t> starts_;
};

}  // namespace weft::syntax::internal
