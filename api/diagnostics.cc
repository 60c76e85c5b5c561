#include <sstream>

#include "api/state.h"

namespace weft::embed::internal {
namespace {

embed::Severity ConvertSeverity(weft::Severity severity) {
  switch (severity) {
    case weft::Severity::Error:
      return embed::Severity::kError;
    case weft::Severity::Warning:
      return embed::Severity::kWarning;
    case weft::Severity::Note:
      return embed::Severity::kNote;
  }
  return embed::Severity::kError;
}

SourceLocation Locate(const SourceManager& sources, SourceRange range) {
  const SourceFile& file = sources.Get(range.file);
  LineColumn place = file.Locate(range.begin);
  return {file.path(), place.line, place.column};
}

Diagnostic Convert(const DiagnosticEngine& engine, const weft::Diagnostic& internal) {
  const DiagnosticKindInfo& info = InfoOf(internal.kind);
  Diagnostic diagnostic;
  diagnostic.kind = info.name;
  diagnostic.code = info.code;
  diagnostic.severity = ConvertSeverity(internal.severity);
  diagnostic.location = Locate(engine.sources(), internal.range);
  diagnostic.message = internal.message;
  diagnostic.hint = internal.hint;
  for (const weft::DiagnosticNote& note : internal.notes) {
    DiagnosticNote converted{std::nullopt, note.message};
    if (note.range) converted.location = Locate(engine.sources(), *note.range);
    diagnostic.notes.push_back(std::move(converted));
  }
  std::ostringstream text;
  engine.Render(internal, text);
  diagnostic.text = text.str();
  return diagnostic;
}

}  // namespace

std::vector<Diagnostic> ConvertDiagnostics(const DiagnosticEngine& engine) {
  std::vector<Diagnostic> diagnostics;
  for (const weft::Diagnostic* diagnostic : engine.Ordered())
    diagnostics.push_back(Convert(engine, *diagnostic));
  return diagnostics;
}

std::string RenderDiagnostics(const DiagnosticEngine& engine) {
  std::ostringstream text;
  engine.RenderReport(text);
  return text.str();
}

}  // namespace weft::embed::internal
