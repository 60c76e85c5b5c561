// Lowers calls: of builtins, to runtime calls or IR operations, and of `fn` helpers, inlined.
#include <re2/re2.h>

#include <algorithm>
#include <stdexcept>

#include "compiler/ir/lowering.h"
#include "stdlib/currency.h"
#include "stdlib/regex.h"

namespace weft::ir {

NodePtr Lowering::LowerCall(const ast::CallExpr& expr, const check::ExprInfo& info) {
  if (info.resolution == check::Resolution::Function) return LowerFunctionCall(expr, info);
  ValueType type = ValueTypeOf(info.type);
  const stdlib::Builtin& builtin = *info.builtin;
  if (builtin.lowering == stdlib::Lowering::RuntimeCall) {
    return LowerRuntimeCall(expr, builtin, type);
  }
  std::vector<NodePtr> operands;
  switch (builtin.id) {
    case stdlib::BuiltinId::Round:
      return LowerRounding(LowerExpr(*expr.arguments[0]), type, RoundingOf(expr, builtin, 2));
    case stdlib::BuiltinId::Floor:
    case stdlib::BuiltinId::Ceil: {
      bool floor = builtin.id == stdlib::BuiltinId::Floor;
      NodePtr value = LowerExpr(*expr.arguments[0]);
      if (type.repr == Repr::Int) return value;
      return LowerRounding(std::move(value), type,
                           floor ? runtime::RoundingMode::Floor : runtime::RoundingMode::Ceiling);
    }
    case stdlib::BuiltinId::Abs:
      operands.push_back(LowerAs(*expr.arguments[0], type));
      return MakeNode(Op::Abs, type, std::move(operands));
    case stdlib::BuiltinId::Min:
    case stdlib::BuiltinId::Max:
      operands.push_back(LowerAs(*expr.arguments[0], type));
      operands.push_back(LowerAs(*expr.arguments[1], type));
      return MakeNode(builtin.id == stdlib::BuiltinId::Min ? Op::Minimum : Op::Maximum, type,
                      std::move(operands));
    case stdlib::BuiltinId::ToDecimal:
      operands.push_back(LowerExpr(*expr.arguments[0]));
      return MakeNode(Op::IntToDecimal, type, std::move(operands));
    case stdlib::BuiltinId::Count:
    case stdlib::BuiltinId::Any:
    case stdlib::BuiltinId::All:
      operands.push_back(LowerExpr(*expr.arguments[0]));
      return MakeNode(builtin.id == stdlib::BuiltinId::Count ? Op::Count
                      : builtin.id == stdlib::BuiltinId::Any ? Op::AnyTrue
                                                             : Op::AllTrue,
                      type, std::move(operands));
    case stdlib::BuiltinId::Sum: {
      ValueType list{Repr::List};
      // The items are brought to the sum's scale first; a fixed scale does not change.
      list.element = std::make_shared<const ValueType>(type.repr, type.scale);
      operands.push_back(LowerAs(*expr.arguments[0], list));
      return MakeNode(Op::Sum, type, std::move(operands));
    }
    case stdlib::BuiltinId::Distinct:
    case stdlib::BuiltinId::MinOfList:
    case stdlib::BuiltinId::MaxOfList:
      operands.push_back(LowerExpr(*expr.arguments[0]));
      return MakeNode(builtin.id == stdlib::BuiltinId::Distinct    ? Op::Distinct
                      : builtin.id == stdlib::BuiltinId::MinOfList ? Op::ListMinimum
                                                                   : Op::ListMaximum,
                      type, std::move(operands));
    case stdlib::BuiltinId::SortBy:
    case stdlib::BuiltinId::GroupSum: {
      bool sort = builtin.id == stdlib::BuiltinId::SortBy;
      operands.push_back(LowerExpr(*expr.arguments[0]));
      for (size_t i = 1; i < expr.arguments.size(); ++i) {
        const auto& function = static_cast<const ast::LambdaExpr&>(*expr.arguments[i]);
        operands.push_back(LowerExpr(*function.body));
      }
      NodePtr node = MakeNode(sort ? Op::SortBy : Op::GroupSum, type, std::move(operands));
      node->index = program_.Info(*expr.arguments[1]).index;
      if (!sort) node->integer = program_.Info(*expr.arguments[2]).index;
      return node;
    }
    case stdlib::BuiltinId::First:
    case stdlib::BuiltinId::Last:
      return LowerEnd(expr, type, builtin.id == stdlib::BuiltinId::First);
    default:
      break;
  }
  throw std::logic_error(
      "IR lowering reached a builtin with neither an implementation nor a lowering");
}

NodePtr Lowering::LowerEnd(const ast::CallExpr& expr, ValueType type, bool first) {
  std::vector<NodePtr> operands;
  operands.push_back(LowerExpr(*expr.arguments[0]));
  NodePtr index = MakeNode(Op::Constant, ValueType{Repr::Int});
  if (!first) {
    // count - 1, which is -1 and so absent for an empty list.
    std::vector<NodePtr> count;
    count.push_back(LowerExpr(*expr.arguments[0]));
    index->integer = 1;
    std::vector<NodePtr> difference;
    difference.push_back(MakeNode(Op::Count, ValueType{Repr::Int}, std::move(count)));
    difference.push_back(std::move(index));
    index = MakeNode(Op::Subtract, ValueType{Repr::Int}, std::move(difference));
  }
  operands.push_back(std::move(index));
  return MakeNode(Op::Element, type, std::move(operands));
}

NodePtr Lowering::LowerRounding(NodePtr value, ValueType type, runtime::RoundingMode mode) {
  // A quotient rounded to no more places than it has is divided to those places and rounded
  // once, so that rounding it twice cannot move a value that lies just below a half. A `let`
  // name bound to a quotient is rounded as the division it names.
  value = QuotientBeforeWidening(std::move(value));
  bool run_time_places = value->type.scale == schema::kAnyScale;
  int places = run_time_places ? runtime::kMinQuotientScale : value->type.scale;
  if (run_time_places || type.scale <= places) value = UnfoldBoundQuotient(std::move(value));
  bool quotient = value->op == Op::Divide && value->type.repr == Repr::Decimal && !value->rounded;
  if (quotient && run_time_places && type.scale > places) {
    // The quotient has at least `places` places, and more only when the dividend has more. Where
    // it has more than `type.scale`, it divides to `type.scale` places by `mode`. Otherwise it
    // keeps its own places and their rounding, and the rescale below only adds places.
    value->max_scale = type.scale;
    value->rounding = mode;
    value->rounded = true;
  } else if (quotient && type.scale <= places) {
    value->type.scale = type.scale;
    value->rounding = mode;
    value->rounded = true;
    return value;
  }

  // Rounding is a rescale to the constant number of places.
  if (value->type.scale == type.scale) return value;
  std::vector<NodePtr> operands;
  operands.push_back(std::move(value));
  NodePtr rescale = MakeNode(Op::Rescale, type, std::move(operands));
  rescale->rounding = mode;
  return rescale;
}

NodePtr Lowering::UnfoldBoundQuotient(NodePtr value) {
  if (value->op != Op::Local) return value;
  auto bound = bound_quotients_.find(value->index);
  if (bound == bound_quotients_.end()) return value;

  // The division is lowered where its `let` was, outside any inlined call. Its operands are
  // evaluated again, and any record they reject was rejected by the `let` before.
  std::vector<const ast::CallExpr*> calls;
  calls.swap(inlined_calls_);
  NodePtr quotient = LowerExpr(*bound->second);
  calls.swap(inlined_calls_);
  return quotient;
}

void Lowering::NoteBoundQuotient(int index, const ast::Expr& value, const Node& lowered) {
  if (lowered.op == Op::Divide && lowered.type.repr == Repr::Decimal) {
    bound_quotients_[index] = &value;
    return;
  }
  if (lowered.op != Op::Local) return;
  auto bound = bound_quotients_.find(lowered.index);
  if (bound != bound_quotients_.end()) bound_quotients_[index] = bound->second;
}

runtime::RoundingMode Lowering::RoundingOf(const ast::CallExpr& expr,
                                           const stdlib::Builtin& builtin, size_t index) {
  return static_cast<runtime::RoundingMode>(ChoiceIndex(expr, builtin.parameters[index], index));
}

int64_t Lowering::ChoiceIndex(const ast::CallExpr& expr, const stdlib::Parameter& parameter,
                              size_t index) {
  std::string text = index < expr.arguments.size() ? ConstantText(*expr.arguments[index])
                                                    : std::string(*parameter.default_argument);
  auto choice = std::find(parameter.choices.begin(), parameter.choices.end(), text);
  if (choice == parameter.choices.end()) {
    throw std::logic_error("IR lowering got a choice that the checker should have rejected");
  }
  return choice - parameter.choices.begin();
}

NodePtr Lowering::LowerRuntimeCall(const ast::CallExpr& expr, const stdlib::Builtin& builtin,
                                   ValueType type) {
  NodePtr call = MakeNode(Op::Call, type);
  call->builtin = &builtin;
  for (size_t i = 0; i < builtin.parameters.size(); ++i) {
    const stdlib::Parameter& parameter = builtin.parameters[i];
    if (i >= expr.arguments.size() && parameter.argument == stdlib::Argument::PatternYear) {
      // The checker lets a call leave out the year only where its pattern reads none.
      NodePtr zero = MakeNode(Op::Constant, {Repr::Int});
      zero->integer = 0;
      call->operands.push_back(std::move(zero));
      continue;
    }
    if (i >= expr.arguments.size() && parameter.argument != stdlib::Argument::Choice) {
      // A left-out string argument is its default text.
      NodePtr text = MakeNode(Op::Constant, {Repr::String});
      text->text = std::string(*parameter.default_argument);
      call->operands.push_back(std::move(text));
      continue;
    }
    switch (parameter.argument) {
      case stdlib::Argument::Value:
        call->operands.push_back(LowerValueArgument(*expr.arguments[i], parameter));
        break;
      case stdlib::Argument::Character:
      case stdlib::Argument::TimeZone:
      case stdlib::Argument::DatePattern:
      case stdlib::Argument::DateTimePattern:
      case stdlib::Argument::PatternYear:
      case stdlib::Argument::NumberPattern:
        call->operands.push_back(LowerExpr(*expr.arguments[i]));
        break;
      case stdlib::Argument::Choice: {
        NodePtr index = MakeNode(Op::Constant, {Repr::Int});
        index->integer = ChoiceIndex(expr, parameter, i);
        call->operands.push_back(std::move(index));
        break;
      }
      case stdlib::Argument::Regex:
        call->text = ConstantText(*expr.arguments[i]);
        call->regex = CompileRegex(call->text);
        break;
      case stdlib::Argument::ItemFunction:
        // Builtins that take a function of an item are IR operations, never runtime calls.
        throw std::logic_error("IR lowering reached a runtime call with a function argument");
      case stdlib::Argument::Replacement: {
        NodePtr rewrite = MakeNode(Op::Constant, {Repr::String});
        rewrite->text = stdlib::TranslateReplacement(ConstantText(*expr.arguments[i])).text;
        call->operands.push_back(std::move(rewrite));
        break;
      }
    }
  }
  if (builtin.id == stdlib::BuiltinId::RoundMoney) RoundQuotientToOdd(call->operands[0]);
  return call;
}

NodePtr Lowering::QuotientBeforeWidening(NodePtr value) {
  if (value->op != Op::Rescale || value->operands.size() != 1) return value;
  // A `fn` whose parameter passes its value to another `fn` widens it once for each.
  NodePtr inner = QuotientBeforeWidening(UnfoldBoundQuotient(std::move(value->operands[0])));
  bool quotient = inner->op == Op::Divide && inner->type.repr == Repr::Decimal;
  int scale = value->type.scale;
  bool widens = scale == schema::kAnyScale ||
                (inner->type.scale != schema::kAnyScale && scale >= inner->type.scale);
  if (quotient && widens) return inner;
  value->operands[0] = std::move(inner);
  return value;
}

void Lowering::RoundQuotientToOdd(NodePtr& amount) {
  // The places of the currency are known only at run time, so the quotient cannot be divided
  // to them as `round` divides to its own. A quotient has at least 6 places and a currency at
  // most 4, so rounding it to odd leaves round_money's result that of the exact quotient, as
  // RoundingMode::ToOdd explains.
  static_assert(runtime::kMinQuotientScale >= currency::kMaxMinorUnits + 2);
  amount = UnfoldBoundQuotient(QuotientBeforeWidening(std::move(amount)));
  // A quotient that `round`, `floor` or `ceil` has rounded is a value at the places they chose.
  if (amount->op != Op::Divide || amount->type.repr != Repr::Decimal || amount->rounded) return;
  amount->rounding = runtime::RoundingMode::ToOdd;
  amount->own_rounding = runtime::RoundingMode::ToOdd;
}

NodePtr Lowering::LowerValueArgument(const ast::Expr& argument,
                                     const stdlib::Parameter& parameter) {
  NodePtr value = LowerExpr(argument);
  // A runtime function over ints and decimals takes a decimal, so an int gets scale 0.
  bool to_decimal = parameter.int_or_decimal && parameter.type.kind == schema::TypeKind::Decimal &&
                    value->type.repr == Repr::Int;
  if (!to_decimal) return value;
  std::vector<NodePtr> operands;
  ValueType decimal{Repr::Decimal, 0, value->type.optional};
  operands.push_back(std::move(value));
  return MakeNode(Op::IntToDecimal, decimal, std::move(operands));
}

const re2::RE2* Lowering::CompileRegex(const std::string& pattern) {
  std::shared_ptr<const re2::RE2> regex = stdlib::CompileRegex(pattern);
  if (!regex->ok()) {
    throw std::logic_error("IR lowering got a regex that the checker should have rejected: " +
                           pattern);
  }
  regexes_.push_back(regex);
  return regex.get();
}

std::string Lowering::ConstantText(const ast::Expr& expr) {
  std::optional<check::Constant> constant = check::EvaluateConstant(expr);
  // A choice may be a bare name.
  bool text = constant && (constant->kind == check::Constant::Kind::String ||
                           constant->kind == check::Constant::Kind::Name);
  if (!text) {
    throw std::logic_error(
        "IR lowering got an argument that the checker should have required to "
        "be a string constant");
  }
  return constant->text;
}

NodePtr Lowering::LowerFunctionCall(const ast::CallExpr& expr, const check::ExprInfo& info) {
  const check::CheckedFunction& function = program_.functions[info.index];
  inlined_calls_.push_back(&expr);
  NodePtr body = LowerAs(*function.decl->body, ValueTypeOf(function.result));
  inlined_calls_.pop_back();
  return body;
}

NodePtr Lowering::LowerParameter(int index) {
  const ast::CallExpr* call = inlined_calls_.back();
  const check::CheckedFunction& function = program_.functions[program_.Info(*call).index];
  if (index < 0 || static_cast<size_t>(index) >= call->arguments.size()) {
    throw std::logic_error("IR lowering found an invalid parameter index in a function body");
  }
  // The argument belongs to the caller, so it is lowered outside the innermost call.
  inlined_calls_.pop_back();
  NodePtr argument = LowerAs(*call->arguments[index], ValueTypeOf(function.parameters[index]));
  inlined_calls_.push_back(call);
  return argument;
}

}  // namespace weft::ir
