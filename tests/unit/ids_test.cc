// Edge cases of the id and privacy builtins. The expected digests and UUIDs were computed with
// Python's hashlib and uuid modules, an implementation independent of LLVM's.
#include <gtest/gtest.h>

#include "stdlib/ids.h"

namespace weft::ids {
namespace {

TEST(HashHexTest, HashesUtf8Bytes) {
  EXPECT_EQ(HashHex("Müller", HashAlgorithm::Sha256),
            "a78429899bb825ce667d25d92e2cde488f8a7d6871bb2be7365601cad6b0a8f2");
  EXPECT_EQ(HashHex("", HashAlgorithm::Sha1), "da39a3ee5e6b4b0d3255bfef95601890afd80709");
}

TEST(UuidV5Test, UrlNamespace) {
  EXPECT_EQ(UuidV5("6ba7b811-9dad-11d1-80b4-00c04fd430c8", "https://example.com/customers/C-1001"),
            "3616eb3b-5c2c-544d-bfd4-f67254b8e9ed");
}

TEST(UuidV5Test, UpperCaseNamespace) {
  EXPECT_EQ(UuidV5("6BA7B810-9DAD-11D1-80B4-00C04FD430C8", "python.org"),
            "886313e1-3b8a-5372-9b90-0c9aee199e5d");
}

TEST(UuidV5Test, RejectsMalformedNamespaces) {
  EXPECT_FALSE(UuidV5("", "x"));
  EXPECT_FALSE(UuidV5("6ba7b810-9dad-11d1-80b4-00c04fd430c", "x"));
  EXPECT_FALSE(UuidV5("6ba7b810x9dad-11d1-80b4-00c04fd430c8", "x"));
  EXPECT_FALSE(UuidV5("6ba7b810-9dad-11d1-80b4-00c04fd430cg", "x"));
}

TEST(MaskTest, KeepsLastCodePoints) {
  EXPECT_EQ(Mask("4111111111111111", 4), "************1111");
  EXPECT_EQ(Mask("Müller", 2), "****er");
  EXPECT_EQ(Mask("Zoë", 1), "**ë");
}

TEST(MaskTest, MasksShortValuesWhole) {
  EXPECT_EQ(Mask("1234", 4), "****");
  EXPECT_EQ(Mask("12", 4), "**");
  EXPECT_EQ(Mask("", 4), "");
  EXPECT_EQ(Mask("abc", 0), "***");
}

}  // namespace
}  // namespace weft::ids
