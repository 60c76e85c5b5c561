#include "compiler/check/function_checker.h"

#include <fmt/format.h>

#include "compiler/check/expr_checker.h"
#include "compiler/check/schema_builder.h"

namespace weft::check {

void DeclareFunctions(const ast::File& file, CheckedProgram& program,
                      DiagnosticEngine& diagnostics) {
  for (const ast::FnDecl& decl : file.functions) {
    int existing = program.FindFunction(decl.name.name);
    if (existing >= 0 || stdlib::FindBuiltin(decl.name.name) != nullptr) {
      Diagnostic& diagnostic = diagnostics.Report(
          DiagnosticKind::DuplicateDeclaration, decl.name.range,
          existing >= 0 ? fmt::format("function `{}` is declared twice", decl.name.name)
                        : fmt::format("`{}` is a builtin function", decl.name.name));
      if (existing >= 0) {
        diagnostic.notes.push_back(
            {program.functions[existing].decl->name.range, "the first declaration is here"});
      }
      diagnostic.hint = "choose another name";
      continue;
    }
    CheckedFunction function;
    function.decl = &decl;
    function.name = decl.name.name;
    for (const ast::Param& param : decl.params) {
      function.parameters.push_back(ResolveType(param.type, program, diagnostics));
    }
    function.result = ResolveType(decl.result_type, program, diagnostics);
    program.functions.push_back(std::move(function));
  }
}

void CheckFunctionBodies(CheckedProgram& program, DiagnosticEngine& diagnostics) {
  // A function body has no source record; this empty one makes every field name unknown.
  static const schema::RecordType kNoRecord;
  for (const CheckedFunction& function : program.functions) {
    ExprChecker exprs(program, diagnostics, &kNoRecord);
    for (size_t i = 0; i < function.decl->params.size(); ++i) {
      exprs.DeclareParameter(function.decl->params[i].name, function.parameters[i]);
    }
    if (function.result.IsError()) continue;
    exprs.CheckAssignable(function.decl->body.get(), function.result,
                          fmt::format("the result of `{}`", function.name));
  }
}

}  // namespace weft::check
