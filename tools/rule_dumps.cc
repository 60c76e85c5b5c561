#include "tools/rule_dumps.h"

#include <fmt/format.h>

#include <iostream>
#include <stdexcept>

#include "compiler/codegen/jit.h"
#include "compiler/ir/ir.h"
#include "compiler/ir/support.h"

namespace weft::tools {

const check::CheckedRule* FindRuleOrReport(const Frontend& frontend, const std::string& name,
                                           std::string_view command) {
  const check::CheckedRule* rule = frontend.program.FindRule(name);
  if (rule != nullptr) return rule;
  std::string names;
  for (const std::string& rule_name : frontend.program.RuleNames())
    names += (names.empty() ? "" : ", ") + rule_name;
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
    if (llvm) out << codegen::Jit::DumpLlvm(lowered);
  } catch (const std::logic_error& error) {
    std::cerr << command << ": internal compiler error in rule `" << rule.name
              << "`: " << error.what() << "\nPlease report this with the .map file.\n";
    return false;
  }
  return true;
}

}  // namespace weft::tools
