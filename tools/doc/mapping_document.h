#pragma once

#include <string>
#include <vector>

#include "compiler/frontend.h"

// The data-mapping document of `weft doc`: what each rule fills each target field from, built
// from a checked program and rendered as Markdown or HTML. Its strings are plain text, which the
// renderers escape.
namespace weft::doc {

// One field of a target or source record.
struct FieldRow {
  std::string name;
  // The type as a .map file writes it, such as `decimal(18, 2)`, without the `?`.
  std::string type;
  // The type and its limits in words, such as "decimal, 2 places, up to 18 digits".
  std::string description;
  bool required = false;
  // The schema's default as JSON text; empty when there is none.
  std::string default_value;
};

// One target field of a rule and what fills it.
struct MappingRow {
  FieldRow field;
  // The assigned expression as written in the .map file; empty when the rule does not assign
  // the field.
  std::string expression;
  // The comment written above the assignment.
  std::string note;
  // The source field paths and tables that the expression reads, sorted.
  std::vector<std::string> reads;
  std::vector<std::string> tables;

  bool mapped() const { return !expression.empty(); }
};

// The `when` condition or a `require` statement of a rule.
struct ConditionRow {
  bool is_when = false;
  std::string condition;
  // The reject message of `require`, as written, with its quotes.
  std::string message;
  std::string note;
  std::vector<std::string> reads;
};

struct RuleSection {
  std::string name;
  std::string source;
  std::string target;
  // The file and line of the rule, such as "accounts.map, line 37".
  std::string location;
  // The comment written above the rule.
  std::string note;
  std::vector<MappingRow> fields;
  std::vector<ConditionRow> conditions;

  size_t MappedCount() const;
};

// The fields of one source record that no rule reads.
struct UnreadFields {
  std::string record;
  size_t field_count = 0;
  std::vector<FieldRow> fields;
};

struct MappingDocument {
  // The .map files as named on the command line.
  std::vector<std::string> files;
  std::vector<RuleSection> rules;
  // One entry per source record that some rule maps from, in order of first use.
  std::vector<UnreadFields> unread_sources;
};

// Builds the document of every rule in `frontend`, which must have checked without errors.
MappingDocument BuildDocument(const Frontend& frontend, const std::vector<std::string>& files);

// Writes the document as GitHub-flavoured Markdown.
std::string RenderMarkdown(const MappingDocument& document);

// Writes the document as one self-contained HTML page: inline CSS, no scripts, no external
// resources.
std::string RenderHtml(const MappingDocument& document);

}  // namespace weft::doc
