#include <fmt/format.h>

#include <iostream>

#include "compiler/diagnostics/formats.h"
#include "compiler/frontend.h"
#include "compiler/ir/support.h"
#include "compiler/schema/print.h"
#include "compiler/syntax/dump.h"
#include "tools/commands.h"
#include "tools/report.h"
#include "tools/rule_dumps.h"

namespace weft::tools {

int RunCheck(const CheckOptions& options) {
  // Dumps are text on stdout and would corrupt a machine-readable document there.
  bool dumps = options.dump_ast || options.dump_schemas || options.dump_ir || options.dump_llvm;
  if (dumps && options.format != "text") {
    std::cerr << "weft check: --dump-ast, --dump-schemas, --dump-ir and --dump-llvm work only "
                 "with --format text\n";
    return kExitUsage;
  }
  std::unique_ptr<Frontend> frontend = LoadAndCheck(options.files, options.frontend);
  if (options.dump_ast) {
    for (const auto& file : frontend->program.files) std::cout << syntax::DumpAst(*file);
  }
  if (options.dump_schemas) {
    for (const auto& schema : frontend->program.schemas) {
      std::cout << schema::PrintSchema(*schema);
    }
  }
  // A rule that `weft run` would refuse fails the check too, so that a CI job running `weft
  // check` does not pass a mapping that cannot run.
  if (!frontend->diagnostics.HasErrors()) {
    for (const check::CheckedRule& rule : frontend->program.rules)
      ir::ReportUncompilable(frontend->program, rule, frontend->diagnostics);
  }
  std::optional<DiagnosticFormat> format = ParseDiagnosticFormat(options.format);
  if (format.value_or(DiagnosticFormat::Text) == DiagnosticFormat::Text) {
    ReportDiagnostics(*frontend, std::cerr);
  } else {
    // Machine-readable formats go to stdout, where CI steps collect them.
    WriteDiagnostics(frontend->diagnostics, *format, WEFT_VERSION, std::cout);
  }
  if (frontend->unreadable_inputs > 0) return kExitUsage;
  if (frontend->diagnostics.HasErrors()) return kExitFailure;
  if (options.warnings_as_errors && !frontend->diagnostics.diagnostics().empty())
    return kExitFailure;

  for (const check::CheckedRule& rule : frontend->program.rules) {
    if (!DumpLoweredRule(*frontend, rule, options.dump_ir, options.dump_llvm, "weft check",
                         std::cout)) {
      return kExitFailure;
    }
  }
  // A table file compiled into the rules is named with its size and digest, so that a CI log
  // shows when the data behind a mapping changed.
  if (format.value_or(DiagnosticFormat::Text) == DiagnosticFormat::Text) {
    for (const check::CheckedTable& table : frontend->program.tables) {
      if (table.file.path.empty()) continue;
      std::cout << fmt::format("table `{}` from {}: {} row{}, sha256 {}\n", table.name,
                               table.file.path, table.file.rows, table.file.rows == 1 ? "" : "s",
                               table.file.sha256);
    }
  }
  return kExitOk;
}

}  // namespace weft::tools
