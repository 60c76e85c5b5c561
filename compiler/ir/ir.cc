#include "compiler/ir/ir.h"

#include <fmt/format.h>

#include "runtime/decimal.h"

namespace weft::ir {
namespace {

const char* OpName(Op op) {
  switch (op) {
    case Op::Constant:
      return "const";
    case Op::Null:
      return "null";
    case Op::Source:
      return "source";
    case Op::Local:
      return "local";
    case Op::AssumePresent:
      return "assume_present";
    case Op::IsPresent:
      return "is_present";
    case Op::Rescale:
      return "rescale";
    case Op::Abs:
      return "abs";
    case Op::Minimum:
      return "min";
    case Op::Maximum:
      return "max";
    case Op::IntToDecimal:
      return "int_to_decimal";
    case Op::Negate:
      return "negate";
    case Op::Add:
      return "add";
    case Op::Subtract:
      return "subtract";
    case Op::Multiply:
      return "multiply";
    case Op::Divide:
      return "divide";
    case Op::Remainder:
      return "remainder";
    case Op::Equal:
      return "eq";
    case Op::NotEqual:
      return "ne";
    case Op::Less:
      return "lt";
    case Op::LessEqual:
      return "le";
    case Op::Greater:
      return "gt";
    case Op::GreaterEqual:
      return "ge";
    case Op::And:
      return "and";
    case Op::Or:
      return "or";
    case Op::Not:
      return "not";
    case Op::Coalesce:
      return "coalesce";
    case Op::Select:
      return "select";
    case Op::Concat:
      return "concat";
    case Op::ToString:
      return "to_string";
    case Op::DateTimeText:
      return "datetime_text";
    case Op::Call:
      return "call";
    case Op::TableLookup:
      return "table_lookup";
    case Op::Each:
      return "each";
    case Op::Construct:
      return "construct";
    case Op::ListOf:
      return "list";
    case Op::Field:
      return "field";
    case Op::Element:
      return "element";
    case Op::Count:
      return "count";
    case Op::Sum:
      return "sum";
    case Op::AnyTrue:
      return "any";
    case Op::AllTrue:
      return "all";
    case Op::SortBy:
      return "sort_by";
    case Op::Distinct:
      return "distinct";
    case Op::ListMinimum:
      return "list_min";
    case Op::ListMaximum:
      return "list_max";
    case Op::GroupSum:
      return "group_sum";
    case Op::EpochSeconds:
      return "epoch_seconds";
    case Op::SecondsOfDay:
      return "seconds_of_day";
  }
  return "?";
}

void DumpStatement(const Statement& statement, std::string& out);

std::string TypeName(const ValueType& type) {
  std::string name;
  switch (type.repr) {
    case Repr::Bool:
      name = "bool";
      break;
    case Repr::Int:
      name = "int";
      break;
    case Repr::Decimal:
      name = fmt::format("dec{}", type.scale);
      break;
    case Repr::String:
      name = "str";
      break;
    case Repr::Float:
      name = "float";
      break;
    case Repr::List:
      name = type.element ? "list<" + TypeName(*type.element) + ">" : "list";
      break;
    case Repr::Record:
      name = type.record ? type.record->name : "record";
      break;
  }
  return type.optional ? name + "?" : name;
}

void DumpNode(const Node& node, std::string& out) {
  out += fmt::format("({}:{}", OpName(node.op), TypeName(node.type));
  if (node.op == Op::Constant) {
    switch (node.type.repr) {
      case Repr::Bool:
        out += node.integer != 0 ? " true" : " false";
        break;
      case Repr::Int:
        out += fmt::format(" {}", node.integer);
        break;
      case Repr::Decimal:
        out += " " + runtime::DecimalToString(node.decimal, 0);
        break;
      case Repr::String:
        out += " " + ast::Quoted(node.text);
        break;
      case Repr::Float:
        out += fmt::format(" {}", node.real);
        break;
      default:
        break;
    }
  }
  if (node.op == Op::Source || node.op == Op::Local || node.op == Op::Field) {
    out += fmt::format(" #{}", node.index);
  }
  if (node.op == Op::Each || node.op == Op::SortBy || node.op == Op::GroupSum) {
    out += fmt::format(" %{}", node.index);
  }
  if (node.op == Op::Call) out += fmt::format(" {}", node.builtin->name);
  // The default rounding stays unwritten, so that dumps of plain rescales read as before.
  bool rounds = (node.op == Op::Rescale && !node.exact) ||
                (node.op == Op::Divide && node.type.repr == Repr::Decimal);
  if (rounds && node.rounding != runtime::RoundingMode::HalfUp) {
    out += node.rounding == runtime::RoundingMode::ToOdd
               ? std::string(" TO_ODD")
               : fmt::format(" {}", runtime::kRoundingModeNames[static_cast<int>(node.rounding)]);
  }
  if (node.op == Op::Divide && node.max_scale != runtime::kMaxDigits) {
    out += fmt::format(" max_scale {}", node.max_scale);
  }
  if (node.regex != nullptr) out += " regex " + ast::Quoted(node.text);
  for (const NodePtr& operand : node.operands) {
    out += ' ';
    DumpNode(*operand, out);
  }
  for (const Statement& statement : node.statements) {
    out += " {";
    DumpStatement(statement, out);
    out += '}';
  }
  out += ')';
}

void DumpStatement(const Statement& statement, std::string& out) {
  switch (statement.kind) {
    case StatementKind::Let:
      out += fmt::format("let %{} = ", statement.index);
      break;
    case StatementKind::Require:
      out += "require ";
      break;
    case StatementKind::Store:
      out += fmt::format("store #{} {}:{} = ", statement.index, statement.field,
                         TypeName(statement.field_type));
      break;
  }
  DumpNode(*statement.value, out);
  if (statement.message) {
    out += " else ";
    DumpNode(*statement.message, out);
  }
}

}  // namespace

std::string Dump(const Rule& rule) {
  std::string out = fmt::format("rule {}: {} -> {}\n", rule.name, rule.source->QualifiedName(),
                                rule.target->QualifiedName());
  if (rule.condition) {
    out += "  when ";
    DumpNode(*rule.condition, out);
    out += '\n';
  }
  for (const Statement& statement : rule.body) {
    out += "  ";
    DumpStatement(statement, out);
    out += '\n';
  }
  return out;
}

}  // namespace weft::ir
