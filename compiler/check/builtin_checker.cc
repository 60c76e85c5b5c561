// Checks calls of the builtins of stdlib/builtins.h: argument count and types, the arguments
// that must be constants, and the result type.
#include <fmt/format.h>
#include <re2/re2.h>

#include <algorithm>

#include "compiler/check/date_pattern_checker.h"
#include "compiler/check/expr_checker.h"
#include "stdlib/currency.h"
#include "stdlib/dates.h"
#include "stdlib/number_format.h"
#include "stdlib/regex.h"

namespace weft::check {

using schema::Type;
using schema::TypeKind;

namespace {

// True when `pattern` uses RE2's `\C`, which matches a single byte even in UTF-8 mode.
bool HasByteEscape(std::string_view pattern) {
  for (size_t at = 0; at + 1 < pattern.size(); ++at) {
    if (pattern[at] != '\\') continue;
    if (pattern[at + 1] == 'C') return true;
    // The escaped character is skipped, so that `\\C` is a backslash followed by a C.
    ++at;
  }
  return false;
}

// Validates the arguments of one call that must be string constants (every stdlib::Argument but
// Value), and reports each mistake at its argument.
class ConstantArgumentChecker {
 public:
  ConstantArgumentChecker(DiagnosticEngine& diagnostics, const CheckedProgram& program,
                          const ast::CallExpr& call, const stdlib::Builtin& builtin)
      : diagnostics_(diagnostics), program_(program), call_(call), builtin_(builtin) {}

  // Returns false when an argument was reported.
  bool Check() {
    bool valid = true;
    for (size_t i = 0; i < call_.arguments.size(); ++i) {
      const stdlib::Parameter& parameter = builtin_.parameters[i];
      // A year argument may be any int, unless the call's pattern needs a pivot year, which
      // the pattern's check validates.
      bool value = parameter.argument == stdlib::Argument::Value ||
                   parameter.argument == stdlib::Argument::PatternYear ||
                   parameter.argument == stdlib::Argument::ItemFunction;
      if (value) continue;
      valid = CheckArgument(parameter, i) && valid;
    }
    return valid && CheckSeparators();
  }

 private:
  bool CheckArgument(const stdlib::Parameter& parameter, size_t index) {
    const ast::Expr& argument = *call_.arguments[index];
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
      case stdlib::Argument::TimeZone:
        // The pattern's check reports a zone that a pattern with an offset leaves unused.
        if (PatternReadsOffset(call_, builtin_)) return true;
        return CheckTimeZone(argument, *text);
      case stdlib::Argument::DatePattern:
      case stdlib::Argument::DateTimePattern:
        return CheckDatePattern(diagnostics_, call_, builtin_, index, *text);
      case stdlib::Argument::NumberPattern:
        return CheckNumberPattern(argument, *text);
      case stdlib::Argument::Value:
      case stdlib::Argument::PatternYear:
      case stdlib::Argument::ItemFunction:
        break;
    }
    return true;
  }

  // Returns the text of a string literal without interpolation, or of a choice's bare name;
  // reports any other argument.
  std::optional<std::string> ConstantText(const stdlib::Parameter& parameter,
                                          const ast::Expr& argument) {
    std::optional<Constant> constant = EvaluateConstant(argument);
    if (constant && constant->kind == Constant::Kind::String) return constant->text;
    // A bare name is a choice unless it names a field or a local.
    bool choice = parameter.argument == stdlib::Argument::Choice;
    auto info = program_.exprs.find(&argument);
    bool value = info == program_.exprs.end() || info->second.resolution != Resolution::None;
    if (constant && constant->kind == Constant::Kind::Name && choice && !value) {
      return constant->text;
    }

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
    // A choice may also be a bare name, so its message names one.
    std::string expected = choice ? fmt::format("a constant such as {}", parameter.choices[0])
                                  : "a string constant";
    diagnostics_
        .Report(DiagnosticKind::ConstantArgumentRequired, argument.range,
                fmt::format("the {} of `{}` must be {}, because it is checked before any record "
                            "is read",
                            parameter.name, builtin_.name, expected))
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
    if (regex->ok() && HasByteEscape(text)) {
      diagnostics_
          .Report(DiagnosticKind::InvalidRegex, argument.range,
                  "invalid regular expression: `\\C` matches one byte, which can split a "
                  "character and write invalid UTF-8")
          .hint = "use `.` to match one code point";
      return false;
    }
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

  bool CheckTimeZone(const ast::Expr& argument, const std::string& text) {
    if (dates::IsTimeZone(text)) return true;
    diagnostics_
        .Report(DiagnosticKind::InvalidConstantArgument, argument.range,
                fmt::format("\"{}\" is not a time zone in the system's IANA zone database", text))
        .hint =
        "write a zone name such as \"Europe/Berlin\" or \"America/New_York\", because a fixed "
        "offset such as \"+01:00\" does not follow daylight saving time";
    return false;
  }

  bool CheckNumberPattern(const ast::Expr& argument, const std::string& text) {
    numbers::NumberPattern pattern;
    std::string reason = numbers::ParseNumberPattern(text, pattern);
    if (reason.empty()) return true;
    diagnostics_
        .Report(DiagnosticKind::InvalidNumberPattern, argument.range,
                fmt::format("invalid number pattern \"{}\": {}", text, reason))
        .hint =
        "a pattern such as \"#,##0.00\" has `0` for a digit always written, `#` for one written "
        "when needed, `,` between groups and `.` before the places; write a currency sign or unit "
        "around the call";
    return false;
  }

  // Checks that the decimal and grouping separators of `format_number` differ, since a number
  // written with one character for both cannot be read back. Both are valid one-code-point
  // constants by now.
  bool CheckSeparators() {
    if (builtin_.id != stdlib::BuiltinId::FormatNumber) return true;
    auto separator = [&](size_t index) {
      if (index < call_.arguments.size()) return EvaluateConstant(*call_.arguments[index])->text;
      return std::string(*builtin_.parameters[index].default_argument);
    };
    if (separator(2) != separator(3)) return true;
    const ast::Expr& argument = *call_.arguments[std::min<size_t>(3, call_.arguments.size() - 1)];
    diagnostics_
        .Report(DiagnosticKind::InvalidConstantArgument, argument.range,
                fmt::format("the decimal and grouping separators of `format_number` are both "
                            "\"{}\"",
                            separator(2)))
        .hint = "give the grouping separator as the fourth argument, such as "
                "`format_number(x, \"#,##0.00\", \",\", \".\")`";
    return false;
  }

  DiagnosticEngine& diagnostics_;
  const CheckedProgram& program_;
  const ast::CallExpr& call_;
  const stdlib::Builtin& builtin_;
  // The call's valid regex, once checked.
  std::shared_ptr<const re2::RE2> regex_;
};

}  // namespace

bool ExprChecker::IsChoiceName(const stdlib::Builtin& builtin, size_t index,
                               const ast::Expr& argument) const {
  if (index >= builtin.parameters.size() || argument.kind != ast::ExprKind::Name) return false;
  if (builtin.parameters[index].argument != stdlib::Argument::Choice) return false;
  return !IsValueName(static_cast<const ast::NameExpr&>(argument).name.name);
}

Type ExprChecker::CheckBuiltinCall(const ast::CallExpr& expr, const stdlib::Builtin& builtin,
                                   std::vector<Type>& arguments) {
  // `x?.f()` calls `f` only when `x` is present, and is absent otherwise.
  bool chained_absent = expr.optional_chain && !arguments.empty() && arguments[0].optional;
  if (chained_absent) arguments[0].optional = false;
  if (!CheckArgumentCount(expr, builtin, arguments.size())) return Record(expr, Type::Error());

  bool valid = true;
  for (size_t i = 0; i < arguments.size(); ++i) {
    valid = CheckBuiltinArgument(expr, builtin, i, arguments) && valid;
  }
  if (!valid) return Record(expr, Type::Error());
  if (!ConstantArgumentChecker(diagnostics_, program_, expr, builtin).Check()) {
    return Record(expr, Type::Error());
  }
  if (!CheckCurrencyConstant(expr, builtin)) return Record(expr, Type::Error());

  Type result = BuiltinResult(expr, builtin, arguments);
  if (result.IsError()) return Record(expr, result);
  if (chained_absent) result.optional = true;
  Record(expr, result);
  program_.exprs[&expr].resolution = Resolution::Builtin;
  program_.exprs[&expr].builtin = &builtin;
  return result;
}

bool ExprChecker::CheckArgumentCount(const ast::CallExpr& expr, const stdlib::Builtin& builtin,
                                     size_t count) {
  size_t required = stdlib::RequiredArguments(builtin);
  size_t total = builtin.parameters.size();
  if (count >= required && count <= total) return true;
  std::string expected = required == total ? std::to_string(total)
                                           : fmt::format("{} or {}", required, total);
  if (total - required > 1) expected = fmt::format("{} to {}", required, total);
  diagnostics_
      .Report(DiagnosticKind::WrongArgumentCount, expr.range,
              fmt::format("`{}` takes {} argument{} but was given {}", builtin.name, expected,
                          total == 1 ? "" : "s", count))
      .hint = fmt::format("example: {}", builtin.example);
  return false;
}

bool ExprChecker::CheckBuiltinArgument(const ast::CallExpr& expr, const stdlib::Builtin& builtin,
                                       size_t index, std::vector<Type>& arguments) {
  const ast::Expr& argument = *expr.arguments[index];
  const stdlib::Parameter& parameter = builtin.parameters[index];
  Type& type = arguments[index];
  if (type.IsError()) return false;
  if (parameter.int_or_decimal) {
    // An int literal beside a decimal argument is a decimal, as in `min(Amount, 0)`.
    for (size_t other = 0; other < arguments.size(); ++other) {
      if (other != index && builtin.parameters[other].int_or_decimal) {
        AdaptIntLiteral(argument, type, arguments[other]);
      }
    }
  } else if (parameter.type.kind == TypeKind::Decimal) {
    AdaptIntLiteral(argument, type, Type::Decimal(1, 0));
  }
  if (parameter.argument == stdlib::Argument::ItemFunction) {
    // The typing rule checks the body's type, because what fits depends on the function's role.
    if (argument.kind == ast::ExprKind::Lambda) return true;
    diagnostics_
        .Report(DiagnosticKind::TypeMismatch, argument.range,
                fmt::format("argument {} of `{}` must be a function of an item", index + 1,
                            builtin.name))
        .hint = fmt::format("example: {}", builtin.example);
    return false;
  }
  if (!RequirePresent(argument, type, fmt::format("as an argument of `{}`", builtin.name))) {
    return false;
  }
  bool fits = parameter.int_or_decimal ? type.IsNumeric()
              : parameter.any_list     ? type.kind == TypeKind::List
                                       : type.SameKind(parameter.type);
  if (fits) return true;
  std::string expected = parameter.int_or_decimal               ? "an int or a decimal"
                         : parameter.any_list                       ? "a list"
                         : parameter.type.kind == TypeKind::Decimal ? "a decimal"
                                                                    : parameter.type.ToString();
  diagnostics_
      .Report(DiagnosticKind::TypeMismatch, argument.range,
              fmt::format("argument {} of `{}` must be {}, not {}", index + 1, builtin.name,
                          expected, type.ToString()))
      .hint = fmt::format("example: {}", builtin.example);
  return false;
}

std::optional<int64_t> ExprChecker::IntConstant(const ast::CallExpr& expr, size_t index,
                                                const std::string& what, int64_t minimum,
                                                int64_t maximum, const std::string& hint) {
  const ast::Expr& argument = *expr.arguments[index];
  int64_t value = -1;
  bool constant = argument.kind == ast::ExprKind::IntLiteral;
  if (constant) {
    const std::string& text = static_cast<const ast::NumberLiteral&>(argument).text;
    value = text.size() > 2 ? 99 : std::stoll(text);
  }
  if (constant && value >= minimum && value <= maximum) return value;
  diagnostics_
      .Report(constant ? DiagnosticKind::InvalidConstantArgument
                       : DiagnosticKind::ConstantArgumentRequired,
              argument.range,
              fmt::format("{} must be an integer constant from {} to {}", what, minimum, maximum))
      .hint = hint;
  return std::nullopt;
}

Type ExprChecker::BuiltinResult(const ast::CallExpr& expr, const stdlib::Builtin& builtin,
                                const std::vector<Type>& arguments) {
  switch (builtin.typing) {
    case stdlib::Typing::Fixed:
      return builtin.result;
    case stdlib::Typing::IntToDecimal:
      return Type::Decimal(19, 0);
    case stdlib::Typing::RoundToScale: {
      std::optional<int64_t> places =
          IntConstant(expr, 1, fmt::format("the decimal places of `{}`", builtin.name), 0,
                      schema::kMaxDecimalPrecision,
                      "write the number of places directly, such as `round(x, 2)`");
      if (!places) return Type::Error();
      return DecimalWithDigits(IntegerDigits(arguments[0]) + 1, static_cast<int>(*places));
    }
    case stdlib::Typing::ToZeroPlaces:
      if (arguments[0].kind == TypeKind::Int) return Type::Int();
      return DecimalWithDigits(IntegerDigits(arguments[0]) + 1, 0);
    case stdlib::Typing::SameAsArgument:
      return arguments[0].AsRequired();
    case stdlib::Typing::Unified:
      return UnifiedArguments(expr, builtin, arguments);
    case stdlib::Typing::PrecisionAndScale:
      return ConstantDecimalType(expr, builtin);
    case stdlib::Typing::ItemOfList:
      return arguments[0].element->AsOptional();
    case stdlib::Typing::SumOfList:
      return SumType(expr, builtin, arguments[0]);
    case stdlib::Typing::SortedList:
      if (!CheckKeyType(expr, 1, arguments[1], true)) return Type::Error();
      return arguments[0].AsRequired();
    case stdlib::Typing::GroupTotals:
      return GroupTotalsType(expr, builtin, arguments);
  }
  return Type::Error();
}

bool ExprChecker::CheckKeyType(const ast::CallExpr& expr, size_t index, const Type& key,
                               bool may_be_absent) {
  bool comparable = key.kind == TypeKind::String || key.kind == TypeKind::Int ||
                    key.kind == TypeKind::Decimal || key.kind == TypeKind::Bool ||
                    key.kind == TypeKind::Enum || key.kind == TypeKind::Date;
  if (comparable && (may_be_absent || !key.optional)) return true;
  const ast::Expr& argument = *expr.arguments[index];
  const ast::Expr& body = *static_cast<const ast::LambdaExpr&>(argument).body;
  diagnostics_
      .Report(DiagnosticKind::TypeMismatch, body.range,
              comparable ? fmt::format("a key may not be absent here, but it is {}",
                                       key.ToString())
                         : fmt::format("a key must be a string, int, decimal, bool, enum or "
                                       "date, not {}",
                                       key.ToString()))
      .hint = comparable ? "give absent keys a value, such as `x -> x.sku ?? \"\"`"
                         : "turn the value into one of those, such as with `\"{value}\"`";
  return false;
}

Type ExprChecker::GroupTotalsType(const ast::CallExpr& expr, const stdlib::Builtin& builtin,
                                  const std::vector<Type>& arguments) {
  if (!CheckKeyType(expr, 1, arguments[1], false)) return Type::Error();
  const Type& value = arguments[2];
  bool summable = !value.optional && (value.kind == TypeKind::Int ||
                                      (value.kind == TypeKind::Decimal &&
                                       value.scale != schema::kAnyScale));
  if (!summable) {
    const ast::Expr& body = *static_cast<const ast::LambdaExpr&>(*expr.arguments[2]).body;
    diagnostics_
        .Report(DiagnosticKind::TypeMismatch, body.range,
                fmt::format("`{}` totals ints or decimals with a fixed scale, not {}",
                            builtin.name, value.ToString()))
        .hint = "give absent values a value and round decimals to a scale first";
    return Type::Error();
  }
  // Each call gets a record type {key, total} of its own, which the program keeps.
  auto group = std::make_unique<schema::RecordType>();
  group->name = "Group";
  group->range = expr.range;
  schema::FieldType key_field;
  key_field.name = "key";
  key_field.type = arguments[1].AsRequired();
  schema::FieldType total_field;
  total_field.name = "total";
  total_field.type = value.kind == TypeKind::Int
                         ? Type::Int()
                         : Type::Decimal(schema::kMaxDecimalPrecision, value.scale);
  group->fields.push_back(std::move(key_field));
  group->fields.push_back(std::move(total_field));
  program_.synthesized_records.push_back(std::move(group));
  return Type::ListOf(Type::OfRecord(program_.synthesized_records.back().get()));
}

Type ExprChecker::SumType(const ast::CallExpr& expr, const stdlib::Builtin& builtin,
                          const Type& list) {
  const Type& item = *list.element;
  if (!item.optional && item.kind == TypeKind::Int) return Type::Int();
  if (!item.optional && item.kind == TypeKind::Decimal && item.scale != schema::kAnyScale) {
    return Type::Decimal(schema::kMaxDecimalPrecision, item.scale);
  }
  diagnostics_
      .Report(DiagnosticKind::TypeMismatch, expr.arguments[0]->range,
              fmt::format("`{}` adds up a list of ints or of decimals with a fixed scale, not {}",
                          builtin.name, list.ToString()))
      .hint = item.optional ? "give absent items a value first, such as `each xs as x -> x ?? 0`"
                            : "round the items to a scale first, such as `each xs as x -> "
                              "round(x, 2)`";
  return Type::Error();
}

Type ExprChecker::UnifiedArguments(const ast::CallExpr& expr, const stdlib::Builtin& builtin,
                                   const std::vector<Type>& arguments) {
  Type common = Unify(arguments[0].AsRequired(), arguments[1].AsRequired());
  if (!common.IsError()) return common;
  Diagnostic& diagnostic = diagnostics_.Report(
      DiagnosticKind::TypeMismatch, expr.range,
      fmt::format("the arguments of `{}` must both be ints or both be decimals, not {} and {}",
                  builtin.name, arguments[0].ToString(), arguments[1].ToString()));
  diagnostic.hint = "convert the int with `decimal(n)`";
  return Type::Error();
}

Type ExprChecker::ConstantDecimalType(const ast::CallExpr& expr, const stdlib::Builtin& builtin) {
  std::string example = fmt::format("write the digits directly, such as `{}(s, 18, 2)`",
                                    builtin.name);
  std::optional<int64_t> precision =
      IntConstant(expr, 1, fmt::format("the precision of `{}`", builtin.name), 1,
                  schema::kMaxDecimalPrecision, example);
  if (!precision) return Type::Error();
  std::optional<int64_t> scale = IntConstant(
      expr, 2, fmt::format("the scale of `{}`", builtin.name), 0, *precision, example);
  if (!scale) return Type::Error();
  Type result = Type::Decimal(static_cast<int>(*precision), static_cast<int>(*scale));
  result.optional = builtin.result.optional;
  return result;
}

bool ExprChecker::CheckCurrencyConstant(const ast::CallExpr& expr,
                                        const stdlib::Builtin& builtin) {
  // The currency argument: the text of `currency_code`, the code of the others.
  size_t index = builtin.id == stdlib::BuiltinId::RoundMoney ? 1 : 0;
  bool money = builtin.family == stdlib::Family::Money;
  if (!money || index >= expr.arguments.size()) return true;
  const ast::Expr& argument = *expr.arguments[index];
  std::optional<Constant> constant = EvaluateConstant(argument);
  if (!constant || constant->kind != Constant::Kind::String) return true;

  std::string reason;
  if (builtin.id == stdlib::BuiltinId::CurrencyCode) {
    std::optional<Constant> region;
    if (expr.arguments.size() > 1) region = EvaluateConstant(*expr.arguments[1]);
    // A region read from the data may still choose among the currencies of an ambiguous sign.
    bool region_known = expr.arguments.size() == 1 ||
                        (region && region->kind == Constant::Kind::String);
    currency::CurrencyCode(constant->text, region_known && region ? region->text : "", reason);
    if (!region_known && reason.find("ambiguous") != std::string::npos) reason.clear();
  } else {
    const currency::Currency* currency = currency::FindCurrency(constant->text);
    if (currency == nullptr) {
      reason = fmt::format("\"{}\" is not an ISO 4217 currency code", constant->text);
    } else if (currency->minor_units < 0) {
      reason = fmt::format("{} ({}) has no minor unit in ISO 4217", currency->code,
                           currency->name);
    }
  }
  if (reason.empty()) return true;
  diagnostics_.Report(DiagnosticKind::InvalidConstantArgument, argument.range, reason).hint =
      fmt::format("example: {}", builtin.example);
  return false;
}

}  // namespace weft::check
