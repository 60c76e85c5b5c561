// Tests of the parts of the rule cache that need no LLVM: the default cache directory.
#include "compiler/native/cache_files.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <map>
#include <optional>

namespace weft::native {
namespace {

// Sets the variables that choose the default cache directory, and restores them after the test.
class DefaultCacheDirectoryTest : public ::testing::Test {
 protected:
  void SetUp() override {
    for (const char* name : {"WEFT_CACHE_DIR", "XDG_CACHE_HOME", "HOME"}) {
      const char* value = std::getenv(name);
      saved_[name] = value != nullptr ? std::optional<std::string>(value) : std::nullopt;
    }
  }
  void TearDown() override {
    for (const auto& [name, value] : saved_) Set(name.c_str(), value ? value->c_str() : nullptr);
  }

  // Sets `name` to `value`, or unsets it when `value` is null.
  static void Set(const char* name, const char* value) {
    if (value != nullptr) {
      ::setenv(name, value, 1);
    } else {
      ::unsetenv(name);
    }
  }

  std::map<std::string, std::optional<std::string>> saved_;
};

struct DirectoryCase {
  const char* weft_cache_dir;
  const char* xdg_cache_home;
  const char* home;
  const char* expected;
};

TEST_F(DefaultCacheDirectoryTest, TakesTheFirstUsableChoice) {
  const DirectoryCase cases[] = {
      {"/w", "/x", "/h", "/w"},
      {nullptr, "/x", "/h", "/x/weft"},
      {nullptr, nullptr, "/h", "/h/.cache/weft"},
      // An explicit directory may be relative to the current one.
      {"w", nullptr, "/h", "w"},
      {nullptr, nullptr, nullptr, ""},
  };
  for (const DirectoryCase& test : cases) {
    Set("WEFT_CACHE_DIR", test.weft_cache_dir);
    Set("XDG_CACHE_HOME", test.xdg_cache_home);
    Set("HOME", test.home);
    EXPECT_EQ(DefaultCacheDirectory(), test.expected)
        << "WEFT_CACHE_DIR=" << (test.weft_cache_dir ? test.weft_cache_dir : "(unset)")
        << " XDG_CACHE_HOME=" << (test.xdg_cache_home ? test.xdg_cache_home : "(unset)")
        << " HOME=" << (test.home ? test.home : "(unset)");
  }
}

TEST_F(DefaultCacheDirectoryTest, EmptyWeftCacheDirIsUnset) {
  Set("WEFT_CACHE_DIR", "");
  Set("XDG_CACHE_HOME", "/x");
  EXPECT_EQ(DefaultCacheDirectory(), "/x/weft");

  Set("XDG_CACHE_HOME", nullptr);
  Set("HOME", "/h");
  EXPECT_EQ(DefaultCacheDirectory(), "/h/.cache/weft");
}

TEST_F(DefaultCacheDirectoryTest, EmptyXdgCacheHomeIsUnset) {
  Set("WEFT_CACHE_DIR", nullptr);
  Set("XDG_CACHE_HOME", "");
  Set("HOME", "/h");
  EXPECT_EQ(DefaultCacheDirectory(), "/h/.cache/weft");
}

// The XDG Base Directory Specification requires absolute paths in its variables, and
// implementations ignore a relative one.
TEST_F(DefaultCacheDirectoryTest, RelativeXdgCacheHomeIsIgnored) {
  Set("WEFT_CACHE_DIR", nullptr);
  Set("XDG_CACHE_HOME", "relative/cache");
  Set("HOME", "/h");
  EXPECT_EQ(DefaultCacheDirectory(), "/h/.cache/weft");
}

TEST_F(DefaultCacheDirectoryTest, NothingUsableGivesNoDirectory) {
  Set("WEFT_CACHE_DIR", "");
  Set("XDG_CACHE_HOME", "");
  Set("HOME", "");
  EXPECT_EQ(DefaultCacheDirectory(), "");
}

}  // namespace
}  // namespace weft::native
