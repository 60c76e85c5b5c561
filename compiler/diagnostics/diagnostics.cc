#include "compiler/diagnostics/diagnostics.h"

#include <algorithm>
#include <cctype>
#include <tuple>

namespace weft {
namespace {

constexpr DiagnosticKindInfo kKindInfos[] = {
#define WEFT_DIAGNOSTIC(name, code, severity) {#name, code, Severity::severity},
#include "compiler/diagnostics/diagnostic_kinds.def"
#undef WEFT_DIAGNOSTIC
};

std::string_view SeverityName(Severity severity) {
  switch (severity) {
    case Severity::Error:
      return "error";
    case Severity::Warning:
      return "warning";
    case Severity::Note:
      return "note";
  }
  return "error";
}

size_t EditDistance(std::string_view a, std::string_view b) {
  std::vector<size_t> row(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    size_t diagonal = row[0];
    row[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      size_t above = row[j];
      bool same = std::tolower(static_cast<unsigned char>(a[i - 1])) ==
                  std::tolower(static_cast<unsigned char>(b[j - 1]));
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (same ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[b.size()];
}

}  // namespace

const DiagnosticKindInfo& InfoOf(DiagnosticKind kind) {
  return kKindInfos[static_cast<size_t>(kind)];
}

const std::vector<DiagnosticKind>& AllDiagnosticKinds() {
  static const std::vector<DiagnosticKind> kinds = [] {
    std::vector<DiagnosticKind> all;
    for (size_t i = 0; i < std::size(kKindInfos); ++i) all.push_back(static_cast<DiagnosticKind>(i));
    return all;
  }();
  return kinds;
}

Diagnostic& DiagnosticEngine::Report(DiagnosticKind kind, SourceRange range, std::string message) {
  Severity severity = InfoOf(kind).severity;
  if (severity == Severity::Error) ++error_count_;
  diagnostics_.push_back({kind, severity, range, std::move(message), {}, {}});
  return diagnostics_.back();
}

void DiagnosticEngine::RenderLocation(SourceRange range, std::ostream& out) const {
  const SourceFile& file = sources_.Get(range.file);
  // A file that could not be read has no lines to point into.
  if (file.text().empty()) {
    out << file.path() << ": ";
    return;
  }
  LineColumn at = file.Locate(range.begin);
  out << file.path() << ':' << at.line << ':' << at.column << ": ";
}

void DiagnosticEngine::RenderSnippet(SourceRange range, std::ostream& out) const {
  const SourceFile& file = sources_.Get(range.file);
  // A file that could not be read has no line to show.
  if (file.text().empty()) return;
  LineColumn at = file.Locate(range.begin);
  std::string_view line = file.Line(at.line);
  out << "  " << line << '\n' << "  ";

  // Tabs are kept under the caret so that it lines up in any tab width.
  for (uint32_t i = 0; i + 1 < at.column && i < line.size(); ++i) out << (line[i] == '\t' ? '\t' : ' ');
  uint32_t column_index = at.column - 1;
  uint32_t rest_of_line = line.size() > column_index ? line.size() - column_index : 0;
  uint32_t width = std::max<uint32_t>(1, std::min(range.end - range.begin, rest_of_line));
  out << '^' << std::string(width - 1, '~');
  out << '\n';
}

void DiagnosticEngine::Render(const Diagnostic& diagnostic, std::ostream& out) const {
  RenderLocation(diagnostic.range, out);
  out << SeverityName(diagnostic.severity) << ": " << diagnostic.message << " ["
      << InfoOf(diagnostic.kind).name << "]\n";
  RenderSnippet(diagnostic.range, out);
  if (!diagnostic.hint.empty()) out << "  hint: " << diagnostic.hint << '\n';
  for (const DiagnosticNote& note : diagnostic.notes) {
    if (note.range) RenderLocation(*note.range, out);
    out << "note: " << note.message << '\n';
    if (note.range) RenderSnippet(*note.range, out);
  }
}

void DiagnosticEngine::RenderAll(std::ostream& out) const {
  // In source order, whichever stage found them, so that a file reads top to bottom.
  std::vector<const Diagnostic*> ordered;
  for (const Diagnostic& diagnostic : diagnostics_) ordered.push_back(&diagnostic);
  std::stable_sort(ordered.begin(), ordered.end(), [](const Diagnostic* a, const Diagnostic* b) {
    return std::tie(a->range.file, a->range.begin) < std::tie(b->range.file, b->range.begin);
  });
  for (const Diagnostic* diagnostic : ordered) Render(*diagnostic, out);
}

std::string ClosestName(std::string_view name, const std::vector<std::string>& candidates) {
  std::string best;
  size_t best_distance = std::max<size_t>(1, name.size() / 3) + 1;
  for (const std::string& candidate : candidates) {
    size_t distance = EditDistance(name, candidate);
    if (distance < best_distance) {
      best_distance = distance;
      best = candidate;
    }
  }
  return best;
}

}  // namespace weft
