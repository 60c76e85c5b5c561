// Fuzz target: runs every text operation of the string builtins over arbitrary valid UTF-8, the
// only text they receive. A crash, a sanitizer report, invalid UTF-8 in a result or a broken
// property below is a bug.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "stdlib/text.h"
#include "stdlib/utf8.h"

namespace {

void Require(bool condition) {
  if (!condition) std::abort();
}

bool IsValid(std::string_view text) {
  return weft::utf8::FindInvalid(text) == std::string_view::npos;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace weft::text;
  std::string_view text(reinterpret_cast<const char*>(data), size);
  if (!IsValid(text)) return 0;
  int64_t length = CodePointCount(text);

  std::string_view trimmed = Trim(text);
  Require(text.find(trimmed) != std::string_view::npos);
  Require(Trim(trimmed) == trimmed);

  // The first byte picks the start, which may lie before the text or past its end.
  int64_t start = size > 0 ? static_cast<int8_t>(data[0]) : 0;
  std::string_view part = Substring(text, start, length / 2 + 1);
  Require(CodePointCount(part) <= length / 2 + 1);
  Require(IsValid(part));

  std::string padded = Pad(text, length + 3, "\xC2\xB7", true);
  Require(CodePointCount(padded) == length + 3);
  Require(Replace(text, "a", "a") == text);
  std::string digits = DigitsOnly(text);
  Require(digits.find_first_not_of("0123456789") == std::string::npos);

  for (const std::string& result : {Upper(text), Lower(text), Title(text), AsciiFold(text)}) {
    Require(IsValid(result));
  }
  for (NormalForm form : {NormalForm::NFC, NormalForm::NFD, NormalForm::NFKC, NormalForm::NFKD}) {
    std::string normal = Normalize(text, form);
    Require(IsValid(normal));
    // Normalization is idempotent (UAX #15).
    Require(Normalize(normal, form) == normal);
  }
  return 0;
}
