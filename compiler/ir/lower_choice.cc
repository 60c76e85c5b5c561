// Lowering of `match` into chains of comparisons and selections, and of table look-ups into
// calls of the runtime's hash look-up.
#include <cstdlib>
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
      if (type.scale == schema::kAnyScale) {
        // A constant keeps the places it is written with, and the node's scale records how many.
        int scale = 0;
        runtime::ParseDecimalKeepingScale(constant.text, node->decimal, scale);
        node->type.scale = scale;
      } else {
        node->decimal = ParseLiteral(constant.text, type.scale);
      }
      break;
    case Repr::List:
    case Repr::Record:
      // The checker allows no constant of these types.
      break;
    case Repr::String:
      // Strings, enum members and dates alike are their text.
      node->text = constant.text;
      break;
    case Repr::Float:
      node->real = std::strtod(constant.text.c_str(), nullptr);
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
  // The chain is built from the last arm to the first, so that the first matching arm wins. The
  // last arm is the fallback, because the checker proved that the arms cover every value.
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
  return Compare(Comparable(LowerExpr(subject), subject_type.kind),
                 Comparable(LowerConstant(constant, subject_type), subject_type.kind));
}

const runtime::ValueTable* Lowering::BuildTable(int index) {
  std::shared_ptr<runtime::ValueTable>& built = tables_[index];
  if (built != nullptr) return built.get();
  built = std::make_shared<runtime::ValueTable>();
  const check::CheckedTable& table = program_.tables[index];
  auto to_slot = [&](const check::Constant& constant) {
    NodePtr value = LowerConstant(constant, table.value);
    WeftSlot slot{};
    slot.present = value->op == Op::Null ? 0 : 1;
    switch (value->type.repr) {
      case Repr::Bool:
        slot.boolean = static_cast<uint8_t>(value->integer);
        break;
      case Repr::Int:
        slot.integer = value->integer;
        break;
      case Repr::Decimal:
        slot.decimal = value->decimal;
        slot.scale = value->type.scale;
        break;
      case Repr::Float:
        slot.real = value->real;
        break;
      case Repr::String: {
        std::string_view text = built->Keep(value->text);
        slot.string = {text.data(), static_cast<int64_t>(text.size())};
        break;
      }
      case Repr::List:
      case Repr::Record:
        // Table values are scalars.
        break;
    }
    return slot;
  };
  for (const check::TableRow& row : table.rows) {
    // Keys are compared as text: a string or enum member as written, an int in decimal.
    std::string text = row.key.text;
    if (row.key.kind == check::Constant::Kind::Int) {
      text = std::to_string(static_cast<int64_t>(ParseLiteral(row.key.text, 0)));
    }
    built->Add(std::move(text), to_slot(row.value));
  }
  if (table.fallback) built->SetFallback(to_slot(*table.fallback));
  return built.get();
}

std::vector<std::shared_ptr<const runtime::ValueTable>> Lowering::TakeTables() {
  std::vector<std::shared_ptr<const runtime::ValueTable>> tables;
  for (auto& [index, table] : tables_) tables.push_back(std::move(table));
  tables_.clear();
  return tables;
}

NodePtr Lowering::LowerTableLookup(const ast::IndexExpr& expr, const check::ExprInfo& info) {
  const check::CheckedTable& table = program_.tables[info.index];
  // The slot carries the value at the table's own type. The node has that type, and LowerAs
  // converts it where the value is used.
  ValueType type = ValueTypeOf(table.value);
  type.optional = true;
  std::vector<NodePtr> operands;
  operands.push_back(LowerExpr(*expr.index));
  NodePtr lookup = MakeNode(Op::TableLookup, type, std::move(operands));
  lookup->table = BuildTable(info.index);
  if (info.type.optional) return lookup;
  // A total table (with `else`, or listing every member of its enum key type) always finds a
  // value for a present key.
  std::vector<NodePtr> present;
  present.push_back(std::move(lookup));
  ValueType required = type;
  required.optional = false;
  return MakeNode(Op::AssumePresent, required, std::move(present));
}

}  // namespace weft::ir
