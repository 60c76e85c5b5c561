// Lowering of lists and records: `each`, list literals, item indexing, fields of records that
// are not source paths, and record constructions.
#include "compiler/ir/lowering.h"

namespace weft::ir {
namespace {

NodePtr TrueConstant() {
  NodePtr node = MakeNode(Op::Constant, ValueType{Repr::Bool});
  node->integer = 1;
  return node;
}

// True when values of type `from` can be stored as `to` without converting each item.
bool SameLayout(const ValueType& from, const ValueType& to) {
  if (from.repr != to.repr) return false;
  if (from.repr == Repr::Decimal) return from.scale == to.scale;
  if (from.repr == Repr::List) {
    return from.element != nullptr && to.element != nullptr &&
           SameLayout(*from.element, *to.element);
  }
  return true;
}

}  // namespace

NodePtr Lowering::LowerField(const ast::MemberExpr& expr, const check::ExprInfo& info) {
  ValueType type = ValueTypeOf(info.type);
  ValueType loaded = type;
  loaded.optional = loaded.optional || info.narrowed;
  std::vector<NodePtr> operands;
  operands.push_back(LowerExpr(*expr.base));
  NodePtr node = MakeNode(Op::Field, loaded, std::move(operands));
  node->index = info.index;
  if (!info.narrowed) return node;
  std::vector<NodePtr> narrowed;
  narrowed.push_back(std::move(node));
  return MakeNode(Op::AssumePresent, type, std::move(narrowed));
}

NodePtr Lowering::LowerElement(const ast::IndexExpr& expr, const check::ExprInfo& info) {
  std::vector<NodePtr> operands;
  operands.push_back(LowerExpr(*expr.base));
  operands.push_back(LowerExpr(*expr.index));
  return MakeNode(Op::Element, ValueTypeOf(info.type), std::move(operands));
}

NodePtr Lowering::LowerEach(const ast::EachExpr& expr, const ValueType* element) {
  const check::ExprInfo& info = program_.Info(expr);
  ValueType type = ValueTypeOf(info.type);
  std::vector<NodePtr> operands;
  operands.push_back(LowerExpr(*expr.source));
  operands.push_back(expr.filter ? LowerExpr(*expr.filter) : TrueConstant());
  operands.push_back(element != nullptr ? LowerAs(*expr.value, *element)
                                        : LowerExpr(*expr.value));
  type.element = std::make_shared<const ValueType>(operands[2]->type);
  type.record = type.element->record;
  NodePtr node = MakeNode(Op::Each, type, std::move(operands));
  node->index = info.index;
  return node;
}

NodePtr Lowering::LowerList(const ast::Expr& expr, ValueType type) {
  if (expr.kind == ast::ExprKind::Each) {
    NodePtr node = LowerEach(static_cast<const ast::EachExpr&>(expr), type.element.get());
    node->type.optional = type.optional;
    return node;
  }
  if (expr.kind == ast::ExprKind::List) {
    std::vector<NodePtr> items;
    for (const ast::ExprPtr& item : static_cast<const ast::ListExpr&>(expr).items) {
      items.push_back(LowerAs(*item, *type.element));
    }
    type.optional = false;
    return MakeNode(Op::ListOf, type, std::move(items));
  }
  NodePtr node = LowerExpr(expr);
  if (node->op == Op::Null) {
    node->type = type;
    node->type.optional = true;
    return node;
  }
  return ConvertItems(std::move(node), type);
}

NodePtr Lowering::ConvertItems(NodePtr node, const ValueType& type) {
  if (SameLayout(node->type, type)) return node;

  // Items of another decimal scale are converted one by one, in an `each` over a new local.
  int local = local_count_++;
  ValueType item_type = *node->type.element;
  NodePtr item = MakeNode(Op::Local, item_type);
  item->index = local;
  std::vector<NodePtr> operands;
  ValueType result = type;
  result.optional = node->type.optional;
  operands.push_back(std::move(node));
  operands.push_back(TrueConstant());
  NodePtr converted = item_type.repr == Repr::List ? ConvertItems(std::move(item), *type.element)
                                                  : Convert(std::move(item), *type.element);
  // The checker rejects items that would lose places, so a rescale here only ever widens; one
  // that would not rejects the record rather than round.
  if (converted->op == Op::Rescale) converted->exact = true;
  operands.push_back(std::move(converted));
  NodePtr each = MakeNode(Op::Each, result, std::move(operands));
  each->index = local;
  return each;
}

NodePtr Lowering::LowerConstruct(const ast::ConstructExpr& expr, const check::ExprInfo& info) {
  NodePtr node = MakeNode(Op::Construct, ValueTypeOf(info.type));
  for (const ast::StatementPtr& statement : expr.body) {
    node->statements.push_back(LowerStatement(*statement, *info.type.record));
  }
  return node;
}

}  // namespace weft::ir
