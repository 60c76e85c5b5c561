#include "tools/report.h"

namespace weft::tools {

void ReportDiagnostics(const Frontend& frontend, std::ostream& out) {
  frontend.diagnostics.RenderReport(out);
}

}  // namespace weft::tools
