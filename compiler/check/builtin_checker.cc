// Checks calls of the builtins of stdlib/builtins.h: argument count and types, the arguments
// that must be constants, and the result type.
#include <fmt/format.h>
#include <re2/re2.h>

#include <algorithm>

#include "compiler/check/expr_checker.h"
#include "stdlib/regex.h"

namespace weft::check {

using schema::Type;
using schema::TypeKind;

namespace {

// Validates the arguments of one call that must be string constants (every stdlib::Argument but
// Value), and reports each mistake at its argument.
class ConstantArgumentChecker {
 public:
  ConstantArgumentChecker(DiagnosticEngine& diagnostics, const ast::CallExpr& call,
                          const stdlib::Builtin& builtin)
      : diagnostics_(diagnostics), call_(call), builtin_(builtin) {}

  // Returns false when an argument was reported.
  bool Check() {
    bool valid = true;
    for (size_t i = 0; i < builtin_.parameters.size(); ++i) {
      const stdlib::Parameter& parameter = builtin_.parameters[i];
      if (parameter.argument == stdlib::Argument::Value) continue;
      valid = CheckArgument(parameter, *call_.arguments[i]) && valid;
    }
    return valid;
  }

 private:
  bool CheckArgument(const stdlib::Parameter& parameter, const ast::Expr& argument) {
    std::optional<std::string> text = ConstantText(parameter, argument);
    if (!text) return false;
    switch (parameter.argument) {
      case stdlib::Argument::Choice:
        return CheckChoice(parameter, argument, *text);
      case stdlib::Argument::Character:
        return CheckCharacter(parameter, argument, *text);
      case stdlib::Argument::Regex:
        return CheckRegex(argument, *text);
      case stdlib::Argument::Replacement:
        return CheckReplacement(argument, *text);
      case stdlib::Argument::Value:
        break;
    }
    return true;
  }

  // Returns the text of a string literal without interpolation; reports any other argument.
  std::optional<std::string> ConstantText(const stdlib::Parameter& parameter,
                                          const ast::Expr& argument) {
    std::optional<Constant> constant = EvaluateConstant(argument);
    if (constant && constant->kind == Constant::Kind::String) return constant->text;

    bool regex = parameter.argument == stdlib::Argument::Regex;
    if (argument.kind == ast::ExprKind::StringLiteral) {
      diagnostics_
          .Report(DiagnosticKind::ConstantArgumentRequired, argument.range,
                  fmt::format("the {} of `{}` contains `{{...}}`, which is string interpolation",
                              parameter.name, builtin_.name))
          .hint = regex ? "write the braces of a repetition as `\\{` and `\\}`, such as "
                          "\"[0-9]\\{5\\}\""
                        : "write a brace as `\\{` or `\\}`";
      return std::nullopt;
    }
    diagnostics_
        .Report(DiagnosticKind::ConstantArgumentRequired, argument.range,
                fmt::format("the {} of `{}` must be a string constant, because it is checked "
                            "before any record is read",
                            parameter.name, builtin_.name))
        .hint = fmt::format("example: {}", builtin_.example);
    return std::nullopt;
  }

  bool CheckChoice(const stdlib::Parameter& parameter, const ast::Expr& argument,
                   const std::string& text) {
    std::vector<std::string> choices(parameter.choices.begin(), parameter.choices.end());
    if (std::find(choices.begin(), choices.end(), text) != choices.end()) return true;

    std::string listed;
    for (size_t i = 0; i < choices.size(); ++i) {
      if (i > 0) listed += i + 1 == choices.size() ? " or " : ", ";
      listed += fmt::format("\"{}\"", choices[i]);
    }
    Diagnostic& diagnostic =
        diagnostics_.Report(DiagnosticKind::InvalidConstantArgument, argument.range,
                            fmt::format("the {} of `{}` must be {}, not \"{}\"", parameter.name,
                                        builtin_.name, listed, text));
    std::string closest = ClosestName(text, choices);
    if (!closest.empty()) diagnostic.hint = fmt::format("did you mean \"{}\"?", closest);
    return false;
  }

  bool CheckCharacter(const stdlib::Parameter& parameter, const ast::Expr& argument,
                      const std::string& text) {
    int64_t count = CodePointCount(text);
    if (count == 1) return true;
    diagnostics_
        .Report(DiagnosticKind::InvalidConstantArgument, argument.range,
                fmt::format("the {} of `{}` must be exactly one code point, not {}", parameter.name,
                            builtin_.name, count))
        .hint =
        "write one character, such as \"0\"; a letter with a combining accent is two "
        "code points, so write it composed (NFC)";
    return false;
  }

  bool CheckRegex(const ast::Expr& argument, const std::string& text) {
    std::shared_ptr<const re2::RE2> regex = stdlib::CompileRegex(text);
    if (regex->ok()) {
      regex_ = regex;
      return true;
    }
    diagnostics_
        .Report(DiagnosticKind::InvalidRegex, argument.range,
                fmt::format("invalid regular expression: {}", regex->error()))
        .hint = "regexes use RE2 syntax, which has no backreferences or lookaround";
    return false;
  }

  // Checks a replacement against the call's regex, which the parameters list before it.
  bool CheckReplacement(const ast::Expr& argument, const std::string& text) {
    stdlib::Rewrite rewrite = stdlib::TranslateReplacement(text);
    if (!rewrite.error.empty()) {
      diagnostics_
          .Report(DiagnosticKind::InvalidConstantArgument, argument.range,
                  fmt::format("invalid replacement: {}", rewrite.error))
          .hint = "`$1` to `$9` insert the groups, `$0` the whole match and `$$` a dollar sign";
      return false;
    }
    if (regex_ == nullptr || rewrite.max_group <= regex_->NumberOfCapturingGroups()) return true;
    int groups = regex_->NumberOfCapturingGroups();
    diagnostics_
        .Report(DiagnosticKind::InvalidConstantArgument, argument.range,
                fmt::format("the replacement inserts group ${}, but the regex has {} group{}",
                            rewrite.max_group, groups, groups == 1 ? "" : "s"))
        .hint =
        "the groups are the regex's parenthesized parts, counted from 1 at the left; `$0` "
        "is the whole match";
    return false;
  }

  DiagnosticEngine& diagnostics_;
  const ast::CallExpr& call_;
  const stdlib::Builtin& builtin_;
  // The call's valid regex, once checked.
  std::shared_ptr<const re2::RE2> regex_;
};

}  // namespace

Type ExprChecker::CheckBuiltinCall(const ast::CallExpr& expr, const stdlib::Builtin& builtin,
                                   std::vector<Type>& arguments) {
  // `x?.f()` calls `f` only when `x` is present, and is absent otherwise.
  bool chained_absent = expr.optional_chain && !arguments.empty() && arguments[0].optional;
  if (chained_absent) arguments[0].optional = false;
  if (arguments.size() != builtin.parameters.size()) {
    diagnostics_
        .Report(DiagnosticKind::WrongArgumentCount, expr.range,
                fmt::format("`{}` takes {} argument{} but was given {}", builtin.name,
                            builtin.parameters.size(), builtin.parameters.size() == 1 ? "" : "s",
                            arguments.size()))
        .hint = fmt::format("example: {}", builtin.example);
    return Record(expr, Type::Error());
  }

  bool valid = true;
  for (size_t i = 0; i < arguments.size(); ++i) {
    const ast::Expr& argument = *expr.arguments[i];
    const Type& expected = builtin.parameters[i].type;
    if (arguments[i].IsError()) {
      valid = false;
      continue;
    }
    if (expected.kind == TypeKind::Decimal) {
      AdaptIntLiteral(argument, arguments[i], Type::Decimal(1, 0));
    }
    if (!RequirePresent(argument, arguments[i],
                        fmt::format("as an argument of `{}`", builtin.name))) {
      valid = false;
    } else if (!arguments[i].SameKind(expected)) {
      diagnostics_
          .Report(
              DiagnosticKind::TypeMismatch, argument.range,
              fmt::format("argument {} of `{}` must be {}, not {}", i + 1, builtin.name,
                          expected.kind == TypeKind::Decimal ? "a decimal" : expected.ToString(),
                          arguments[i].ToString()))
          .hint = fmt::format("example: {}", builtin.example);
      valid = false;
    }
  }
  if (!valid) return Record(expr, Type::Error());
  if (!ConstantArgumentChecker(diagnostics_, expr, builtin).Check()) {
    return Record(expr, Type::Error());
  }

  Type result = builtin.result;
  if (builtin.typing == stdlib::Typing::IntToDecimal) result = Type::Decimal(19, 0);
  if (builtin.typing == stdlib::Typing::RoundToScale) {
    const ast::Expr& places = *expr.arguments[1];
    int64_t scale = -1;
    if (places.kind == ast::ExprKind::IntLiteral) {
      const std::string& text = static_cast<const ast::NumberLiteral&>(places).text;
      scale = text.size() > 2 ? 99 : std::stoll(text);
    }
    if (scale < 0 || scale > schema::kMaxDecimalPrecision) {
      diagnostics_
          .Report(
              DiagnosticKind::ConstantArgumentRequired, places.range,
              fmt::format("the decimal places of `round` must be an integer constant from 0 to {}",
                          schema::kMaxDecimalPrecision))
          .hint = "write the number of places directly, such as `round(x, 2)`";
      return Record(expr, Type::Error());
    }
    result = DecimalWithDigits(IntegerDigits(arguments[0]) + 1, static_cast<int>(scale));
  }
  if (chained_absent) result.optional = true;
  Record(expr, result);
  program_.exprs[&expr].resolution = Resolution::Builtin;
  program_.exprs[&expr].builtin = &builtin;
  return result;
}

}  // namespace weft::check
