// Runs the `weft` command on every .map file under tests/golden and compares its output with the
// expectations written at the end of the file:
//
//   // ARGS: run %s --rule Customer --in %input --out - --rejects -   (default: check %s)
//   // INPUT: {"Name": "Acme"}                                       (lines of %input)
//   // EXIT: 2                                                       (exact exit code)
//   // CHECK:STDOUT: ...                                             (expected stdout lines)
//   // CHECK:STDERR: ...                                             (expected stderr lines)
//
// A file whose name starts with `fail_` must make the command exit non-zero; any other must
// make it exit zero. `// EXIT:` pins the exact code, for the tests of the exit codes. With
// WEFT_AUTOUPDATE=1 the runner rewrites the CHECK lines from the actual output instead of comparing
// (`make autoupdate`).
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "compiler/diagnostics/diagnostics.h"

namespace {

namespace fs = std::filesystem;

constexpr std::string_view kArgs = "// ARGS:";
constexpr std::string_view kInput = "// INPUT:";
constexpr std::string_view kExit = "// EXIT:";
constexpr std::string_view kStdout = "// CHECK:STDOUT:";
constexpr std::string_view kStderr = "// CHECK:STDERR:";

struct GoldenFile {
  std::vector<std::string> code;  // every line that is not an expectation
  std::string args = "check %s";
  std::vector<std::string> input;
  std::optional<int> exit_code;
  std::vector<std::string> stdout_lines;
  std::vector<std::string> stderr_lines;
};

std::string ReadText(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

std::vector<std::string> SplitLines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

// Returns the text after `prefix` and one optional space, or nullopt when `line` lacks it.
std::optional<std::string> After(const std::string& line, std::string_view prefix) {
  if (!line.starts_with(prefix)) return std::nullopt;
  std::string rest = line.substr(prefix.size());
  if (!rest.empty() && rest.front() == ' ') rest.erase(0, 1);
  return rest;
}

GoldenFile ParseGolden(const fs::path& path) {
  GoldenFile golden;
  for (const std::string& line : SplitLines(ReadText(path))) {
    if (auto args = After(line, kArgs)) {
      golden.args = *args;
      golden.code.push_back(line);
    } else if (auto input = After(line, kInput)) {
      golden.input.push_back(*input);
      golden.code.push_back(line);
    } else if (auto exit_code = After(line, kExit)) {
      golden.exit_code = std::stoi(*exit_code);
      golden.code.push_back(line);
    } else if (auto out = After(line, kStdout)) {
      golden.stdout_lines.push_back(*out);
    } else if (auto err = After(line, kStderr)) {
      golden.stderr_lines.push_back(*err);
    } else {
      golden.code.push_back(line);
    }
  }
  while (!golden.code.empty() && golden.code.back().empty()) golden.code.pop_back();
  return golden;
}

std::string Replace(std::string text, std::string_view from, const std::string& to) {
  for (size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size())) {
    text.replace(at, from.size(), to);
  }
  return text;
}

struct Result {
  int exit_code = 0;
  std::vector<std::string> stdout_lines;
  std::vector<std::string> stderr_lines;
};

Result RunWeft(const fs::path& path, const GoldenFile& golden) {
  fs::path scratch = fs::temp_directory_path() / ("weft-golden-" + std::to_string(::getpid()));
  fs::create_directories(scratch);
  fs::path input = scratch / (path.stem().string() + ".input");
  {
    std::ofstream out(input, std::ios::binary);
    for (const std::string& line : golden.input) out << line << '\n';
  }
  fs::path out_file = scratch / "stdout", err_file = scratch / "stderr";

  // %s is the file name alone, run from its folder, so that messages do not depend on where
  // the repository is checked out.
  std::string args =
      Replace(Replace(golden.args, "%input", input.string()), "%s", path.filename().string());
  std::string command = "cd '" + path.parent_path().string() + "' && '" WEFT_BINARY "' " + args +
                        " >'" + out_file.string() + "' 2>'" + err_file.string() + "'";
  int status = std::system(command.c_str());

  Result result;
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  result.stdout_lines = SplitLines(Replace(ReadText(out_file), input.string(), "%input"));
  result.stderr_lines = SplitLines(Replace(ReadText(err_file), input.string(), "%input"));
  // The speed in the summary of `weft run` differs from run to run.
  static const std::regex kSpeed("\\([0-9]+ records/s\\)");
  for (std::string& line : result.stderr_lines)
    line = std::regex_replace(line, kSpeed, "(N records/s)");
  fs::remove_all(scratch);
  return result;
}

void Autoupdate(const fs::path& path, const GoldenFile& golden, const Result& result) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  for (const std::string& line : golden.code) out << line << '\n';
  out << '\n';
  auto write = [&](std::string_view prefix, const std::string& line) {
    out << prefix << (line.empty() ? "" : " ") << line << '\n';
  };
  for (const std::string& line : result.stdout_lines) write(kStdout, line);
  for (const std::string& line : result.stderr_lines) write(kStderr, line);
}

// All golden files, or only the one named by WEFT_GOLDEN_FILE, which is how CTest runs each
// file as a test of its own.
std::vector<fs::path> GoldenFiles() {
  if (const char* only = std::getenv("WEFT_GOLDEN_FILE")) return {fs::path(only)};
  std::vector<fs::path> files;
  for (const auto& entry : fs::recursive_directory_iterator(GOLDEN_DIR)) {
    if (entry.path().extension() == ".map") files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

class GoldenTest : public testing::TestWithParam<fs::path> {};

TEST_P(GoldenTest, OutputMatches) {
  const fs::path& path = GetParam();
  ASSERT_TRUE(fs::is_regular_file(path)) << path << " is not a golden file";
  GoldenFile golden = ParseGolden(path);
  Result result = RunWeft(path, golden);

  const char* autoupdate = std::getenv("WEFT_AUTOUPDATE");
  if (autoupdate != nullptr && std::string(autoupdate) == "1") {
    Autoupdate(path, golden, result);
    return;
  }
  bool must_fail = path.filename().string().starts_with("fail_");
  EXPECT_EQ(result.exit_code != 0, must_fail)
      << "exit code " << result.exit_code << "; files named fail_* must fail";
  if (golden.exit_code) {
    EXPECT_EQ(result.exit_code, *golden.exit_code) << "exit code differs from `// EXIT:`";
  }
  EXPECT_EQ(result.stdout_lines, golden.stdout_lines)
      << "stdout differs; run `make autoupdate` if the change is intended";
  EXPECT_EQ(result.stderr_lines, golden.stderr_lines)
      << "stderr differs; run `make autoupdate` if the change is intended";
}

std::string TestName(const testing::TestParamInfo<fs::path>& info) {
  std::string name = fs::relative(info.param, GOLDEN_DIR).replace_extension().string();
  std::replace_if(
      name.begin(), name.end(), [](char c) { return !std::isalnum(static_cast<unsigned char>(c)); },
      '_');
  return name;
}

INSTANTIATE_TEST_SUITE_P(Golden, GoldenTest, testing::ValuesIn(GoldenFiles()), TestName);

// Every diagnostic kind in the registry must appear in some golden file's expected output.
TEST(GoldenCoverage, EveryDiagnosticKindIsExercised) {
  if (std::getenv("WEFT_GOLDEN_FILE") != nullptr) GTEST_SKIP() << "runs over all golden files only";
  std::set<std::string> seen;
  for (const fs::path& path : GoldenFiles()) {
    for (const std::string& line : ParseGolden(path).stderr_lines) {
      size_t open = line.rfind('[');
      size_t close = line.rfind(']');
      if (open != std::string::npos && close == line.size() - 1)
        seen.insert(line.substr(open + 1, close - open - 1));
    }
  }
  for (weft::DiagnosticKind kind : weft::AllDiagnosticKinds()) {
    std::string name(weft::InfoOf(kind).name);
    EXPECT_TRUE(seen.count(name) > 0) << "no golden test expects a [" << name << "] diagnostic";
  }
}

}  // namespace
