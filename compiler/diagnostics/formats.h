#pragma once

#include <optional>
#include <ostream>
#include <string>
#include <string_view>

#include "compiler/diagnostics/diagnostics.h"

namespace weft {

// The output formats of `weft check --format`.
enum class DiagnosticFormat {
  // Clang-style text with the source line and a caret.
  Text,
  // One JSON document with every diagnostic and the counts.
  Json,
  // A SARIF 2.1.0 log, as code-scanning services take it.
  Sarif,
  // GitHub Actions workflow commands, which annotate the lines of a pull request.
  Github,
};

std::optional<DiagnosticFormat> ParseDiagnosticFormat(std::string_view name);

// Writes every diagnostic of `diagnostics` in the order of DiagnosticEngine::Ordered.
// `tool_version` goes into SARIF.
void WriteDiagnostics(const DiagnosticEngine& diagnostics, DiagnosticFormat format,
                      std::string_view tool_version, std::ostream& out);

}  // namespace weft
