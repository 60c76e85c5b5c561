#include "compiler/check/rule_checker.h"

#include <fmt/format.h>

#include "compiler/check/expr_checker.h"

namespace weft::check {
namespace {

// Resolves `schema.Record`, reporting an unknown schema or record with a suggestion.
const schema::RecordType* ResolveRecord(const ast::QualifiedName& name,
                                        const CheckedProgram& program,
                                        DiagnosticEngine& diagnostics) {
  if (name.parts.size() != 2) {
    if (!name.parts.empty()) {
      diagnostics
          .Report(DiagnosticKind::UnknownRecord, name.range,
                  fmt::format("`{}` does not name a record", name.ToString()))
          .hint = "write the schema and the record, such as `crm.Account`";
    }
    return nullptr;
  }
  const ast::Identifier& schema_name = name.parts[0];
  const ast::Identifier& record_name = name.parts[1];

  const schema::Schema* schema = program.FindSchema(schema_name.name);
  if (schema == nullptr) {
    std::vector<std::string> schema_names;
    for (const auto& candidate : program.schemas) schema_names.push_back(candidate->name);
    Diagnostic& diagnostic =
        diagnostics.Report(DiagnosticKind::UnknownSchema, schema_name.range,
                           fmt::format("unknown schema `{}`", schema_name.name));
    std::string closest = ClosestName(schema_name.name, schema_names);
    diagnostic.hint = closest.empty() ? "declare it with `schema NAME { ... }`"
                                      : fmt::format("did you mean `{}`?", closest);
    return nullptr;
  }

  program.NoteUse(name.range, schema->range);
  const schema::RecordType* record = schema->FindRecord(record_name.name);
  if (record == nullptr) {
    Diagnostic& diagnostic = diagnostics.Report(
        DiagnosticKind::UnknownRecord, record_name.range,
        fmt::format("schema `{}` has no record `{}`", schema->name, record_name.name));
    std::string closest = ClosestName(record_name.name, schema->RecordNames());
    if (!closest.empty()) diagnostic.hint = fmt::format("did you mean `{}`?", closest);
  }
  return record;
}

}  // namespace

const schema::RecordType* ResolveRecordName(const ast::QualifiedName& name,
                                            const CheckedProgram& program,
                                            DiagnosticEngine& diagnostics) {
  return ResolveRecord(name, program, diagnostics);
}

void CheckRule(const ast::MapDecl& rule, CheckedProgram& program, DiagnosticEngine& diagnostics) {
  const schema::RecordType* source = ResolveRecord(rule.source, program, diagnostics);
  const schema::RecordType* target = ResolveRecord(rule.target, program, diagnostics);
  if (source == nullptr || target == nullptr) return;

  std::string name = rule.RuleName();
  for (const CheckedRule& existing : program.rules) {
    if (existing.name != name) continue;
    Diagnostic& diagnostic =
        diagnostics.Report(DiagnosticKind::DuplicateDeclaration, rule.target.range,
                           fmt::format("a rule named `{}` already exists", name));
    diagnostic.notes.push_back({existing.decl->target.range, "the other rule is here"});
    diagnostic.hint = "name this rule with `as`, such as `map A -> B as other_name`";
    return;
  }

  ExprChecker exprs(program, diagnostics, source);
  exprs.CheckCondition(rule.condition.get(), "the `when` condition");
  exprs.Narrow(rule.condition.get(), true);
  exprs.CheckBody(rule.body, *target, rule.target.range);
  exprs.ReportUnusedLocals();
  program.rules.push_back({&rule, name, source, target, exprs.local_count()});
}

}  // namespace weft::check
