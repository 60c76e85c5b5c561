// Lowering of `match` and table look-ups into chains of comparisons and selections.
#include <stdexcept>

#include "compiler/check/constants.h"
#include "compiler/ir/lowering.h"
#include "runtime/decimal.h"

namespace weft::ir {

using schema::TypeKind;

NodePtr Lowering::LowerConstant(const check::Constant& constant, const schema::Type& type) {
  ValueType value_type = ValueTypeOf(type.AsRequired());
  if (constant.kind == check::Constant::Kind::Null) {
    value_type.optional = true;
    return MakeNode(Op::Null, value_type);
  }
  NodePtr node = MakeNode(Op::Constant, value_type);
  switch (value_type.repr) {
    case Repr::Bool:
      node->integer = constant.text == "true" ? 1 : 0;
      break;
    case Repr::Int:
      node->integer = static_cast<int64_t>(ParseLiteral(constant.text, 0));
      break;
    case Repr::Decimal:
      node->decimal = ParseLiteral(constant.text, type.scale);
      break;
    case Repr::String:
      // Strings, enum members and dates alike are their text.
      node->text = constant.text;
      break;
  }
  return node;
}

NodePtr Lowering::Compare(NodePtr subject, NodePtr constant) {
  std::vector<NodePtr> operands;
  operands.push_back(std::move(subject));
  operands.push_back(std::move(constant));
  return MakeNode(Op::Equal, ValueType{Repr::Bool}, std::move(operands));
}

NodePtr Lowering::Choose(NodePtr condition, NodePtr then_value, NodePtr else_value,
                         ValueType type) {
  std::vector<NodePtr> operands;
  operands.push_back(std::move(condition));
  operands.push_back(std::move(then_value));
  operands.push_back(std::move(else_value));
  return MakeNode(Op::Select, type, std::move(operands));
}

NodePtr Lowering::LowerMatch(const ast::MatchExpr& expr, ValueType type) {
  const schema::Type& subject_type = program_.Info(*expr.subject).type;
  // Arms are tried from the last to the first, so that the first matching arm wins; the last
  // arm is the fallback, because the checker proved that the arms cover every value.
  NodePtr result;
  for (auto arm = expr.arms.rbegin(); arm != expr.arms.rend(); ++arm) {
    NodePtr value = LowerAs(*arm->value, type);
    if (result == nullptr) {
      result = std::move(value);
      continue;
    }
    NodePtr condition;
    for (const ast::Pattern& pattern : arm->patterns) {
      NodePtr test = PatternTest(pattern, *expr.subject, subject_type);
      if (test == nullptr) {
        condition = nullptr;  // `_` matches everything.
        break;
      }
      if (condition == nullptr) {
        condition = std::move(test);
        continue;
      }
      std::vector<NodePtr> either;
      either.push_back(std::move(condition));
      either.push_back(std::move(test));
      condition = MakeNode(Op::Or, ValueType{Repr::Bool}, std::move(either));
    }
    result = condition == nullptr ? std::move(value)
                                  : Choose(std::move(condition), std::move(value),
                                           std::move(result), type);
  }
  return result;
}

NodePtr Lowering::PatternTest(const ast::Pattern& pattern, const ast::Expr& subject,
                              const schema::Type& subject_type) {
  check::Constant constant{check::Constant::Kind::Name, ""};
  if (pattern.name) {
    constant.text = pattern.name->parts.back().name;
  } else if (pattern.literal != nullptr) {
    constant = *check::EvaluateConstant(*pattern.literal);
  } else {
    return nullptr;
  }
  if (constant.kind == check::Constant::Kind::Null) {
    std::vector<NodePtr> operands;
    operands.push_back(LowerExpr(subject));
    NodePtr present = MakeNode(Op::IsPresent, ValueType{Repr::Bool}, std::move(operands));
    std::vector<NodePtr> negated;
    negated.push_back(std::move(present));
    return MakeNode(Op::Not, ValueType{Repr::Bool}, std::move(negated));
  }
  return Compare(LowerExpr(subject), LowerConstant(constant, subject_type));
}

NodePtr Lowering::LowerTableLookup(const ast::IndexExpr& expr, const check::ExprInfo& info) {
  const check::CheckedTable& table = program_.tables[info.index];
  ValueType type = ValueTypeOf(info.type);
  const schema::Type& key_type = program_.Info(*expr.index).type;

  // TODO: a large table deserves a hash look-up in the runtime instead of a comparison chain.
  NodePtr result;
  for (auto entry = table.decl->entries.rbegin(); entry != table.decl->entries.rend(); ++entry) {
    if (entry->key == nullptr) {
      result = Convert(LowerConstant(*check::EvaluateConstant(*entry->value), table.value), type);
    }
  }
  if (result == nullptr) result = MakeNode(Op::Null, ValueType{type.repr, type.scale, true});
  for (auto entry = table.decl->entries.rbegin(); entry != table.decl->entries.rend(); ++entry) {
    if (entry->key == nullptr) continue;
    NodePtr value =
        Convert(LowerConstant(*check::EvaluateConstant(*entry->value), table.value), type);
    NodePtr key = LowerConstant(*check::EvaluateConstant(*entry->key), table.key);
    result = Choose(Compare(LowerExpr(*expr.index), std::move(key)), std::move(value),
                    std::move(result), type);
  }
  if (!key_type.optional) return result;
  // An absent key finds nothing, even in a table with `else`.
  std::vector<NodePtr> operands;
  operands.push_back(LowerExpr(*expr.index));
  return Choose(MakeNode(Op::IsPresent, ValueType{Repr::Bool}, std::move(operands)),
                std::move(result), MakeNode(Op::Null, type), type);
}

}  // namespace weft::ir
