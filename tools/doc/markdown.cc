// The Markdown form of the mapping document, for repositories and wikis that render GitHub
// Markdown.
#include <fmt/format.h>

#include <algorithm>

#include "tools/doc/document_text.h"
#include "tools/doc/mapping_document.h"

namespace weft::doc {
namespace {

// Escapes the characters that Markdown would read as markup or as a table cell's end.
std::string Text(std::string_view text) {
  std::string escaped;
  for (char c : text) {
    if (std::string_view("\\`*_[]<>|&~").find(c) != std::string_view::npos) escaped += '\\';
    escaped += c == '\n' ? ' ' : c;
  }
  return escaped;
}

size_t LongestBacktickRun(std::string_view text) {
  size_t longest = 0;
  size_t run = 0;
  for (char c : text) {
    run = c == '`' ? run + 1 : 0;
    longest = std::max(longest, run);
  }
  return longest;
}

// Writes `text` as an inline code span that may stand in a table cell. The fence is one
// backtick longer than the longest run inside, and `|` is escaped as GitHub tables need.
std::string Code(std::string_view text) {
  std::string fence(LongestBacktickRun(text) + 1, '`');
  bool pad = text.starts_with('`') || text.ends_with('`') ||
             (text.starts_with(' ') && text.ends_with(' '));
  std::string body;
  for (char c : text) body += c == '|' ? "\\|" : std::string(1, c == '\n' ? ' ' : c);
  return pad ? fence + " " + body + " " + fence : fence + body + fence;
}

std::string CodeList(const std::vector<std::string>& names) {
  if (names.empty()) return "—";
  std::string list;
  for (const std::string& name : names) list += (list.empty() ? "" : ", ") + Code(name);
  return list;
}

// A fenced code block for a multi-line expression; the fence is longer than any run of
// backticks inside.
std::string CodeBlock(const std::string& text) {
  std::string fence(std::max<size_t>(LongestBacktickRun(text), 2) + 1, '`');
  return fence + "\n" + text + "\n" + fence + "\n";
}

std::string TypeCell(const FieldRow& field) {
  return Text(field.description) + " (" + Code(field.type) + ")";
}

std::string MappingCell(const MappingRow& row) {
  if (!row.mapped()) return "*" + Text(UnmappedOutcome(row.field)) + "*";
  std::string cell = row.expression.find('\n') == std::string::npos
                         ? Code(row.expression)
                         : Code(FirstLine(row.expression) + " …") + " (in full below the table)";
  if (!row.note.empty()) cell += " — " + Text(row.note);
  return cell;
}

void WriteSummary(const MappingDocument& document, std::string& out) {
  DocumentCounts counts = CountFields(document);
  out += "## Summary\n\n";
  out += fmt::format("- **Rules:** {}\n", document.rules.size());
  out += fmt::format("- **Target fields:** {} mapped, {} not mapped\n", counts.mapped,
                     counts.target - counts.mapped);
  for (const UnreadFields& source : document.unread_sources) {
    out += fmt::format("- **Source fields of {}:** {} read, {} not read\n", Code(source.record),
                       source.field_count - source.fields.size(), source.fields.size());
  }
  out += '\n';
}

void WriteFieldTable(const RuleSection& rule, std::string& out) {
  out += "### Target fields\n\n";
  out += "| Target field | Type | Required | Filled from | Source fields read | Tables |\n";
  out += "| --- | --- | --- | --- | --- | --- |\n";
  for (const MappingRow& row : rule.fields) {
    out += fmt::format("| {} | {} | {} | {} | {} | {} |\n", Code(row.field.name),
                       TypeCell(row.field), row.field.required ? "yes" : "no", MappingCell(row),
                       row.mapped() ? CodeList(row.reads) : "—", CodeList(row.tables));
  }
  out += '\n';
  for (const MappingRow& row : rule.fields) {
    if (row.expression.find('\n') == std::string::npos) continue;
    out += fmt::format("{} in full:\n\n{}\n", Code(row.field.name), CodeBlock(row.expression));
  }
}

void WriteConditions(const RuleSection& rule, std::string& out) {
  out += "### Conditions\n\n";
  bool has_when = !rule.conditions.empty() && rule.conditions.front().is_when;
  if (has_when) {
    const ConditionRow& when = rule.conditions.front();
    out += fmt::format(
        "Only records for which {} holds are mapped; the others are skipped. "
        "It reads {}.\n\n",
        Code(when.condition), CodeList(when.reads));
  } else {
    out += "The rule has no `when` condition, so it maps every record that passes its checks.\n\n";
  }
  if (rule.conditions.size() == (has_when ? 1u : 0u)) {
    out += "The rule has no `require` checks.\n\n";
    return;
  }
  out += "A record is rejected with the message when a check fails:\n\n";
  out += "| Check | Message when it fails | Source fields read |\n| --- | --- | --- |\n";
  for (const ConditionRow& row : rule.conditions) {
    if (row.is_when) continue;
    std::string check = Code(row.condition);
    if (!row.note.empty()) check += " — " + Text(row.note);
    out += fmt::format("| {} | {} | {} |\n", check, Code(row.message), CodeList(row.reads));
  }
  out += '\n';
}

void WriteRule(const RuleSection& rule, std::string& out) {
  out +=
      fmt::format("## Rule {}: {} → {}\n\n", Code(rule.name), Code(rule.source), Code(rule.target));
  if (!rule.note.empty()) out += Text(rule.note) + "\n\n";
  out += fmt::format("Declared in {}. {} of {} target fields are mapped.\n\n", Text(rule.location),
                     rule.MappedCount(), rule.fields.size());
  WriteFieldTable(rule, out);
  WriteConditions(rule, out);
}

void WriteUnreadSources(const MappingDocument& document, std::string& out) {
  out += "## Source fields that no rule reads\n\n";
  for (const UnreadFields& source : document.unread_sources) {
    out += fmt::format("### {}: {} of {} fields\n\n", Code(source.record), source.fields.size(),
                       source.field_count);
    if (source.fields.empty()) {
      out += "Every field is read.\n\n";
      continue;
    }
    out += "| Source field | Type | Required |\n| --- | --- | --- |\n";
    for (const FieldRow& field : source.fields) {
      out += fmt::format("| {} | {} | {} |\n", Code(field.name), TypeCell(field),
                         field.required ? "yes" : "no");
    }
    out += '\n';
  }
}

void WriteUnmappedTargets(const MappingDocument& document, std::string& out) {
  out += "## Target fields with no mapping\n\n";
  if (CountFields(document).mapped == CountFields(document).target) {
    out += "Every target field is mapped.\n";
    return;
  }
  out += "| Rule | Target field | Type | What is written |\n| --- | --- | --- | --- |\n";
  for (const RuleSection& rule : document.rules) {
    for (const MappingRow& row : rule.fields) {
      if (row.mapped()) continue;
      out += fmt::format("| {} | {} | {} | {} |\n", Code(rule.name), Code(row.field.name),
                         TypeCell(row.field), Text(UnmappedOutcome(row.field)));
    }
  }
}

}  // namespace

std::string RenderMarkdown(const MappingDocument& document) {
  std::string out = "# " + Text(Title(document)) + "\n\n";
  WriteSummary(document, out);
  for (const RuleSection& rule : document.rules) WriteRule(rule, out);
  WriteUnreadSources(document, out);
  WriteUnmappedTargets(document, out);
  return out;
}

}  // namespace weft::doc
