#include "tools/report.h"

#include <fmt/format.h>

namespace weft::tools {

void ReportDiagnostics(const Frontend& frontend, std::ostream& out) {
  ReportDiagnostics(frontend.diagnostics, out);
}

void ReportDiagnostics(const DiagnosticEngine& diagnostics, std::ostream& out) {
  diagnostics.RenderAll(out);
  size_t errors = diagnostics.error_count();
  size_t warnings = 0;
  for (const Diagnostic& diagnostic : diagnostics.diagnostics()) {
    if (diagnostic.severity == Severity::Warning) ++warnings;
  }
  if (errors == 0 && warnings == 0) return;
  out << fmt::format("{} error{}, {} warning{}\n", errors, errors == 1 ? "" : "s", warnings,
                     warnings == 1 ? "" : "s");
}

}  // namespace weft::tools
