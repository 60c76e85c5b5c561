// Tests of SHA-1 and SHA-256 against the test vectors of FIPS 180-2: "abc", the 448-bit message
// and a million times "a".
#include "stdlib/digest.h"

#include <gtest/gtest.h>

#include <string>

namespace weft::digest {
namespace {

TEST(DigestTest, Sha256MatchesTestVectors) {
  EXPECT_EQ(Hex(Sha256::Hash("")),
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  EXPECT_EQ(Hex(Sha256::Hash("abc")),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_EQ(Hex(Sha256::Hash("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")),
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
  EXPECT_EQ(Hex(Sha256::Hash(std::string(1000000, 'a'))),
            "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

TEST(DigestTest, Sha1MatchesTestVectors) {
  EXPECT_EQ(Hex(Sha1::Hash("")), "da39a3ee5e6b4b0d3255bfef95601890afd80709");
  EXPECT_EQ(Hex(Sha1::Hash("abc")), "a9993e364706816aba3e25717850c26c9cd0d89d");
  EXPECT_EQ(Hex(Sha1::Hash("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")),
            "84983e441c3bd26ebaae4aa1f95129e5e54670f1");
  EXPECT_EQ(Hex(Sha1::Hash(std::string(1000000, 'a'))), "34aa973cd4c4daa4f61eeb2bdbad27316534016f");
}

// Inputs of every length around the 64-byte block, fed in two parts split at every point, give
// the digest of the whole input.
TEST(DigestTest, SplitUpdatesGiveTheSameDigest) {
  for (size_t size = 0; size <= 130; ++size) {
    std::string text(size, 'x');
    for (size_t i = 0; i < size; ++i) text[i] = static_cast<char>('a' + i % 26);
    for (size_t split = 0; split <= size; split += 7) {
      Sha256 sha256;
      sha256.Update(std::string_view(text).substr(0, split));
      sha256.Update(std::string_view(text).substr(split));
      EXPECT_EQ(Hex(sha256.Final()), Hex(Sha256::Hash(text))) << size << " " << split;
      Sha1 sha1;
      sha1.Update(std::string_view(text).substr(0, split));
      sha1.Update(std::string_view(text).substr(split));
      EXPECT_EQ(Hex(sha1.Final()), Hex(Sha1::Hash(text))) << size << " " << split;
    }
  }
}

}  // namespace
}  // namespace weft::digest
