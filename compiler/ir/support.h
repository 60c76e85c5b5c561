#pragma once

#include "compiler/check/check.h"

namespace weft::ir {

// Reports, as NotYetSupported at their places, the constructs of a checked rule that the code
// generator cannot compile yet, and returns false when there is one. `weft check` accepts these
// constructs, because they are valid Weft; running the rule needs this to pass first.
bool ReportUncompilable(const check::CheckedProgram& program, const check::CheckedRule& rule,
                        DiagnosticEngine& diagnostics);

}  // namespace weft::ir
