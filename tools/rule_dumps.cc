#include "tools/rule_dumps.h"

#include <fmt/format.h>

#include <iostream>
#include <stdexcept>

#include "compiler/ir/ir.h"
#include "compiler/ir/support.h"
#include "compiler/native/jit_module.h"
#include "compiler/native/rule_key.h"

namespace weft::tools {

const check::CheckedRule* FindRuleOrReport(const Frontend& frontend, const std::string& name,
                                           std::string_view command) {
  std::vector<std::string> rule_names = frontend.program.RuleNames();
  // Without a name, the only rule of the files is meant.
  if (name.empty() && rule_names.size() == 1) return frontend.program.FindRule(rule_names.front());
  const check::CheckedRule* rule = name.empty() ? nullptr : frontend.program.FindRule(name);
  if (rule != nullptr) return rule;
  std::string names;
  for (const std::string& rule_name : rule_names) names += (names.empty() ? "" : ", ") + rule_name;
  if (name.empty() && names.empty()) {
    std::cerr << fmt::format("{}: the given files declare no rules\n", command);
    return nullptr;
  }
  if (name.empty()) {
    std::cerr << fmt::format(
        "{}: the given files declare several rules: {}; name one with --rule\n", command, names);
    return nullptr;
  }
  std::cerr << fmt::format("{}: no rule named `{}` in the given files; {}\n", command, name,
                           names.empty() ? "they declare no rules" : "the rules are: " + names);
  return nullptr;
}

bool DumpLoweredRule(Frontend& frontend, const check::CheckedRule& rule, bool ir, bool llvm,
                     std::string_view command, std::ostream& out) {
  if (!ir && !llvm) return true;
  if (!ir::ReportUncompilable(frontend.program, rule, frontend.diagnostics)) {
    for (const Diagnostic* diagnostic : frontend.diagnostics.Ordered()) {
      if (diagnostic->kind == DiagnosticKind::NotYetSupported)
        frontend.diagnostics.Render(*diagnostic, std::cerr);
    }
    return false;
  }
  try {
    ir::Rule lowered = ir::Lower(frontend.program, rule);
    if (ir) out << ir::Dump(lowered);
    if (llvm) {
      std::string error;
      std::unique_ptr<native::JitModule> jit = native::OpenJitModule("", error);
      if (jit == nullptr) {
        std::cerr << command << ": " << error << '\n';
        return false;
      }
      out << jit->DumpLlvm(lowered);
    }
  } catch (const std::logic_error& error) {
    std::cerr << command << ": internal compiler error in rule `" << rule.name
              << "`: " << error.what() << "\nPlease report this with the .map file.\n";
    return false;
  }
  return true;
}

native::RuleCompilerOptions RuleCompilerOptionsFor(const Frontend& frontend,
                                                   const FrontendOptions& options,
                                                   std::string cache_directory) {
  // The root as the front end resolved it, so that `--root .` and its absolute path share a key.
  std::string settings = fmt::format("root {}\nmax_nesting {}\nmax_rows {}\nmax_file_bytes {}\n",
                                     frontend.sources.root(), options.max_nesting,
                                     options.tables.max_rows, options.tables.max_file_bytes);
  return {std::move(cache_directory), native::ProgramDigest(frontend.sources, settings)};
}

void WarnIfCacheNotWritten(const native::RuleCompiler& compiler, std::string_view command) {
  std::error_code error = compiler.cache_write_error();
  if (!error) return;
  std::cerr << fmt::format(
      "{}: warning: cannot write to the rule cache `{}`: {}. Rules will be compiled on every run "
      "until it can be written. Free space on its disk, fix its permissions or choose another "
      "directory with --cache-dir, or pass --no-cache to run without it.\n",
      command, compiler.cache_directory(), error.message());
}

}  // namespace weft::tools
