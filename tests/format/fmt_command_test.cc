// `weft fmt --check` and `weft fmt -w` on files in a scratch folder.
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>
#include <string>

#include "tests/support/project_files.h"

namespace {

namespace fs = std::filesystem;
using weft::testing::ReadText;

constexpr std::string_view kFormatted = "fn f(a: int) -> int = a + 1\n";
constexpr std::string_view kUnformatted = "fn f( a:int )->int=a+1\n";
constexpr std::string_view kBroken = "fn f( -> int\n";

struct Result {
  int exit_code = 0;
  std::string out;
  std::string err;
};

void WriteText(const fs::path& path, std::string_view text) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << text;
}

class FmtCommandTest : public testing::Test {
 protected:
  void SetUp() override {
    scratch_ =
        fs::temp_directory_path() / ("weft-fmt-test-" + std::to_string(::getpid()) + "-" +
                                     testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(scratch_);
    fs::create_directories(scratch_);
  }
  void TearDown() override { fs::remove_all(scratch_); }

  // Runs `weft fmt` with `args` in the scratch folder.
  Result Fmt(const std::string& args) {
    std::string command = "cd '" + scratch_.string() + "' && '" WEFT_BINARY "' fmt " + args +
                          " >stdout.txt 2>stderr.txt";
    int status = std::system(command.c_str());
    Result result;
    result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    result.out = ReadText(scratch_ / "stdout.txt");
    result.err = ReadText(scratch_ / "stderr.txt");
    fs::remove(scratch_ / "stdout.txt");
    fs::remove(scratch_ / "stderr.txt");
    return result;
  }

  // The names of the files in the scratch folder, sorted.
  std::string Listing() const {
    std::set<std::string> names;
    for (const auto& entry : fs::directory_iterator(scratch_)) {
      names.insert(entry.path().filename().string());
    }
    std::string listing;
    for (const std::string& name : names) listing += name + "\n";
    return listing;
  }

  fs::path scratch_;
};

TEST_F(FmtCommandTest, PrintsFormattedTextAndLeavesFile) {
  WriteText(scratch_ / "a.map", kUnformatted);
  Result result = Fmt("a.map");
  EXPECT_EQ(result.exit_code, 0);
  EXPECT_EQ(result.out, kFormatted);
  EXPECT_EQ(result.err, "");
  EXPECT_EQ(ReadText(scratch_ / "a.map"), kUnformatted);
}

TEST_F(FmtCommandTest, CheckNamesOnlyUnformattedFiles) {
  WriteText(scratch_ / "good.map", kFormatted);
  WriteText(scratch_ / "bad.map", kUnformatted);
  Result result = Fmt("--check good.map bad.map");
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_EQ(result.out, "bad.map\n");
  EXPECT_EQ(result.err, "");
  EXPECT_EQ(ReadText(scratch_ / "bad.map"), kUnformatted);
}

TEST_F(FmtCommandTest, CheckPassesFormattedFiles) {
  WriteText(scratch_ / "good.map", kFormatted);
  Result result = Fmt("--check good.map");
  EXPECT_EQ(result.exit_code, 0);
  EXPECT_EQ(result.out, "");
}

TEST_F(FmtCommandTest, WriteRewritesInPlaceKeepingPermissions) {
  WriteText(scratch_ / "a.map", kUnformatted);
  fs::permissions(scratch_ / "a.map",
                  fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read);
  Result result = Fmt("-w a.map");
  EXPECT_EQ(result.exit_code, 0);
  EXPECT_EQ(result.out, "");
  EXPECT_EQ(ReadText(scratch_ / "a.map"), kFormatted);
  EXPECT_EQ(fs::status(scratch_ / "a.map").permissions(),
            fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read);
  EXPECT_EQ(Listing(), "a.map\n") << "a temporary file was left behind";
}

TEST_F(FmtCommandTest, WriteLeavesFormattedFileUntouched) {
  WriteText(scratch_ / "a.map", kFormatted);
  fs::file_time_type before = fs::last_write_time(scratch_ / "a.map");
  Result result = Fmt("-w a.map");
  EXPECT_EQ(result.exit_code, 0);
  EXPECT_EQ(fs::last_write_time(scratch_ / "a.map"), before);
}

TEST_F(FmtCommandTest, WriteFollowsSymbolicLink) {
  WriteText(scratch_ / "a.map", kUnformatted);
  fs::create_symlink("a.map", scratch_ / "link.map");
  Result result = Fmt("-w link.map");
  EXPECT_EQ(result.exit_code, 0);
  EXPECT_TRUE(fs::is_symlink(scratch_ / "link.map"));
  EXPECT_EQ(ReadText(scratch_ / "a.map"), kFormatted);
}

TEST_F(FmtCommandTest, FullOutputExitsOne) {
  WriteText(scratch_ / "a.map", kUnformatted);
  std::string command = "cd '" + scratch_.string() + "' && '" WEFT_BINARY
                        "' fmt a.map >/dev/full 2>/dev/null";
  int status = std::system(command.c_str());
  EXPECT_TRUE(WIFEXITED(status));
  EXPECT_EQ(WEXITSTATUS(status), 1);
}

TEST_F(FmtCommandTest, WriteFailureKeepsFile) {
  WriteText(scratch_ / "a.map", kUnformatted);
  fs::permissions(scratch_, fs::perms::owner_read | fs::perms::owner_exec);
  Result result = Fmt("-w a.map");
  fs::permissions(scratch_, fs::perms::owner_all);
  if (::geteuid() == 0) GTEST_SKIP() << "root may write to a read-only folder";
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_NE(result.err.find("weft fmt: cannot write `a.map`"), std::string::npos) << result.err;
  EXPECT_EQ(ReadText(scratch_ / "a.map"), kUnformatted);
}

TEST_F(FmtCommandTest, SyntaxErrorsAreReportedAndFileKept) {
  WriteText(scratch_ / "broken.map", kBroken);
  WriteText(scratch_ / "bad.map", kUnformatted);
  Result result = Fmt("-w broken.map bad.map");
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_EQ(result.out, "");
  EXPECT_NE(result.err.find("broken.map:1:"), std::string::npos) << result.err;
  EXPECT_NE(result.err.find("[SyntaxError]"), std::string::npos) << result.err;
  EXPECT_EQ(ReadText(scratch_ / "broken.map"), kBroken);
  EXPECT_EQ(ReadText(scratch_ / "bad.map"), kFormatted) << "the other file is still formatted";
}

TEST_F(FmtCommandTest, UnreadableFileExitsTwo) {
  Result result = Fmt("--check missing.map");
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_EQ(result.out, "");
  EXPECT_NE(result.err.find("cannot read `missing.map`"), std::string::npos) << result.err;
}

TEST_F(FmtCommandTest, CheckAndWriteTogetherAreRejected) {
  WriteText(scratch_ / "a.map", kUnformatted);
  Result result = Fmt("--check -w a.map");
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_EQ(ReadText(scratch_ / "a.map"), kUnformatted);
}

}  // namespace
