#pragma once

#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "compiler/diagnostics/source.h"

namespace weft {

enum class Severity { Error, Warning, Note };

enum class DiagnosticKind {
#define WEFT_DIAGNOSTIC(name, code, severity) name,
#include "compiler/diagnostics/diagnostic_kinds.def"
#undef WEFT_DIAGNOSTIC
};

// The registry entry of a kind: its stable name, code and default severity.
struct DiagnosticKindInfo {
  std::string_view name;
  std::string_view code;
  Severity severity;
};

const DiagnosticKindInfo& InfoOf(DiagnosticKind kind);
// The word for a severity in output: "error", "warning" or "note".
std::string_view SeverityName(Severity severity);
const std::vector<DiagnosticKind>& AllDiagnosticKinds();

// A remark attached to a diagnostic, such as the declaration it refers to.
struct DiagnosticNote {
  std::optional<SourceRange> range;
  std::string message;
};

struct Diagnostic {
  DiagnosticKind kind;
  Severity severity;
  SourceRange range;
  std::string message;
  // What the user can do about it, such as "did you mean `Name`?"; empty when there is none.
  std::string hint;
  std::vector<DiagnosticNote> notes;
};

// Collects the diagnostics of one compilation. Stages report into it and keep going, so that one
// run shows every mistake in a file.
class DiagnosticEngine {
 public:
  explicit DiagnosticEngine(const SourceManager& sources) : sources_(sources) {}

  // Adds a diagnostic and returns it so the caller can attach a hint or notes.
  Diagnostic& Report(DiagnosticKind kind, SourceRange range, std::string message);

  bool HasErrors() const { return error_count_ > 0; }
  size_t error_count() const { return error_count_; }
  const std::vector<Diagnostic>& diagnostics() const { return diagnostics_; }
  const SourceManager& sources() const { return sources_; }

  // Writes `file:line:col: error: message [Kind]`, the source line, a caret, the hint and notes.
  void Render(const Diagnostic& diagnostic, std::ostream& out) const;
  void RenderAll(std::ostream& out) const;
  // Writes RenderAll's text, then a count line such as "2 errors, 1 warning" when there are any.
  void RenderReport(std::ostream& out) const;
  // The diagnostics sorted by file path, then by position in the file, whichever stage reported
  // them; diagnostics at the same position keep the order in which they were reported.
  std::vector<const Diagnostic*> Ordered() const;

 private:
  void RenderLocation(SourceRange range, std::ostream& out) const;
  void RenderSnippet(SourceRange range, std::ostream& out) const;

  const SourceManager& sources_;
  std::vector<Diagnostic> diagnostics_;
  size_t error_count_ = 0;
};

// Returns the candidate closest to `name` by edit distance, or "" when none is close enough to
// be a plausible typo.
std::string ClosestName(std::string_view name, const std::vector<std::string>& candidates);

}  // namespace weft
