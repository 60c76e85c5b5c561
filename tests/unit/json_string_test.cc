// The JSON string writer copies runs without escapes eight bytes at a time, so every escape is
// tested at each position of an eight-byte word.
#include <gtest/gtest.h>

#include <string>

#include "stdlib/utf8.h"

namespace weft::utf8 {
namespace {

std::string Json(std::string_view text) {
  std::string out;
  AppendJsonString(text, out);
  return out;
}

TEST(JsonString, EscapesAtEveryPositionOfAWord) {
  const std::pair<char, std::string> cases[] = {
      {'"', "\\\""}, {'\\', "\\\\"}, {'\n', "\\n"},     {'\r', "\\r"},
      {'\t', "\\t"}, {'\0', "\\u0000"}, {'\x1f', "\\u001f"}};
  for (const auto& [raw, escaped] : cases) {
    for (size_t at = 0; at < 20; ++at) {
      std::string text(20, 'a');
      text[at] = raw;
      std::string expected = "\"" + std::string(at, 'a') + escaped + std::string(19 - at, 'a') + "\"";
      EXPECT_EQ(Json(text), expected) << "escape at " << at;
    }
  }
}

TEST(JsonString, KeepsMultibyteCharactersAndSpaces) {
  EXPECT_EQ(Json("Müller \xF0\x9F\x98\x80 ~\x7f"), "\"Müller \xF0\x9F\x98\x80 ~\x7f\"");
  EXPECT_EQ(Json(""), "\"\"");
  EXPECT_EQ(Json(std::string(17, ' ')), "\"" + std::string(17, ' ') + "\"");
}

}  // namespace
}  // namespace weft::utf8
