#include "tools/doc/mapping_document.h"

#include <algorithm>

#include "compiler/lineage/lineage.h"
#include "tools/doc/readable_type.h"
#include "tools/doc/source_text.h"

namespace weft::doc {
namespace {

std::vector<std::string> Sorted(const std::set<std::string>& names) {
  return std::vector<std::string>(names.begin(), names.end());
}

FieldRow DescribeField(const schema::FieldType& field) {
  return {field.name, field.type.AsRequired().ToString(),
          DescribeType(field.type, field.constraints), !field.type.optional, field.default_json};
}

MappingRow DescribeMapping(const SourceManager& sources, const lineage::FieldLineage& lineage) {
  MappingRow row;
  row.field = DescribeField(*lineage.field);
  if (lineage.assignment == nullptr || lineage.assignment->value == nullptr) return row;
  row.expression = SourceText(sources, lineage.assignment->value->range);
  row.note = CommentAbove(sources, lineage.assignment->range);
  row.reads = Sorted(lineage.reads.fields);
  row.tables = Sorted(lineage.reads.tables);
  return row;
}

ConditionRow DescribeCondition(const SourceManager& sources,
                               const lineage::ConditionLineage& lineage) {
  ConditionRow row;
  row.is_when = lineage.require == nullptr;
  row.condition = SourceText(sources, lineage.condition->range);
  row.reads = Sorted(lineage.reads.fields);
  if (lineage.require == nullptr) return row;
  row.note = CommentAbove(sources, lineage.require->range);
  if (lineage.require->message) row.message = SourceText(sources, lineage.require->message->range);
  return row;
}

RuleSection DescribeRule(const SourceManager& sources, const lineage::RuleLineage& lineage) {
  const check::CheckedRule& rule = *lineage.rule;
  RuleSection section;
  section.name = rule.name;
  section.source = rule.source->QualifiedName();
  section.target = rule.target->QualifiedName();
  section.location = Location(sources, rule.decl->range);
  section.note = CommentAbove(sources, rule.decl->range);
  for (const lineage::FieldLineage& field : lineage.fields)
    section.fields.push_back(DescribeMapping(sources, field));
  for (const lineage::ConditionLineage& condition : lineage.conditions)
    section.conditions.push_back(DescribeCondition(sources, condition));
  return section;
}

std::vector<UnreadFields> DescribeUnread(const std::vector<lineage::RuleLineage>& rules) {
  std::vector<const schema::RecordType*> sources;
  for (const lineage::RuleLineage& rule : rules) {
    if (std::find(sources.begin(), sources.end(), rule.rule->source) == sources.end())
      sources.push_back(rule.rule->source);
  }
  std::vector<UnreadFields> unread;
  for (const schema::RecordType* source : sources) {
    UnreadFields entry;
    entry.record = source->QualifiedName();
    entry.field_count = source->fields.size();
    for (const schema::FieldType* field : lineage::UnreadSourceFields(*source, rules))
      entry.fields.push_back(DescribeField(*field));
    unread.push_back(std::move(entry));
  }
  return unread;
}

}  // namespace

size_t RuleSection::MappedCount() const {
  return std::count_if(fields.begin(), fields.end(),
                       [](const MappingRow& row) { return row.mapped(); });
}

MappingDocument BuildDocument(const Frontend& frontend, const std::vector<std::string>& files) {
  std::vector<lineage::RuleLineage> lineages;
  for (const check::CheckedRule& rule : frontend.program.rules)
    lineages.push_back(lineage::TraceRule(frontend.program, rule));

  MappingDocument document;
  document.files = files;
  for (const lineage::RuleLineage& lineage : lineages)
    document.rules.push_back(DescribeRule(frontend.sources, lineage));
  document.unread_sources = DescribeUnread(lineages);
  return document;
}

}  // namespace weft::doc
