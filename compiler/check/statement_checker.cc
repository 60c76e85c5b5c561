// The statement half of ExprChecker: the body of a rule or of a record construction.
#include <fmt/format.h>

#include "compiler/check/expr_checker.h"

namespace weft::check {

using schema::Type;
using schema::TypeKind;

void ExprChecker::CheckBody(const std::vector<ast::StatementPtr>& body,
                            const schema::RecordType& target, SourceRange target_range) {
  std::vector<const ast::Statement*> assigned(target.fields.size(), nullptr);
  size_t depth = narrowed_.size();
  size_t first_local = locals_.size();
  for (const ast::StatementPtr& statement : body) CheckStatement(*statement, target, assigned);
  EndNarrowing(depth);
  // The `let` bindings of a record construction are not seen after its closing brace.
  EndScope(first_local);
  ReportUnmapped(target, assigned, target_range);
}

void ExprChecker::CheckStatement(const ast::Statement& statement,
                                 const schema::RecordType& target,
                                 std::vector<const ast::Statement*>& assigned) {
  switch (statement.kind) {
    case ast::StatementKind::Let: {
      Type type = Check(statement.value.get());
      if (type.kind == TypeKind::Null) {
        diagnostics_
            .Report(DiagnosticKind::TypeMismatch, statement.value->range,
                    "`let` cannot bind `null`, because it has no type of its own")
            .hint = "assign `null` to an optional field directly, or bind a typed value";
        type = Type::Error();
      }
      program_.statements[&statement].index = DeclareLocal(statement.name.front(), type);
      break;
    }
    case ast::StatementKind::Require:
      CheckCondition(statement.value.get(), "the condition of `require`");
      CheckRejectMessage(statement.message.get());
      // Later statements run only when the condition held.
      Narrow(statement.value.get(), true);
      break;
    case ast::StatementKind::Assign:
      CheckAssignment(statement, target, assigned);
      break;
  }
}

void ExprChecker::CheckRejectMessage(const ast::Expr* message) {
  Type type = Check(message);
  if (type.IsError() || type.kind == TypeKind::String) return;
  diagnostics_.Report(
      DiagnosticKind::TypeMismatch, message->range,
      fmt::format("the message after `else` must be a string, not {}", type.ToString()));
}

void ExprChecker::CheckAssignment(const ast::Statement& statement,
                                  const schema::RecordType& target,
                                  std::vector<const ast::Statement*>& assigned) {
  if (statement.name.empty()) return;
  if (statement.name.size() > 1) {
    Check(statement.value.get());
    diagnostics_
        .Report(DiagnosticKind::NotYetSupported, statement.name.back().range,
                "assigning to a field path is not supported")
        .hint = "build the nested record with a construction, such as "
                "`address = erp.Address { street = BillingStreet }`";
    return;
  }
  const ast::Identifier& name = statement.name.front();
  int field = target.FindField(name.name);
  if (field < 0) {
    Check(statement.value.get());
    Diagnostic& diagnostic = diagnostics_.Report(
        DiagnosticKind::UnknownField, name.range,
        fmt::format("unknown field `{}` in target record `{}`", name.name, target.QualifiedName()));
    std::string closest = ClosestName(name.name, target.FieldNames());
    if (!closest.empty()) diagnostic.hint = fmt::format("did you mean `{}`?", closest);
    return;
  }

  const schema::FieldType& target_field = target.fields[field];
  CheckAssignable(statement.value.get(), target_field.type, fmt::format("field `{}`", name.name),
                  &target_field.constraints);
  program_.statements[&statement].index = field;
  if (assigned[field] != nullptr) {
    Diagnostic& diagnostic =
        diagnostics_.Report(DiagnosticKind::DuplicateAssignment, name.range,
                            fmt::format("field `{}` is assigned twice", name.name));
    diagnostic.notes.push_back({assigned[field]->range, "the first assignment is here"});
    diagnostic.hint = "remove one assignment, or combine them with `if` or `??`";
    return;
  }
  assigned[field] = &statement;
}

void ExprChecker::ReportUnmapped(const schema::RecordType& target,
                                 const std::vector<const ast::Statement*>& assigned,
                                 SourceRange target_range) {
  std::vector<const schema::FieldType*> missing;
  for (size_t i = 0; i < target.fields.size(); ++i) {
    const schema::FieldType& field = target.fields[i];
    if (assigned[i] == nullptr && !field.type.optional && !field.has_default() &&
        !field.type.IsError()) {
      missing.push_back(&field);
    }
  }
  if (missing.empty()) return;

  std::string names;
  for (const schema::FieldType* field : missing)
    names += (names.empty() ? "`" : ", `") + field->name + "`";
  Diagnostic& diagnostic = diagnostics_.Report(
      DiagnosticKind::UnmappedTargetField, target_range,
      fmt::format("required field{} of `{}` not mapped: {}", missing.size() == 1 ? "" : "s",
                  target.QualifiedName(), names));
  diagnostic.hint = "assign each field, or declare it optional with `?` in the target schema";
  for (const schema::FieldType* field : missing) {
    diagnostic.notes.push_back({field->range, fmt::format("`{}` is declared here", field->name)});
  }
}

}  // namespace weft::check
