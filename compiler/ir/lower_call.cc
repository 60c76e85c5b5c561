// Lowers calls: of builtins, to runtime calls or IR operations, and of `fn` helpers, inlined.
#include <re2/re2.h>

#include <algorithm>
#include <stdexcept>

#include "compiler/ir/lowering.h"
#include "stdlib/regex.h"

namespace weft::ir {

NodePtr Lowering::LowerCall(const ast::CallExpr& expr, const check::ExprInfo& info) {
  if (info.resolution == check::Resolution::Function) return LowerFunctionCall(expr, info);
  ValueType type = ValueTypeOf(info.type);
  if (info.builtin->lowering == stdlib::Lowering::RuntimeCall) {
    return LowerRuntimeCall(expr, *info.builtin, type);
  }
  std::vector<NodePtr> operands;
  switch (info.builtin->id) {
    case stdlib::BuiltinId::Round: {
      // Rounding is a rescale to the constant number of places.
      NodePtr value = LowerExpr(*expr.arguments[0]);
      if (value->type.scale == type.scale) return value;
      operands.push_back(std::move(value));
      return MakeNode(Op::Rescale, type, std::move(operands));
    }
    case stdlib::BuiltinId::ToDecimal:
      operands.push_back(LowerExpr(*expr.arguments[0]));
      return MakeNode(Op::IntToDecimal, type, std::move(operands));
    default:
      break;
  }
  throw std::logic_error(
      "IR lowering reached a builtin with neither an implementation nor a lowering");
}

NodePtr Lowering::LowerRuntimeCall(const ast::CallExpr& expr, const stdlib::Builtin& builtin,
                                   ValueType type) {
  NodePtr call = MakeNode(Op::Call, type);
  call->builtin = &builtin;
  for (size_t i = 0; i < builtin.parameters.size(); ++i) {
    const stdlib::Parameter& parameter = builtin.parameters[i];
    const ast::Expr& argument = *expr.arguments[i];
    switch (parameter.argument) {
      case stdlib::Argument::Value:
      case stdlib::Argument::Character:
        call->operands.push_back(LowerExpr(argument));
        break;
      case stdlib::Argument::Choice: {
        std::string text = ConstantText(argument);
        auto choice = std::find(parameter.choices.begin(), parameter.choices.end(), text);
        if (choice == parameter.choices.end()) {
          throw std::logic_error("IR lowering got a choice that the checker should have rejected");
        }
        NodePtr index = MakeNode(Op::Constant, {Repr::Int});
        index->integer = choice - parameter.choices.begin();
        call->operands.push_back(std::move(index));
        break;
      }
      case stdlib::Argument::Regex:
        call->text = ConstantText(argument);
        call->regex = CompileRegex(call->text);
        break;
      case stdlib::Argument::Replacement: {
        NodePtr rewrite = MakeNode(Op::Constant, {Repr::String});
        rewrite->text = stdlib::TranslateReplacement(ConstantText(argument)).text;
        call->operands.push_back(std::move(rewrite));
        break;
      }
    }
  }
  return call;
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
  if (!constant || constant->kind != check::Constant::Kind::String) {
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
