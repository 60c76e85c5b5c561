#include <CLI/CLI.hpp>
#include <iostream>

#include "compiler/frontend.h"
#include "compiler/syntax/dump.h"
#include "tools/commands.h"
#include "tools/limit_options.h"
#include "tools/report.h"
#include "tools/rule_dumps.h"

namespace weft::tools {

CLI::App* AddExplainCommand(CLI::App& app, ExplainOptions& options) {
  CLI::App* command = app.add_subcommand(
      "explain", "Print the syntax tree, typed IR or LLVM IR of one rule; all three by default.");
  command->add_option("files", options.files, ".map files that declare the rule")->required();
  command
      ->add_option("--rule", options.rule,
                   "Name of the rule: its `as` name, or its target record's name; may be left out "
                   "when the files declare one rule");
  command->add_flag("--dump-ast", options.dump_ast, "Print the rule's syntax tree");
  command->add_flag("--dump-ir", options.dump_ir, "Print the rule's typed IR");
  command->add_flag("--dump-llvm", options.dump_llvm, "Print the rule's optimized LLVM IR");
  AddFrontendOptions(*command, options.frontend);
  return command;
}

int RunExplain(ExplainOptions options) {
  if (!options.dump_ast && !options.dump_ir && !options.dump_llvm) {
    options.dump_ast = options.dump_ir = options.dump_llvm = true;
  }
  std::unique_ptr<Frontend> frontend = LoadAndCheck(options.files, options.frontend);
  ReportDiagnostics(*frontend, std::cerr);
  if (frontend->unreadable_inputs > 0) return kExitUsage;
  if (frontend->diagnostics.HasErrors()) return kExitFailure;

  const check::CheckedRule* rule = FindRuleOrReport(*frontend, options.rule, "weft explain");
  if (rule == nullptr) return kExitUsage;
  if (options.dump_ast) std::cout << syntax::DumpRule(*rule->decl);
  if (!DumpLoweredRule(*frontend, *rule, options.dump_ir, options.dump_llvm, "weft explain",
                       std::cout)) {
    return kExitFailure;
  }
  return kExitOk;
}

}  // namespace weft::tools
