#include "compiler/diagnostics/formats.h"

#include <fmt/format.h>

#include <filesystem>
#include <nlohmann/json.hpp>

namespace weft {
namespace {

using nlohmann::json;

// The 1-based start and end positions of a range; the end is exclusive, as SARIF's endColumn is.
struct Span {
  uint32_t line, column, end_line, end_column;
};

Span SpanOf(const SourceManager& sources, SourceRange range, bool code_point_columns) {
  const SourceFile& file = sources.Get(range.file);
  LineColumn start =
      code_point_columns ? file.LocateCodePoints(range.begin) : file.Locate(range.begin);
  LineColumn end = code_point_columns ? file.LocateCodePoints(range.end) : file.Locate(range.end);
  return {start.line, start.column, end.line, end.column};
}

json JsonDiagnostic(const SourceManager& sources, const Diagnostic& diagnostic) {
  Span span = SpanOf(sources, diagnostic.range, true);
  const DiagnosticKindInfo& info = InfoOf(diagnostic.kind);
  json entry = {
      {"file", sources.Get(diagnostic.range.file).path()},
      {"line", span.line},
      {"column", span.column},
      {"end_line", span.end_line},
      {"end_column", span.end_column},
      {"severity", SeverityName(diagnostic.severity)},
      {"kind", info.name},
      {"code", info.code},
      {"message", diagnostic.message},
  };
  if (!diagnostic.hint.empty()) entry["hint"] = diagnostic.hint;
  json notes = json::array();
  for (const DiagnosticNote& note : diagnostic.notes) {
    json item = {{"message", note.message}};
    if (note.range) {
      Span note_span = SpanOf(sources, *note.range, true);
      item["file"] = sources.Get(note.range->file).path();
      item["line"] = note_span.line;
      item["column"] = note_span.column;
    }
    notes.push_back(item);
  }
  if (!notes.empty()) entry["notes"] = notes;
  return entry;
}

void WriteJson(const DiagnosticEngine& diagnostics, std::ostream& out) {
  json list = json::array();
  size_t warnings = 0;
  for (const Diagnostic* diagnostic : diagnostics.Ordered()) {
    list.push_back(JsonDiagnostic(diagnostics.sources(), *diagnostic));
    if (diagnostic->severity == Severity::Warning) ++warnings;
  }
  json document = {
      {"diagnostics", list}, {"errors", diagnostics.error_count()}, {"warnings", warnings}};
  out << document.dump(2, ' ', false, json::error_handler_t::replace) << '\n';
}

// Percent-encodes every byte of a path except the unreserved characters of RFC 3986 and '/'.
std::string PercentEncode(std::string_view path) {
  std::string encoded;
  for (char c : path) {
    bool unreserved = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                      std::string_view("-._~/").find(c) != std::string_view::npos;
    encoded +=
        unreserved ? std::string(1, c) : fmt::format("%{:02X}", static_cast<unsigned char>(c));
  }
  return encoded;
}

// Returns the SARIF artifact URI of a path. A relative path becomes a normalized relative
// reference (`./rules//a.map` is `rules/a.map`), which code scanning resolves against the
// repository root. An absolute path becomes a `file://` URI, because a consumer would resolve a
// bare `/tmp/a.map` against its own base, such as the repository's web address.
std::string UriOf(std::string_view path) {
  std::filesystem::path normal = std::filesystem::path(path).lexically_normal();
  std::string uri = PercentEncode(normal.generic_string());
  return normal.is_absolute() ? "file://" + uri : uri;
}

json SarifLocation(const SourceManager& sources, SourceRange range) {
  Span span = SpanOf(sources, range, true);
  json region = {{"startLine", span.line}, {"startColumn", span.column}};
  // An empty range (an unreadable file) has no end to give.
  if (range.end > range.begin) {
    region["endLine"] = span.end_line;
    region["endColumn"] = span.end_column;
  }
  return {{"physicalLocation",
           {{"artifactLocation", {{"uri", UriOf(sources.Get(range.file).path())}}},
            {"region", region}}}};
}

void WriteSarif(const DiagnosticEngine& diagnostics, std::string_view tool_version,
                std::ostream& out) {
  json rules = json::array();
  for (DiagnosticKind kind : AllDiagnosticKinds()) {
    const DiagnosticKindInfo& info = InfoOf(kind);
    rules.push_back({{"id", info.code},
                     {"name", info.name},
                     {"shortDescription", {{"text", info.name}}},
                     {"defaultConfiguration", {{"level", SeverityName(info.severity)}}}});
  }

  json results = json::array();
  for (const Diagnostic* diagnostic : diagnostics.Ordered()) {
    std::string text = diagnostic->message;
    if (!diagnostic->hint.empty()) text += "\nhint: " + diagnostic->hint;
    json result = {
        {"ruleId", InfoOf(diagnostic->kind).code},
        {"ruleIndex", static_cast<size_t>(diagnostic->kind)},
        {"level", SeverityName(diagnostic->severity)},
        {"message", {{"text", text}}},
        {"locations", json::array({SarifLocation(diagnostics.sources(), diagnostic->range)})}};
    json related = json::array();
    for (const DiagnosticNote& note : diagnostic->notes) {
      if (!note.range) continue;
      json location = SarifLocation(diagnostics.sources(), *note.range);
      location["id"] = related.size();
      location["message"] = {{"text", note.message}};
      related.push_back(location);
    }
    if (!related.empty()) result["relatedLocations"] = related;
    results.push_back(result);
  }

  json log = {
      {"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
      {"version", "2.1.0"},
      {"runs",
       json::array(
           {{{"tool",
              {{"driver", {{"name", "weft"}, {"version", tool_version}, {"rules", rules}}}}},
             {"columnKind", "unicodeCodePoints"},
             {"results", results}}})}};
  out << log.dump(2, ' ', false, json::error_handler_t::replace) << '\n';
}

// Escapes workflow-command text; properties also escape ':' and ','.
std::string GithubEscape(std::string_view text, bool property) {
  std::string escaped;
  for (char c : text) {
    switch (c) {
      case '%':
        escaped += "%25";
        break;
      case '\r':
        escaped += "%0D";
        break;
      case '\n':
        escaped += "%0A";
        break;
      case ':':
        escaped += property ? "%3A" : ":";
        break;
      case ',':
        escaped += property ? "%2C" : ",";
        break;
      default:
        escaped += c;
    }
  }
  return escaped;
}

void WriteGithub(const DiagnosticEngine& diagnostics, std::ostream& out) {
  for (const Diagnostic* diagnostic : diagnostics.Ordered()) {
    Span span = SpanOf(diagnostics.sources(), diagnostic->range, true);
    const DiagnosticKindInfo& info = InfoOf(diagnostic->kind);
    std::string command = diagnostic->severity == Severity::Error ? "error" : "warning";
    std::string text = diagnostic->message;
    if (!diagnostic->hint.empty()) text += "\nhint: " + diagnostic->hint;
    for (const DiagnosticNote& note : diagnostic->notes) {
      text += "\nnote: " + note.message;
      if (note.range) {
        Span note_span = SpanOf(diagnostics.sources(), *note.range, true);
        text += fmt::format(" ({}:{}:{})", diagnostics.sources().Get(note.range->file).path(),
                            note_span.line, note_span.column);
      }
    }
    out << fmt::format("::{} file={},line={},col={},endLine={},endColumn={},title={}::{}\n",
                       command,
                       GithubEscape(diagnostics.sources().Get(diagnostic->range.file).path(), true),
                       span.line, span.column, span.end_line, span.end_column,
                       GithubEscape(fmt::format("{} ({})", info.name, info.code), true),
                       GithubEscape(text, false));
  }
}

}  // namespace

std::optional<DiagnosticFormat> ParseDiagnosticFormat(std::string_view name) {
  if (name == "text") return DiagnosticFormat::Text;
  if (name == "json") return DiagnosticFormat::Json;
  if (name == "sarif") return DiagnosticFormat::Sarif;
  if (name == "github") return DiagnosticFormat::Github;
  return std::nullopt;
}

void WriteDiagnostics(const DiagnosticEngine& diagnostics, DiagnosticFormat format,
                      std::string_view tool_version, std::ostream& out) {
  switch (format) {
    case DiagnosticFormat::Text:
      diagnostics.RenderAll(out);
      break;
    case DiagnosticFormat::Json:
      WriteJson(diagnostics, out);
      break;
    case DiagnosticFormat::Sarif:
      WriteSarif(diagnostics, tool_version, out);
      break;
    case DiagnosticFormat::Github:
      WriteGithub(diagnostics, out);
      break;
  }
}

}  // namespace weft
