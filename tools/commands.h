#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "compiler/frontend.h"
#include "runtime/context.h"
#include "runtime/json_check.h"

namespace CLI {
class App;
}

namespace weft::tools {

// Exit codes of the `weft` command.
constexpr int kExitOk = 0;
// The .map files have errors, or an input could not be processed.
constexpr int kExitFailure = 1;
// The command line is wrong (an unknown rule, a missing option) or a named file cannot be read.
constexpr int kExitUsage = 2;

struct CheckOptions {
  std::vector<std::string> files;
  FrontendOptions frontend;
  std::string format = "text";
  bool warnings_as_errors = false;
  bool dump_ast = false;
  bool dump_schemas = false;
  bool dump_ir = false;
  bool dump_llvm = false;
};

struct RunOptions {
  std::vector<std::string> files;
  FrontendOptions frontend;
  std::string rule;
  std::string in;
  std::string out;
  std::string rejects;
  std::string input_format = "auto";
  std::string output_format = "auto";
  std::string csv_delimiter = ",";
  bool csv_lf = false;
  int threads = 0;
  size_t max_record_bytes = 64 << 20;
  int max_input_depth = runtime::kDefaultMaxInputDepth;
  size_t max_string_bytes = runtime::kDefaultMaxStringBytes;
  // The directory of cached compiled rules; empty means the default directory.
  std::string cache_dir;
  bool no_cache = false;
  bool verbose = false;
};

struct FmtOptions {
  std::vector<std::string> files;
  // Print the names of the files that are not formatted instead of their formatted text.
  bool check = false;
  // Rewrite the files that are not formatted in place.
  bool write = false;
};

struct ExplainOptions {
  std::vector<std::string> files;
  FrontendOptions frontend;
  std::string rule;
  bool dump_ast = false;
  bool dump_ir = false;
  bool dump_llvm = false;
};

struct DocOptions {
  std::vector<std::string> files;
  FrontendOptions frontend;
  // "auto", "markdown" or "html".
  std::string format = "auto";
  // The output file; empty or "-" for stdout.
  std::string out;
};

struct TestOptions {
  std::vector<std::string> files;
  FrontendOptions frontend;
  // A regex; only tests whose names it matches somewhere run.
  std::string filter;
  // The path of a JUnit XML report to write; empty for none.
  std::string junit;
  // List the rule branches no test exercises.
  bool coverage = false;
  // Exit 1 when fewer than this percentage of rule branches are exercised.
  double min_coverage = 0;
  std::string cache_dir;
  bool no_cache = false;
};

int RunCheck(const CheckOptions& options);
// Runs the `test` blocks; exit 0 when all pass, 1 when one fails, 2 on usage or compile errors.
int RunTest(const TestOptions& options);
int RunFmt(const FmtOptions& options);
// Applies one rule to the input. Outside sanitizer builds, a run that reaches its input ends the
// process itself, without cleanup, as ExitWithoutCleanup in run_command.cc explains.
int RunRun(const RunOptions& options);

// Flushes standard output and returns the exit code of a command that returned `code`: 1 when a
// command that succeeded lost its output, as on a full disk.
int FlushStandardOutput(int code);

// Registers `weft explain` and its options on `app`.
CLI::App* AddExplainCommand(CLI::App& app, ExplainOptions& options);
// Prints the requested stages of one rule, or all three without a dump flag.
int RunExplain(ExplainOptions options);

// Registers `weft doc` and its options on `app`.
CLI::App* AddDocCommand(CLI::App& app, DocOptions& options);
// Writes the data-mapping document of the rules in the given files.
int RunDoc(const DocOptions& options);

}  // namespace weft::tools
