#include <fmt/format.h>
#include <llvm/Support/Error.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <iostream>
#include <sstream>

#include "compiler/codegen/jit.h"
#include "compiler/frontend.h"
#include "compiler/ir/ir.h"
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
  for (const std::string& name : frontend.program.RuleNames()) names += (names.empty() ? "" : ", ") + name;
  std::cerr << fmt::format("weft run: no rule named `{}` in the given files; {}\n", options.rule,
                           names.empty() ? "they declare no rules" : "the rules are: " + names);
  return nullptr;
}

}  // namespace

int RunRun(const RunOptions& options) {
  std::unique_ptr<Frontend> frontend = LoadAndCheck(options.files);
  ReportDiagnostics(*frontend, std::cerr);
  if (frontend->diagnostics.HasErrors()) return kExitFailure;
  const check::CheckedRule* rule = FindRule(*frontend, options);
  if (rule == nullptr) return kExitUsage;

  auto jit = codegen::Jit::Create();
  if (!jit) {
    std::cerr << "weft run: cannot start the JIT: " << llvm::toString(jit.takeError()) << '\n';
    return kExitFailure;
  }
  auto function = (*jit)->Compile(ir::Lower(frontend->program, *rule));
  if (!function) {
    std::cerr << "weft run: cannot compile rule `" << rule->name << "`: " << llvm::toString(function.takeError()) << '\n';
    return kExitFailure;
  }

  std::string text;
  if (!ReadInput(options.in, text)) return kExitFailure;
  runtime::SplitInput input;
  std::string split_error;
  if (!runtime::Split(text, input, split_error)) {
    std::cerr << fmt::format("weft run: {}: {}\n", options.in, split_error);
    return kExitFailure;
  }

  std::ofstream out_file, rejects_file;
  std::ostream* out = OpenOutput(options.out, std::cout, out_file);
  std::ostream* rejects = OpenOutput(options.rejects, std::cerr, rejects_file);
  if (out == nullptr || rejects == nullptr) return kExitFailure;

  runtime::CompiledRule compiled{rule->name, rule->source, rule->target, *function};
  runtime::RunCounts counts = runtime::Execute(compiled, input, *out, *rejects);
  std::cerr << fmt::format("rule {}: in {} / mapped {} / skipped {} / rejected {}\n", rule->name, counts.in,
                           counts.mapped, counts.skipped, counts.rejected);
  if (!*out || !*rejects) {
    std::cerr << "weft run: writing the output failed; the counts above may not match the files\n";
    return kExitFailure;
  }
  return kExitOk;
}

}  // namespace weft::tools
