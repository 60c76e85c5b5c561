#pragma once

#include <ostream>

#include "compiler/frontend.h"

namespace weft::tools {

// Prints every diagnostic as text, then a count line such as "2 errors, 1 warning" when there
// are any.
void ReportDiagnostics(const Frontend& frontend, std::ostream& out);
void ReportDiagnostics(const DiagnosticEngine& diagnostics, std::ostream& out);

}  // namespace weft::tools
