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

  const schema::Schema* schema = nullptr;
  std::vector<std::string> schema_names;
  for (const auto& candidate : program.schemas) {
    schema_names.push_back(candidate->name);
    if (candidate->name == schema_name.name) schema = candidate.get();
  }
  if (schema == nullptr) {
    Diagnostic& diagnostic =
        diagnostics.Report(DiagnosticKind::UnknownSchema, schema_name.range,
                           fmt::format("unknown schema `{}`", schema_name.name));
    std::string closest = ClosestName(schema_name.name, schema_names);
    diagnostic.hint = closest.empty() ? "declare it with `schema NAME { ... }`"
                                      : fmt::format("did you mean `{}`?", closest);
    return nullptr;
  }

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

class RuleChecker {
 public:
  RuleChecker(const ast::MapDecl& rule, const schema::RecordType* source,
              const schema::RecordType* target, CheckedProgram& program,
              DiagnosticEngine& diagnostics)
      : rule_(rule),
        target_(target),
        program_(program),
        diagnostics_(diagnostics),
        exprs_(program, diagnostics, source),
        assigned_(target->fields.size(), nullptr) {}

  int Run() {
    exprs_.CheckCondition(rule_.condition.get(), "the `when` condition");
    exprs_.Narrow(rule_.condition.get(), true);
    for (const ast::StatementPtr& statement : rule_.body) CheckStatement(*statement);
    ReportUnmapped();
    exprs_.ReportUnusedLocals();
    return exprs_.local_count();
  }

 private:
  void CheckStatement(const ast::Statement& statement) {
    switch (statement.kind) {
      case ast::StatementKind::Let: {
        schema::Type type = exprs_.Check(statement.value.get());
        if (type.kind == schema::TypeKind::Null) {
          diagnostics_
              .Report(DiagnosticKind::TypeMismatch, statement.value->range,
                      "`let` cannot bind `null`, because it has no type of its own")
              .hint = "assign `null` to an optional field directly, or bind a typed value";
          type = schema::Type::Error();
        }
        program_.statements[&statement].index = exprs_.DeclareLocal(statement.name.front(), type);
        break;
      }
      case ast::StatementKind::Require:
        exprs_.CheckCondition(statement.value.get(), "the condition of `require`");
        CheckRejectMessage(statement.message.get());
        // Later statements run only when the condition held.
        exprs_.Narrow(statement.value.get(), true);
        break;
      case ast::StatementKind::Assign:
        CheckAssignment(statement);
        break;
    }
  }

  void CheckRejectMessage(const ast::Expr* message) {
    schema::Type type = exprs_.Check(message);
    if (type.IsError() || type.kind == schema::TypeKind::String) return;
    diagnostics_.Report(
        DiagnosticKind::TypeMismatch, message->range,
        fmt::format("the message after `else` must be a string, not {}", type.ToString()));
  }

  void CheckAssignment(const ast::Statement& statement) {
    if (statement.name.empty()) return;
    if (statement.name.size() > 1) {
      exprs_.Check(statement.value.get());
      diagnostics_.Report(DiagnosticKind::NotYetSupported, statement.name.back().range,
                          "assigning into nested record fields is not supported yet");
      return;
    }
    const ast::Identifier& name = statement.name.front();
    int field = target_->FindField(name.name);
    if (field < 0) {
      exprs_.Check(statement.value.get());
      Diagnostic& diagnostic =
          diagnostics_.Report(DiagnosticKind::UnknownField, name.range,
                              fmt::format("unknown field `{}` in target record `{}`", name.name,
                                          target_->QualifiedName()));
      std::string closest = ClosestName(name.name, target_->FieldNames());
      if (!closest.empty()) diagnostic.hint = fmt::format("did you mean `{}`?", closest);
      return;
    }

    const schema::FieldType& target_field = target_->fields[field];
    exprs_.CheckAssignable(statement.value.get(), target_field.type,
                           fmt::format("field `{}`", name.name));
    program_.statements[&statement].index = field;
    if (assigned_[field] != nullptr) {
      Diagnostic& diagnostic =
          diagnostics_.Report(DiagnosticKind::DuplicateAssignment, name.range,
                              fmt::format("field `{}` is assigned twice", name.name));
      diagnostic.notes.push_back({assigned_[field]->range, "the first assignment is here"});
      diagnostic.hint = "remove one assignment, or combine them with `if` or `??`";
      return;
    }
    assigned_[field] = &statement;
  }

  void ReportUnmapped() {
    std::vector<const schema::FieldType*> missing;
    for (size_t i = 0; i < target_->fields.size(); ++i) {
      const schema::FieldType& field = target_->fields[i];
      if (assigned_[i] == nullptr && !field.type.optional && !field.has_default() &&
          !field.type.IsError()) {
        missing.push_back(&field);
      }
    }
    if (missing.empty()) return;

    std::string names;
    for (const schema::FieldType* field : missing)
      names += (names.empty() ? "`" : ", `") + field->name + "`";
    Diagnostic& diagnostic = diagnostics_.Report(
        DiagnosticKind::UnmappedTargetField, rule_.target.range,
        fmt::format("required field{} of `{}` not mapped: {}", missing.size() == 1 ? "" : "s",
                    target_->QualifiedName(), names));
    diagnostic.hint = "assign each field, or declare it optional with `?` in the target schema";
    for (const schema::FieldType* field : missing) {
      diagnostic.notes.push_back({field->range, fmt::format("`{}` is declared here", field->name)});
    }
  }

  const ast::MapDecl& rule_;
  const schema::RecordType* target_;
  CheckedProgram& program_;
  DiagnosticEngine& diagnostics_;
  ExprChecker exprs_;
  std::vector<const ast::Statement*> assigned_;
};

}  // namespace

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

  int local_count = RuleChecker(rule, source, target, program, diagnostics).Run();
  program.rules.push_back({&rule, name, source, target, local_count});
}

}  // namespace weft::check
