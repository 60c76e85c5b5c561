#include "compiler/lineage/lineage.h"

#include "compiler/lineage/expr_tracer.h"

namespace weft::lineage {
namespace {

// Records the lineage of one statement of the rule body.
void TraceStatement(const check::CheckedProgram& program, const ast::Statement& statement,
                    ExprTracer& tracer, RuleLineage& lineage) {
  Flow value = tracer.Trace(statement.value.get());
  lineage.reads.Add(value.Flatten());
  switch (statement.kind) {
    case ast::StatementKind::Let:
      if (!statement.name.empty()) tracer.Bind(statement.name.front().name, std::move(value));
      break;
    case ast::StatementKind::Require: {
      ConditionLineage condition{&statement, statement.value.get(), value.Flatten()};
      condition.reads.Add(tracer.Trace(statement.message.get()).Flatten());
      lineage.reads.Add(condition.reads);
      lineage.conditions.push_back(std::move(condition));
      break;
    }
    case ast::StatementKind::Assign: {
      auto info = program.statements.find(&statement);
      if (info == program.statements.end() || info->second.index < 0) break;
      FieldLineage& field = lineage.fields[info->second.index];
      field.assignment = &statement;
      field.reads = value.Flatten();
      break;
    }
  }
}

// True when `path` is `field` or a path below it.
bool IsOnPath(const std::string& path, const std::string& field) {
  if (!path.starts_with(field)) return false;
  return path.size() == field.size() || path[field.size()] == '.';
}

}  // namespace

RuleLineage TraceRule(const check::CheckedProgram& program, const check::CheckedRule& rule) {
  RuleLineage lineage;
  lineage.rule = &rule;
  for (const schema::FieldType& field : rule.target->fields) {
    FieldLineage entry;
    entry.field = &field;
    lineage.fields.push_back(std::move(entry));
  }

  ExprTracer tracer(program);
  if (rule.decl->condition) {
    ConditionLineage when{nullptr, rule.decl->condition.get(),
                          tracer.Trace(rule.decl->condition.get()).Flatten()};
    lineage.reads.Add(when.reads);
    lineage.conditions.push_back(std::move(when));
  }
  for (const ast::StatementPtr& statement : rule.decl->body) {
    TraceStatement(program, *statement, tracer, lineage);
  }
  return lineage;
}

std::vector<const schema::FieldType*> UnreadSourceFields(const schema::RecordType& source,
                                                         const std::vector<RuleLineage>& rules) {
  std::vector<const schema::FieldType*> unread;
  for (const schema::FieldType& field : source.fields) {
    bool read = false;
    for (const RuleLineage& rule : rules) {
      if (rule.rule->source != &source) continue;
      for (const std::string& path : rule.reads.fields) read = read || IsOnPath(path, field.name);
    }
    if (!read) unread.push_back(&field);
  }
  return unread;
}

}  // namespace weft::lineage
