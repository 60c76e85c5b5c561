#include "compiler/check/check.h"

#include <fmt/format.h>

#include "compiler/check/function_checker.h"
#include "compiler/check/rule_checker.h"
#include "compiler/check/schema_builder.h"
#include "compiler/check/table_checker.h"
#include "compiler/check/test_checker.h"

namespace weft::check {
namespace {

// Warns about imports from which the importing file uses no schema, table or rule.
void ReportUnusedImports(const CheckedProgram& program, DiagnosticEngine& diagnostics) {
  for (const auto& file : program.files) {
    for (const ast::ImportDecl& decl : file->imports) {
      if (!decl.file || *decl.file == file->file) continue;
      if (program.file_uses.count({file->file, *decl.file}) > 0) continue;
      diagnostics
          .Report(DiagnosticKind::UnusedImport, decl.range,
                  fmt::format("nothing declared in \"{}\" is used in this file", decl.path))
          .hint = "remove the import";
    }
  }
}

}  // namespace

const CheckedRule* CheckedProgram::FindRule(std::string_view name) const {
  for (const CheckedRule& rule : rules) {
    if (rule.name == name) return &rule;
  }
  return nullptr;
}

int CheckedProgram::FindTable(std::string_view name) const {
  for (size_t i = 0; i < tables.size(); ++i) {
    if (tables[i].name == name) return static_cast<int>(i);
  }
  return -1;
}

int CheckedProgram::FindFunction(std::string_view name) const {
  for (size_t i = 0; i < functions.size(); ++i) {
    if (functions[i].name == name) return static_cast<int>(i);
  }
  return -1;
}

const schema::Schema* CheckedProgram::FindSchema(std::string_view name) const {
  for (const auto& candidate : schemas) {
    if (candidate->name == name) return candidate.get();
  }
  return nullptr;
}

std::vector<std::string> CheckedProgram::RuleNames() const {
  std::vector<std::string> names;
  for (const CheckedRule& rule : rules) names.push_back(rule.name);
  return names;
}

void ReportUnknownField(DiagnosticEngine& diagnostics, const ast::Identifier& field,
                        const schema::RecordType& record) {
  Diagnostic& diagnostic = diagnostics.Report(
      DiagnosticKind::UnknownField, field.range,
      fmt::format("unknown field `{}` in record `{}`", field.name, record.QualifiedName()));
  std::string closest = ClosestName(field.name, record.FieldNames());
  if (!closest.empty()) diagnostic.hint = fmt::format("did you mean `{}`?", closest);
}

CheckedProgram Check(std::vector<std::unique_ptr<ast::File>> files, SourceManager& sources,
                     DiagnosticEngine& diagnostics, const TableLimits& table_limits) {
  CheckedProgram program;
  program.files = std::move(files);
  for (const auto& file : program.files) BuildSchemas(*file, program, sources, diagnostics);
  for (const auto& file : program.files) CheckTables(*file, program, sources, diagnostics, table_limits);
  for (const auto& file : program.files) DeclareFunctions(*file, program, diagnostics);
  CheckFunctionBodies(program, diagnostics);
  for (const auto& file : program.files) {
    for (const ast::MapDecl& rule : file->rules) CheckRule(rule, program, diagnostics);
  }
  CheckTests(program, diagnostics);
  ReportUnusedImports(program, diagnostics);
  return program;
}

}  // namespace weft::check
