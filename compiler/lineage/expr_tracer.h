#pragma once

// The expression walker behind TraceRule. Not part of the lineage interface.
#include <string>
#include <utility>
#include <vector>

#include "compiler/lineage/lineage.h"

namespace weft::lineage {

// What one value is computed from. `values` are the paths whose value the result may be, so
// that a field access on the result reads below them (`(Owner ?? Parent).Name` reads
// `Owner.Name` and `Parent.Name`). `reads` contains everything else that was read to compute it.
struct Flow {
  std::set<std::string> values;
  Reads reads;

  void Merge(const Flow& other);
  // Every field path and table that the value depends on.
  Reads Flatten() const;
};

// Traces the expressions of one rule. Names bound by `let`, `each` and `fn` parameters are
// followed to the flows of their values.
class ExprTracer {
 public:
  explicit ExprTracer(const check::CheckedProgram& program) : program_(program) {}

  Flow Trace(const ast::Expr* expr);
  // Binds `name` to `flow` for the names that follow, as a `let` does.
  void Bind(const std::string& name, Flow flow) { bindings_.emplace_back(name, std::move(flow)); }

 private:
  // The checker's facts about `expr`, or null for an expression it did not record, such as the
  // table name in a look-up.
  const check::ExprInfo* InfoOf(const ast::Expr& expr) const;
  Flow TraceName(const ast::NameExpr& expr, const check::ExprInfo* info) const;
  Flow TraceMember(const ast::MemberExpr& expr);
  Flow TraceIndex(const ast::IndexExpr& expr, const check::ExprInfo* info);
  Flow TraceCall(const ast::CallExpr& expr, const check::ExprInfo* info);
  // Follows a call of a `fn` helper into its body, with each parameter bound to its argument.
  Flow TraceFunctionCall(const ast::CallExpr& expr, int function);
  Flow TraceString(const ast::StringLiteral& expr);
  Flow TraceIf(const ast::IfExpr& expr);
  Flow TraceMatch(const ast::MatchExpr& expr);
  Flow TraceConstruct(const ast::ConstructExpr& expr);
  Flow TraceEach(const ast::EachExpr& expr);
  // The merged flows of `exprs`.
  Flow TraceAll(const std::vector<ast::ExprPtr>& exprs);
  // The flow of `expr` as something read to decide, not a value that is passed on.
  Flow TraceDecision(const ast::Expr* expr);

  const check::CheckedProgram& program_;
  // The names in scope, innermost last.
  std::vector<std::pair<std::string, Flow>> bindings_;
  // The `fn` helpers being followed, so that a recursive helper is not followed forever.
  std::vector<int> active_functions_;
};

}  // namespace weft::lineage
