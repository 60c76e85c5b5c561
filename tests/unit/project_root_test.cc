// Tests of ResolveInRoot on a scratch project: which paths a .map file may name, and the
// diagnostic for the others.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "compiler/diagnostics/project_root.h"

namespace weft {
namespace {

namespace fs = std::filesystem;

// A scratch directory with `project/rules.map`, `project/data/codes.csv`, `outside.csv` and links
// from the project to both files.
class ProjectRootTest : public ::testing::Test {
 protected:
  void SetUp() override {
    base_ = fs::temp_directory_path() / ("weft-root-" + std::to_string(::getpid()));
    fs::create_directories(base_ / "project" / "data");
    std::ofstream(base_ / "project" / "data" / "codes.csv") << "k,v\n";
    std::ofstream(base_ / "outside.csv") << "k,v\n";
    fs::create_symlink(base_ / "outside.csv", base_ / "project" / "link_out.csv");
    fs::create_symlink(base_ / "project" / "data" / "codes.csv", base_ / "project" / "link_in.csv");
    sources_.set_root(CanonicalRoot((base_ / "project").string()));
    file_ = sources_.Add((base_ / "project" / "rules.map").string(), "");
  }

  void TearDown() override { fs::remove_all(base_); }

  std::optional<std::string> Resolve(const std::string& path) {
    return ResolveInRoot(diagnostics_, {file_, 0, 1}, path);
  }

  fs::path base_;
  SourceManager sources_;
  DiagnosticEngine diagnostics_{sources_};
  FileId file_ = 0;
};

TEST_F(ProjectRootTest, RelativePathInsideIsResolved) {
  std::optional<std::string> path = Resolve("data/codes.csv");
  ASSERT_TRUE(path.has_value());
  EXPECT_EQ(fs::path(*path), base_ / "project" / "data" / "codes.csv");
  EXPECT_FALSE(diagnostics_.HasErrors());
}

TEST_F(ProjectRootTest, PathThatLeavesAndReturnsIsInside) {
  EXPECT_TRUE(Resolve("../project/data/codes.csv").has_value());
  EXPECT_FALSE(diagnostics_.HasErrors());
}

TEST_F(ProjectRootTest, AbsolutePathInsideIsResolved) {
  EXPECT_TRUE(Resolve((base_ / "project" / "data" / "codes.csv").string()).has_value());
  EXPECT_FALSE(diagnostics_.HasErrors());
}

TEST_F(ProjectRootTest, LinkWithTargetInsideIsResolved) {
  EXPECT_TRUE(Resolve("link_in.csv").has_value());
  EXPECT_FALSE(diagnostics_.HasErrors());
}

TEST_F(ProjectRootTest, DotDotEscapeIsRejected) {
  EXPECT_FALSE(Resolve("../outside.csv").has_value());
  ASSERT_EQ(diagnostics_.diagnostics().size(), 1u);
  EXPECT_EQ(diagnostics_.diagnostics()[0].kind, DiagnosticKind::PathOutsideRoot);
}

TEST_F(ProjectRootTest, AbsolutePathOutsideIsRejected) {
  EXPECT_FALSE(Resolve((base_ / "outside.csv").string()).has_value());
  EXPECT_FALSE(Resolve("/etc/passwd").has_value());
  EXPECT_EQ(diagnostics_.error_count(), 2u);
}

TEST_F(ProjectRootTest, LinkWithTargetOutsideIsRejected) {
  EXPECT_FALSE(Resolve("link_out.csv").has_value());
  ASSERT_EQ(diagnostics_.diagnostics().size(), 1u);
  EXPECT_NE(diagnostics_.diagnostics()[0].message.find("resolves to"), std::string::npos)
      << diagnostics_.diagnostics()[0].message;
}

TEST_F(ProjectRootTest, SiblingWithRootAsPrefixIsRejected) {
  fs::create_directories(base_ / "project-other");
  std::ofstream(base_ / "project-other" / "codes.csv") << "k,v\n";
  EXPECT_FALSE(Resolve("../project-other/codes.csv").has_value());
}

TEST_F(ProjectRootTest, MissingFileOutsideIsRejectedBeforeReading) {
  EXPECT_FALSE(Resolve("../no/such/file.csv").has_value());
  EXPECT_EQ(diagnostics_.diagnostics()[0].kind, DiagnosticKind::PathOutsideRoot);
}

}  // namespace
}  // namespace weft
