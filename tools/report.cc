#include "tools/report.h"

namespace weft::tools {

void ReportDiagnostics(const Frontend& frontend, std::ostream& out) {
  ReportDiagnostics(frontend.diagnostics, out);
}

void ReportDiagnostics(const DiagnosticEngine& diagnostics, std::ostream& out) {
  diagnostics.RenderReport(out);
}

}  // namespace weft::tools
