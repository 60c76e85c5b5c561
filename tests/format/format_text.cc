#include "tests/format/format_text.h"

#include "compiler/diagnostics/diagnostics.h"
#include "compiler/format/format.h"

namespace weft::testing {

std::optional<std::string> FormatText(const std::string& text, const std::string& path) {
  SourceManager sources;
  DiagnosticEngine diagnostics(sources);
  FileId file = sources.Add(path, text);
  return format::FormatFile(file, diagnostics);
}

}  // namespace weft::testing
