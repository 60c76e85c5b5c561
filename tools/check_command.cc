#include <llvm/Support/Error.h>

#include <iostream>

#include "compiler/codegen/jit.h"
#include "compiler/diagnostics/formats.h"
#include "compiler/frontend.h"
#include "compiler/ir/ir.h"
#include "compiler/ir/support.h"
#include "compiler/schema/print.h"
#include "compiler/syntax/dump.h"
#include "tools/commands.h"
#include "tools/report.h"

namespace weft::tools {

int RunCheck(const CheckOptions& options) {
  // Dumps are text on stdout and would corrupt a machine-readable document there.
  bool dumps = options.dump_ast || options.dump_schemas || options.dump_ir || options.dump_llvm;
  if (dumps && options.format != "text") {
    std::cerr << "weft check: --dump-ast, --dump-schemas, --dump-ir and --dump-llvm work only "
                 "with --format text\n";
    return kExitUsage;
  }
  std::unique_ptr<Frontend> frontend = LoadAndCheck(options.files);
  if (options.dump_ast) {
    for (const auto& file : frontend->program.files) std::cout << syntax::DumpAst(*file);
  }
  if (options.dump_schemas) {
    for (const auto& schema : frontend->program.schemas) {
      std::cout << schema::PrintSchema(*schema);
    }
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
    if (!options.dump_ir && !options.dump_llvm) break;
    if (!ir::ReportUncompilable(frontend->program, rule, frontend->diagnostics)) {
      for (const Diagnostic* diagnostic : frontend->diagnostics.Ordered()) {
        if (diagnostic->kind == DiagnosticKind::NotYetSupported)
          frontend->diagnostics.Render(*diagnostic, std::cerr);
      }
      return kExitFailure;
    }
    try {
      ir::Rule lowered = ir::Lower(frontend->program, rule);
      if (options.dump_ir) std::cout << ir::Dump(lowered);
      if (options.dump_llvm) std::cout << codegen::Jit::DumpLlvm(lowered);
    } catch (const std::logic_error& error) {
      std::cerr << "weft check: internal compiler error in rule `" << rule.name
                << "`: " << error.what() << "\nPlease report this with the .map file.\n";
      return kExitFailure;
    }
  }
  return kExitOk;
}

}  // namespace weft::tools
