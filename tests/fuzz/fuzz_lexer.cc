// Fuzz target: lexes arbitrary text with ANTLR's generated WeftLexer and with Weft's own lexer,
// which must emit the same tokens and errors. A difference aborts, so that the fuzzer saves the
// input. On text that is not valid UTF-8, Weft's lexer need only end with EOF.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "tests/support/token_streams.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  std::string difference = weft::testing::CompareLexers(text);
  if (!difference.empty()) {
    std::fprintf(stderr, "fuzz_lexer: the lexers differ: %s\n", difference.c_str());
    std::abort();
  }
  return 0;
}
