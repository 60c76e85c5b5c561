#include "compiler/diagnostics/diagnostics.h"

#include <algorithm>
#include <cctype>
#include <tuple>

#include "stdlib/utf8.h"

namespace weft {
namespace {

constexpr DiagnosticKindInfo kKindInfos[] = {
#define WEFT_DIAGNOSTIC(name, code, severity) {#name, code, Severity::severity},
#include "compiler/diagnostics/diagnostic_kinds.def"
#undef WEFT_DIAGNOSTIC
};

// Source lines longer than this are shown as a window around the caret.
constexpr size_t kMaxSnippetWidth = 160;
constexpr size_t kSnippetContext = 60;

// Returns the text with control characters and bytes of invalid UTF-8 replaced by '?', so
// that a snippet never sends raw control sequences to a terminal.
std::string PrintableText(std::string_view text) {
  std::string printable = utf8::ReplaceInvalid(text, "?");
  for (char& c : printable) {
    auto byte = static_cast<unsigned char>(c);
    if ((byte < 0x20 || byte == 0x7F) && byte != '\t') c = '?';
  }
  return printable;
}

// The optimal string alignment distance, ignoring case: insertions, deletions, substitutions
// and swaps of two adjacent characters each cost 1, so that `Emial` is one step from `Email`.
size_t EditDistance(std::string_view a, std::string_view b) {
  auto same = [](char x, char y) {
    return std::tolower(static_cast<unsigned char>(x)) ==
           std::tolower(static_cast<unsigned char>(y));
  };
  std::vector<size_t> before(b.size() + 1), previous(b.size() + 1), current(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) previous[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    current[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      current[j] = std::min({previous[j] + 1, current[j - 1] + 1,
                             previous[j - 1] + (same(a[i - 1], b[j - 1]) ? 0 : 1)});
      if (i > 1 && j > 1 && same(a[i - 1], b[j - 2]) && same(a[i - 2], b[j - 1])) {
        current[j] = std::min(current[j], before[j - 2] + 1);
      }
    }
    std::swap(before, previous);
    std::swap(previous, current);
  }
  return previous[b.size()];
}

}  // namespace

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

const DiagnosticKindInfo& InfoOf(DiagnosticKind kind) {
  return kKindInfos[static_cast<size_t>(kind)];
}

const std::vector<DiagnosticKind>& AllDiagnosticKinds() {
  static const std::vector<DiagnosticKind> kinds = [] {
    std::vector<DiagnosticKind> all;
    for (size_t i = 0; i < std::size(kKindInfos); ++i)
      all.push_back(static_cast<DiagnosticKind>(i));
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
  size_t caret = std::min<size_t>(at.column - 1, line.size());
  size_t caret_end = std::min<size_t>(
      caret + std::max<uint32_t>(range.end, range.begin + 1) - range.begin, line.size());

  // A long line is cut to a window around the caret.
  size_t first = 0;
  size_t last = line.size();
  if (line.size() > kMaxSnippetWidth) {
    first = caret > kSnippetContext ? caret - kSnippetContext : 0;
    while (first > 0 && utf8::IsContinuation(line[first])) --first;
    last = std::min(line.size(), first + kMaxSnippetWidth);
    while (last < line.size() && utf8::IsContinuation(line[last])) ++last;
  }
  std::string_view prefix = first > 0 ? "..." : "";
  out << "  " << prefix << PrintableText(line.substr(first, last - first))
      << (last < line.size() ? "..." : "") << '\n';

  // One caret column per code point; tabs are kept so that the caret lines up in any tab width.
  out << "  " << std::string(prefix.size(), ' ');
  for (size_t i = first; i < caret && i < last; ++i) {
    if (!utf8::IsContinuation(line[i])) out << (line[i] == '\t' ? '\t' : ' ');
  }
  out << '^';
  for (size_t i = caret + 1; i < caret_end && i < last; ++i) {
    if (!utf8::IsContinuation(line[i])) out << '~';
  }
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

std::vector<const Diagnostic*> DiagnosticEngine::Ordered() const {
  std::vector<const Diagnostic*> ordered;
  for (const Diagnostic& diagnostic : diagnostics_) ordered.push_back(&diagnostic);
  // Files are ordered by path instead of by id, because ids follow the order of the command
  // line, and the output should not change when the same files are passed in another order.
  std::stable_sort(ordered.begin(), ordered.end(), [&](const Diagnostic* a, const Diagnostic* b) {
    const std::string& a_path = sources_.Get(a->range.file).path();
    const std::string& b_path = sources_.Get(b->range.file).path();
    return std::tie(a_path, a->range.file, a->range.begin) <
           std::tie(b_path, b->range.file, b->range.begin);
  });
  return ordered;
}

void DiagnosticEngine::RenderAll(std::ostream& out) const {
  // In path and source order, so that each file reads top to bottom.
  for (const Diagnostic* diagnostic : Ordered()) Render(*diagnostic, out);
}

void DiagnosticEngine::RenderReport(std::ostream& out) const {
  RenderAll(out);
  size_t warnings = 0;
  for (const Diagnostic& diagnostic : diagnostics_) {
    if (diagnostic.severity == Severity::Warning) ++warnings;
  }
  if (error_count_ == 0 && warnings == 0) return;
  out << error_count_ << (error_count_ == 1 ? " error, " : " errors, ") << warnings
      << (warnings == 1 ? " warning\n" : " warnings\n");
}

std::string ClosestName(std::string_view name, const std::vector<std::string>& candidates) {
  // Names this long are not typos of a real name, and comparing them would cost time.
  constexpr size_t kMaxSuggestedLength = 100;
  std::string best;
  if (name.size() > kMaxSuggestedLength) return best;
  size_t best_distance = std::max<size_t>(1, name.size() / 3) + 1;
  for (const std::string& candidate : candidates) {
    if (candidate.size() > kMaxSuggestedLength) continue;
    size_t distance = EditDistance(name, candidate);
    if (distance < best_distance) {
      best_distance = distance;
      best = candidate;
    }
  }
  return best;
}

}  // namespace weft
