#include "compiler/lineage/expr_tracer.h"

#include <algorithm>

namespace weft::lineage {

void Reads::Add(const Reads& other) {
  fields.insert(other.fields.begin(), other.fields.end());
  tables.insert(other.tables.begin(), other.tables.end());
}

void Flow::Merge(const Flow& other) {
  values.insert(other.values.begin(), other.values.end());
  reads.Add(other.reads);
}

Reads Flow::Flatten() const {
  Reads all = reads;
  all.fields.insert(values.begin(), values.end());
  return all;
}

const check::ExprInfo* ExprTracer::InfoOf(const ast::Expr& expr) const {
  auto found = program_.exprs.find(&expr);
  return found == program_.exprs.end() ? nullptr : &found->second;
}

Flow ExprTracer::Trace(const ast::Expr* expr) {
  if (expr == nullptr) return {};
  const check::ExprInfo* info = InfoOf(*expr);
  if (info != nullptr && info->resolution == check::Resolution::EnumMember) return {};
  switch (expr->kind) {
    case ast::ExprKind::Name:
      return TraceName(static_cast<const ast::NameExpr&>(*expr), info);
    case ast::ExprKind::Member:
      return TraceMember(static_cast<const ast::MemberExpr&>(*expr));
    case ast::ExprKind::Index:
      return TraceIndex(static_cast<const ast::IndexExpr&>(*expr), info);
    case ast::ExprKind::Call:
      return TraceCall(static_cast<const ast::CallExpr&>(*expr), info);
    case ast::ExprKind::StringLiteral:
      return TraceString(static_cast<const ast::StringLiteral&>(*expr));
    case ast::ExprKind::Unary:
      return Trace(static_cast<const ast::UnaryExpr&>(*expr).operand.get());
    case ast::ExprKind::Binary: {
      const auto& binary = static_cast<const ast::BinaryExpr&>(*expr);
      Flow flow = Trace(binary.lhs.get());
      flow.Merge(Trace(binary.rhs.get()));
      return flow;
    }
    case ast::ExprKind::If:
      return TraceIf(static_cast<const ast::IfExpr&>(*expr));
    case ast::ExprKind::Match:
      return TraceMatch(static_cast<const ast::MatchExpr&>(*expr));
    case ast::ExprKind::List:
      return TraceAll(static_cast<const ast::ListExpr&>(*expr).items);
    case ast::ExprKind::Construct:
      return TraceConstruct(static_cast<const ast::ConstructExpr&>(*expr));
    case ast::ExprKind::Each:
      return TraceEach(static_cast<const ast::EachExpr&>(*expr));
    default:
      // Literals read nothing.
      return {};
  }
}

Flow ExprTracer::TraceName(const ast::NameExpr& expr, const check::ExprInfo* info) const {
  if (info == nullptr) return {};
  if (info->resolution == check::Resolution::SourceField) {
    Flow flow;
    flow.values.insert(expr.name.name);
    return flow;
  }
  if (info->resolution != check::Resolution::Local) return {};
  auto binding = std::find_if(bindings_.rbegin(), bindings_.rend(),
                              [&](const auto& entry) { return entry.first == expr.name.name; });
  return binding == bindings_.rend() ? Flow{} : binding->second;
}

Flow ExprTracer::TraceMember(const ast::MemberExpr& expr) {
  Flow base = Trace(expr.base.get());
  Flow flow;
  flow.reads = base.reads;
  for (const std::string& path : base.values) flow.values.insert(path + "." + expr.member.name);
  return flow;
}

Flow ExprTracer::TraceIndex(const ast::IndexExpr& expr, const check::ExprInfo* info) {
  if (info != nullptr && info->resolution == check::Resolution::Table) {
    Flow flow = TraceDecision(expr.index.get());
    flow.reads.tables.insert(program_.tables[info->index].name);
    return flow;
  }
  // A list element: its fields are read below the list's path.
  Flow flow = Trace(expr.base.get());
  flow.Merge(TraceDecision(expr.index.get()));
  return flow;
}

Flow ExprTracer::TraceCall(const ast::CallExpr& expr, const check::ExprInfo* info) {
  if (info != nullptr && info->resolution == check::Resolution::Function) {
    return TraceFunctionCall(expr, info->index);
  }
  // A function argument such as `line -> line.Price` reads the items of the first argument.
  Flow flow;
  Flow items;
  for (const ast::ExprPtr& argument : expr.arguments) {
    if (argument == nullptr || argument->kind != ast::ExprKind::Lambda) {
      Flow traced = Trace(argument.get());
      if (argument == expr.arguments.front()) items = traced;
      flow.Merge(std::move(traced));
      continue;
    }
    const auto& lambda = static_cast<const ast::LambdaExpr&>(*argument);
    Bind(lambda.parameter.name, items);
    flow.reads.Add(Trace(lambda.body.get()).Flatten());
    bindings_.pop_back();
  }
  return flow;
}

Flow ExprTracer::TraceFunctionCall(const ast::CallExpr& expr, int function) {
  bool recursive = std::find(active_functions_.begin(), active_functions_.end(), function) !=
                   active_functions_.end();
  const ast::FnDecl& decl = *program_.functions[function].decl;
  if (recursive || decl.params.size() != expr.arguments.size()) return TraceAll(expr.arguments);

  // A body can read only its parameters, so it gets a scope of its own.
  std::vector<std::pair<std::string, Flow>> parameters;
  for (size_t i = 0; i < decl.params.size(); ++i) {
    parameters.emplace_back(decl.params[i].name.name, Trace(expr.arguments[i].get()));
  }
  std::swap(bindings_, parameters);
  active_functions_.push_back(function);
  Flow flow = Trace(decl.body.get());
  active_functions_.pop_back();
  std::swap(bindings_, parameters);
  return flow;
}

Flow ExprTracer::TraceString(const ast::StringLiteral& expr) {
  Flow flow;
  for (const ast::StringPart& part : expr.parts) {
    if (part.interpolation) flow.Merge(Trace(part.interpolation.get()));
  }
  return flow;
}

Flow ExprTracer::TraceIf(const ast::IfExpr& expr) {
  Flow flow = TraceDecision(expr.condition.get());
  flow.Merge(Trace(expr.then_value.get()));
  flow.Merge(Trace(expr.else_value.get()));
  return flow;
}

Flow ExprTracer::TraceMatch(const ast::MatchExpr& expr) {
  Flow flow = TraceDecision(expr.subject.get());
  for (const ast::MatchArm& arm : expr.arms) flow.Merge(Trace(arm.value.get()));
  return flow;
}

Flow ExprTracer::TraceConstruct(const ast::ConstructExpr& expr) {
  size_t scope = bindings_.size();
  Flow flow;
  for (const ast::StatementPtr& statement : expr.body) {
    Flow value = Trace(statement->value.get());
    if (statement->kind == ast::StatementKind::Let && !statement->name.empty()) {
      Bind(statement->name.front().name, std::move(value));
      continue;
    }
    flow.reads.Add(value.Flatten());
    flow.reads.Add(Trace(statement->message.get()).Flatten());
  }
  bindings_.resize(scope);
  return flow;
}

Flow ExprTracer::TraceEach(const ast::EachExpr& expr) {
  Flow source = Trace(expr.source.get());
  Bind(expr.variable ? expr.variable->name : "it", source);
  Flow flow = TraceDecision(expr.filter.get());
  flow.reads.Add(Trace(expr.value.get()).Flatten());
  bindings_.pop_back();
  // The list itself is read to iterate it.
  flow.reads.Add(source.Flatten());
  return flow;
}

Flow ExprTracer::TraceAll(const std::vector<ast::ExprPtr>& exprs) {
  Flow flow;
  for (const ast::ExprPtr& expr : exprs) flow.Merge(Trace(expr.get()));
  return flow;
}

Flow ExprTracer::TraceDecision(const ast::Expr* expr) {
  Flow flow;
  flow.reads = Trace(expr).Flatten();
  return flow;
}

}  // namespace weft::lineage
