#include <fmt/format.h>
#include <llvm/Support/Error.h>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "compiler/codegen/jit.h"
#include "compiler/frontend.h"
#include "compiler/ir/ir.h"
#include "compiler/ir/support.h"
#include "runtime/executor.h"
#include "tools/commands.h"
#include "tools/report.h"

namespace weft::tools {
namespace {

bool ReadInput(const std::string& path, std::string& text) {
  if (path == "-") {
    std::ostringstream buffer;
    buffer << std::cin.rdbuf();
    text = buffer.str();
    return true;
  }
  std::error_code status_error;
  if (std::filesystem::is_directory(path, status_error)) {
    std::cerr << fmt::format("weft run: cannot read input `{}`: it is a directory\n", path);
    return false;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    std::cerr << fmt::format("weft run: cannot read input `{}`: {}\n", path, std::strerror(errno));
    return false;
  }
  std::ostringstream buffer;
  buffer << in.rdbuf();
  text = buffer.str();
  return true;
}

// Opens an output file, or returns `standard` for "-".
std::ostream* OpenOutput(const std::string& path, std::ostream& standard, std::ofstream& file) {
  if (path == "-") return &standard;
  file.open(path, std::ios::binary | std::ios::trunc);
  if (!file) {
    std::cerr << fmt::format("weft run: cannot write `{}`: {}\n", path, std::strerror(errno));
    return nullptr;
  }
  return &file;
}

const check::CheckedRule* FindRule(const Frontend& frontend, const RunOptions& options) {
  const check::CheckedRule* rule = frontend.program.FindRule(options.rule);
  if (rule != nullptr) return rule;
  std::string names;
  for (const std::string& name : frontend.program.RuleNames())
    names += (names.empty() ? "" : ", ") + name;
  std::cerr << fmt::format("weft run: no rule named `{}` in the given files; {}\n", options.rule,
                           names.empty() ? "they declare no rules" : "the rules are: " + names);
  return nullptr;
}

// Returns true when two paths name the same existing or future file.
bool SameFile(const std::string& a, const std::string& b) {
  if (a == "-" || b == "-") return false;
  std::error_code error;
  // Devices such as /dev/null may take both outputs.
  auto is_device = [&](const std::string& path) {
    std::filesystem::file_status status = std::filesystem::status(path, error);
    return std::filesystem::exists(status) && !std::filesystem::is_regular_file(status);
  };
  if (is_device(a) && is_device(b)) return false;
  if (std::filesystem::equivalent(a, b, error)) return true;
  // Files that do not exist yet are compared by their absolute, normalized paths. A path without
  // an absolute form, such as the empty one, fails to open later and is compared as written.
  auto normalized = [&](const std::string& path) {
    std::filesystem::path absolute = std::filesystem::absolute(path, error);
    if (error) return std::filesystem::path(path);
    std::filesystem::path canonical = std::filesystem::weakly_canonical(absolute, error);
    return error ? absolute : canonical;
  };
  return normalized(a) == normalized(b);
}

// Rejects command lines whose files would overwrite each other.
bool CheckDistinctFiles(const RunOptions& options) {
  const char* clash = SameFile(options.out, options.rejects)  ? "--out and --rejects"
                      : SameFile(options.in, options.out)     ? "--in and --out"
                      : SameFile(options.in, options.rejects) ? "--in and --rejects"
                                                              : nullptr;
  if (clash == nullptr) return true;
  std::cerr << fmt::format("weft run: {} name the same file; give each its own path\n", clash);
  return false;
}

// Writes one progress line to stderr when --verbose is set.
class Log {
 public:
  explicit Log(bool verbose) : verbose_(verbose), start_(std::chrono::steady_clock::now()) {}

  void Step(const std::string& message) {
    if (!verbose_) return;
    auto elapsed = std::chrono::duration_cast<std::chrono::milliseconds>(
        std::chrono::steady_clock::now() - start_);
    std::cerr << fmt::format("weft run: [{} ms] {}\n", elapsed.count(), message);
  }

 private:
  bool verbose_;
  std::chrono::steady_clock::time_point start_;
};

// Compiles `rule` with a new JIT that the caller keeps alive while the functions run.
bool CompileRule(const Frontend& frontend, const check::CheckedRule& rule,
                 std::unique_ptr<codegen::Jit>& jit, runtime::CompiledRule& compiled) {
  auto created = codegen::Jit::Create();
  if (!created) {
    std::cerr << "weft run: cannot start the JIT: " << llvm::toString(created.takeError()) << '\n';
    return false;
  }
  jit = std::move(*created);
  try {
    auto result = jit->CompileForRun(frontend.program, rule);
    if (!result) {
      std::cerr << "weft run: cannot compile rule `" << rule.name
                << "`: " << llvm::toString(result.takeError()) << '\n';
      return false;
    }
    compiled = std::move(*result);
    return true;
  } catch (const std::logic_error& error) {
    // A broken invariant in the compiler; the rule cannot run, but the command ends cleanly.
    std::cerr << "weft run: internal compiler error in rule `" << rule.name << "`: " << error.what()
              << "\nPlease report this with the .map file.\n";
    return false;
  }
}

bool LoadInput(const RunOptions& options, runtime::SplitInput& input) {
  std::string text;
  if (!ReadInput(options.in, text)) return false;
  runtime::InputFormat format = options.input_format == "ndjson" ? runtime::InputFormat::Ndjson
                                : options.input_format == "json" ? runtime::InputFormat::Json
                                                                 : runtime::InputFormat::Auto;
  std::string error;
  if (runtime::Split(text, format, input, error)) return true;
  std::cerr << fmt::format("weft run: {}: {}\n", options.in, error);
  return false;
}

}  // namespace

int RunRun(const RunOptions& options) {
  Log log(options.verbose);
  if (!CheckDistinctFiles(options)) return kExitUsage;
  std::unique_ptr<Frontend> frontend = LoadAndCheck(options.files);
  const check::CheckedRule* rule = nullptr;
  if (!frontend->diagnostics.HasErrors()) {
    rule = FindRule(*frontend, options);
    if (rule == nullptr) return kExitUsage;
    ir::ReportUncompilable(frontend->program, *rule, frontend->diagnostics);
  }
  ReportDiagnostics(*frontend, std::cerr);
  if (frontend->diagnostics.HasErrors()) return kExitFailure;
  log.Step("checked " + std::to_string(options.files.size()) + " file(s)");

  std::unique_ptr<codegen::Jit> jit;
  runtime::CompiledRule compiled;
  if (!CompileRule(*frontend, *rule, jit, compiled)) return kExitFailure;
  log.Step("compiled rule " + rule->name);

  runtime::SplitInput input;
  if (!LoadInput(options, input)) return kExitFailure;
  log.Step(fmt::format("read {} record(s) from {}", input.records.size(), options.in));

  std::ofstream out_file, rejects_file;
  std::ostream* out = OpenOutput(options.out, std::cout, out_file);
  std::ostream* rejects = OpenOutput(options.rejects, std::cerr, rejects_file);
  if (out == nullptr || rejects == nullptr) return kExitFailure;

  runtime::RunCounts counts = runtime::Execute(compiled, input, *out, *rejects);
  log.Step("mapped and wrote the records");
  std::cerr << fmt::format("rule {}: in {} / mapped {} / skipped {} / rejected {}\n", rule->name,
                           counts.in, counts.mapped, counts.skipped, counts.rejected);
  if (!*out || !*rejects) {
    std::cerr << "weft run: writing the output failed; the counts above may not match the files\n";
    return kExitFailure;
  }
  return kExitOk;
}

}  // namespace weft::tools
