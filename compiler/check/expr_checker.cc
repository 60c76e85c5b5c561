#include "compiler/check/expr_checker.h"

#include <fmt/format.h>

#include <algorithm>
#include <limits>

namespace weft::check {

using schema::Type;
using schema::TypeKind;

namespace {

constexpr std::string_view kOptionalHint =
    "give a default with `??`, or check it first with `require {} != null else \"...\"`";

// The text of an expression that is a plain name, for hints; "" otherwise.
std::string NameOf(const ast::Expr& expr) {
  if (expr.kind == ast::ExprKind::Name) return static_cast<const ast::NameExpr&>(expr).name.name;
  return "";
}

// Returns the text of a name or of a `.member` chain on a name, such as "Owner.Boss", which
// `require` can make present. Any other expression, a `?.` chain included, gives "".
std::string CheckablePathOf(const ast::Expr& expr) {
  if (expr.kind == ast::ExprKind::Name) return NameOf(expr);
  if (expr.kind != ast::ExprKind::Member) return "";
  const auto& member = static_cast<const ast::MemberExpr&>(expr);
  if (member.base == nullptr || member.optional_chain) return "";
  std::string base = CheckablePathOf(*member.base);
  return base.empty() ? "" : base + "." + member.member.name;
}

bool IsNumberLiteral(const ast::Expr& expr) {
  if (expr.kind == ast::ExprKind::IntLiteral || expr.kind == ast::ExprKind::DecimalLiteral) {
    return true;
  }
  if (expr.kind != ast::ExprKind::Unary) return false;
  const auto& unary = static_cast<const ast::UnaryExpr&>(expr);
  return unary.op == ast::UnaryOp::Negate && unary.operand != nullptr &&
         IsNumberLiteral(*unary.operand);
}

bool IsIntLiteral(const ast::Expr& expr) {
  if (expr.kind == ast::ExprKind::IntLiteral) return true;
  if (expr.kind != ast::ExprKind::Unary) return false;
  const auto& unary = static_cast<const ast::UnaryExpr&>(expr);
  return unary.op == ast::UnaryOp::Negate && unary.operand != nullptr &&
         IsIntLiteral(*unary.operand);
}

}  // namespace

int IntegerDigits(const Type& type) {
  return type.scale == schema::kAnyScale ? schema::kMaxDecimalPrecision
                                         : type.precision - type.scale;
}

Type DecimalWithDigits(int integer_digits, int scale) {
  if (scale == schema::kAnyScale) {
    return Type::Decimal(schema::kMaxDecimalPrecision, schema::kAnyScale);
  }
  return Type::Decimal(std::min(schema::kMaxDecimalPrecision, std::max(1, integer_digits + scale)),
                       scale);
}

Type Unify(const Type& a, const Type& b) {
  if (a.IsError() || b.IsError()) return Type::Error();
  if (a.kind == TypeKind::Null) return b.AsOptional();
  if (b.kind == TypeKind::Null) return a.AsOptional();
  if (!a.SameKind(b)) return Type::Error();
  Type unified = a;
  if (a.kind == TypeKind::Decimal) {
    bool any_scale = a.scale == schema::kAnyScale || b.scale == schema::kAnyScale;
    unified = DecimalWithDigits(std::max(IntegerDigits(a), IntegerDigits(b)),
                                any_scale ? schema::kAnyScale : std::max(a.scale, b.scale));
  }
  unified.optional = a.optional || b.optional;
  return unified;
}

Type ExprChecker::Record(const ast::Expr& expr, Type type, Resolution resolution, int index) {
  ExprInfo& info = program_.exprs[&expr];
  info.type = type;
  info.resolution = resolution;
  info.index = index;
  return type;
}

Type ExprChecker::Check(const ast::Expr* expr) {
  if (expr == nullptr) return Type::Error();
  switch (expr->kind) {
    case ast::ExprKind::IntLiteral:
    case ast::ExprKind::DecimalLiteral:
      return CheckNumber(static_cast<const ast::NumberLiteral&>(*expr), false);
    case ast::ExprKind::StringLiteral:
      return CheckString(static_cast<const ast::StringLiteral&>(*expr));
    case ast::ExprKind::BoolLiteral:
      return Record(*expr, Type::Bool());
    case ast::ExprKind::NullLiteral:
      return Record(*expr, Type::Null());
    case ast::ExprKind::Name:
      return CheckName(static_cast<const ast::NameExpr&>(*expr));
    case ast::ExprKind::Call:
      return CheckCall(static_cast<const ast::CallExpr&>(*expr));
    case ast::ExprKind::Unary:
      return CheckUnary(static_cast<const ast::UnaryExpr&>(*expr));
    case ast::ExprKind::Binary:
      return CheckBinary(static_cast<const ast::BinaryExpr&>(*expr));
    case ast::ExprKind::If:
      return CheckIf(static_cast<const ast::IfExpr&>(*expr));
    case ast::ExprKind::Member:
      return CheckMember(static_cast<const ast::MemberExpr&>(*expr));
    case ast::ExprKind::Index:
      return CheckIndex(static_cast<const ast::IndexExpr&>(*expr));
    case ast::ExprKind::Match:
      return CheckMatch(static_cast<const ast::MatchExpr&>(*expr));
    case ast::ExprKind::List:
      return CheckList(static_cast<const ast::ListExpr&>(*expr));
    case ast::ExprKind::Construct:
      return CheckConstruct(static_cast<const ast::ConstructExpr&>(*expr));
    case ast::ExprKind::Each:
      return CheckEach(static_cast<const ast::EachExpr&>(*expr));
    case ast::ExprKind::Lambda:
      diagnostics_
          .Report(DiagnosticKind::TypeMismatch, expr->range,
                  "a function of an item is only an argument of a list builtin")
          .hint = "pass it to `sort_by` or `group_sum`, such as `lines.sort_by(l -> l.price)`";
      return Record(*expr, Type::Error());
  }
  return Type::Error();
}

Type ExprChecker::CheckNumber(const ast::NumberLiteral& expr, bool negated) {
  std::string digits;
  int scale = 0;
  bool after_point = false;
  for (char c : expr.text) {
    if (c == '.') {
      after_point = true;
    } else if (c != '-') {
      digits += c;
      if (after_point) ++scale;
    }
  }
  digits.erase(0, std::min(digits.find_first_not_of('0'), digits.size() - 1));

  // An int ranges from -9223372036854775808 to 9223372036854775807, and the parser keeps the
  // sign separate. A larger integer literal is a decimal with no places, so that decimal(38, 0)
  // values can be written.
  std::string_view limit = negated ? "9223372036854775808" : "9223372036854775807";
  bool fits_int = digits.size() < 19 || (digits.size() == 19 && digits <= limit);
  if (expr.kind == ast::ExprKind::IntLiteral && fits_int) return Record(expr, Type::Int());
  int precision = std::max<int>(static_cast<int>(digits.size()), scale);
  if (precision > schema::kMaxDecimalPrecision) {
    diagnostics_.Report(DiagnosticKind::InvalidLiteral, expr.range,
                        fmt::format("decimal literal {} has more than {} digits", expr.text,
                                    schema::kMaxDecimalPrecision));
    return Record(expr, Type::Error());
  }
  return Record(expr, Type::Decimal(std::max(precision, 1), scale));
}

Type ExprChecker::CheckString(const ast::StringLiteral& expr) {
  for (const ast::StringPart& part : expr.parts) {
    if (!part.interpolation) continue;
    Type type = Check(part.interpolation.get());
    if (type.IsError()) continue;
    if (!RequirePresent(*part.interpolation, type, "inside a string")) continue;
    if (type.kind == TypeKind::Null) {
      diagnostics_.Report(DiagnosticKind::TypeMismatch, part.interpolation->range,
                          "`null` cannot be put into a string");
    }
  }
  return Record(expr, Type::String());
}

Type ExprChecker::CheckName(const ast::NameExpr& expr) {
  const std::string& name = expr.name.name;
  for (int i = static_cast<int>(locals_.size()) - 1; i >= 0; --i) {
    if (!locals_[i].in_scope || locals_[i].name != name) continue;
    locals_[i].used = true;
    Type type = locals_[i].type;
    bool narrowed = type.optional && IsNarrowed(name);
    if (narrowed) type.optional = false;
    Record(expr, type, Resolution::Local, i);
    program_.exprs[&expr].narrowed = narrowed;
    return type;
  }

  int field = source_->FindField(name);
  if (field < 0 && source_->name.empty()) {
    diagnostics_
        .Report(DiagnosticKind::UnknownField, expr.range, fmt::format("unknown name `{}`", name))
        .hint = "a function body sees only its parameters; pass the field as an argument";
    return Record(expr, Type::Error());
  }
  // In the branches of a value assigned to an enum field, such as `if c then RETAIL else
  // PARTNER`, a bare name that is no field or local is a member of that enum.
  if (field < 0 && expected_enum_ != nullptr && expected_enum_->FindMember(name) >= 0) {
    return CheckEnumMember(expr, name, *expected_enum_);
  }
  if (field < 0) {
    std::vector<std::string> candidates = source_->FieldNames();
    for (const Local& local : locals_) {
      if (local.in_scope) candidates.push_back(local.name);
    }
    Diagnostic& diagnostic = diagnostics_.Report(
        DiagnosticKind::UnknownField, expr.range,
        fmt::format("unknown field `{}` in source record `{}`", name, source_->QualifiedName()));
    std::string closest = ClosestName(name, candidates);
    if (!closest.empty()) diagnostic.hint = fmt::format("did you mean `{}`?", closest);
    // An enum named in two schemas needs its schema, such as `crm.Stage`.
    std::vector<std::string> owners;
    for (const auto& schema : program_.schemas) {
      if (schema->FindEnum(name) != nullptr) owners.push_back(schema->name);
    }
    if (owners.size() > 1) {
      diagnostic.hint = fmt::format("`{0}` is an enum of schemas `{1}` and `{2}`; write `{1}.{0}` "
                                    "or `{2}.{0}`",
                                    name, owners[0], owners[1]);
    }
    // A bare member name resolves only where an enum is expected; elsewhere it needs its enum.
    for (const auto& schema : program_.schemas) {
      for (const auto& enumeration : schema->enums) {
        if (enumeration->FindMember(name) < 0) continue;
        diagnostic.hint = fmt::format(
            "`{0}` is a member of enum `{1}`; where the enum is not expected, write `{1}.{0}`",
            name, enumeration->QualifiedName());
      }
    }
    return Record(expr, Type::Error());
  }

  Type type = source_->fields[field].type;
  bool narrowed = type.optional && IsNarrowed(name);
  if (narrowed) type.optional = false;
  Record(expr, type, Resolution::SourceField, field);
  program_.exprs[&expr].narrowed = narrowed;
  program_.exprs[&expr].field = &source_->fields[field];
  return type;
}

Type ExprChecker::CheckCall(const ast::CallExpr& expr) {
  const stdlib::Builtin* builtin = stdlib::FindBuiltin(expr.callee.name, expr.arguments.size());
  int function = builtin == nullptr ? program_.FindFunction(expr.callee.name) : -1;
  // The declared type of each parameter, where one is known before the arguments are checked.
  auto parameter_type = [&](size_t i) -> const Type* {
    if (builtin != nullptr)
      return i < builtin->parameters.size() ? &builtin->parameters[i].type : nullptr;
    if (function < 0) return nullptr;
    const std::vector<Type>& parameters = program_.functions[function].parameters;
    return i < parameters.size() ? &parameters[i] : nullptr;
  };
  std::vector<Type> arguments;
  for (size_t i = 0; i < expr.arguments.size(); ++i) {
    const ast::Expr* argument = expr.arguments[i].get();
    // A choice's bare name is a constant, not a field.
    if (builtin != nullptr && argument != nullptr && IsChoiceName(*builtin, i, *argument)) {
      arguments.push_back(Record(*argument, Type::String()));
      continue;
    }
    // A string literal for a date, time or date-time parameter is checked as such a literal, of a
    // builtin or a `fn` alike, and a member's name for an enum parameter is that member.
    Type typed;
    const Type* parameter = parameter_type(i);
    if (argument != nullptr && parameter != nullptr &&
        TryTypedConstant(*argument, *parameter, typed)) {
      arguments.push_back(typed);
      continue;
    }
    bool item_function = builtin != nullptr && argument != nullptr &&
                         argument->kind == ast::ExprKind::Lambda && i > 0 &&
                         i < builtin->parameters.size() &&
                         builtin->parameters[i].argument == stdlib::Argument::ItemFunction;
    if (item_function) {
      const Type& list = arguments[0];
      if (list.kind != TypeKind::List || list.element == nullptr) {
        arguments.push_back(Type::Error());
        continue;
      }
      arguments.push_back(
          CheckItemFunction(static_cast<const ast::LambdaExpr&>(*argument), *list.element));
      continue;
    }
    arguments.push_back(Check(argument));
  }

  if (builtin == nullptr) {
    if (function >= 0) return CheckFunctionCall(expr, function, arguments);
    Diagnostic& diagnostic =
        diagnostics_.Report(DiagnosticKind::UnknownFunction, expr.callee.range,
                            fmt::format("unknown function `{}`", expr.callee.name));
    std::vector<std::string> names = stdlib::BuiltinNames();
    for (const CheckedFunction& candidate : program_.functions) names.push_back(candidate.name);
    std::string closest = ClosestName(expr.callee.name, names);
    if (!closest.empty()) diagnostic.hint = fmt::format("did you mean `{}`?", closest);
    return Record(expr, Type::Error());
  }
  return CheckBuiltinCall(expr, *builtin, arguments);
}

Type ExprChecker::CheckItemFunction(const ast::LambdaExpr& function, const Type& item) {
  int local = DeclareLocal(function.parameter, item);
  // The parameter is only read inside the function, so it is not reported as unused.
  locals_[local].used = true;
  Type body = Check(function.body.get());
  EndScope(local);
  // The index is the parameter's local, which the lowering binds to each item in turn.
  return Record(function, body, Resolution::None, local);
}

Type ExprChecker::CheckUnary(const ast::UnaryExpr& expr) {
  // A negative literal is checked whole, so that -9223372036854775808 is an int.
  if (expr.op == ast::UnaryOp::Negate && expr.operand != nullptr &&
      expr.operand->kind == ast::ExprKind::IntLiteral) {
    return Record(expr, CheckNumber(static_cast<const ast::NumberLiteral&>(*expr.operand), true));
  }
  Type operand = Check(expr.operand.get());
  if (operand.IsError()) return Record(expr, operand);
  if (expr.op == ast::UnaryOp::Not) {
    if (!RequirePresent(*expr.operand, operand, "after `not`")) return Record(expr, Type::Error());
    if (operand.kind != TypeKind::Bool) {
      diagnostics_.Report(DiagnosticKind::TypeMismatch, expr.operand->range,
                          fmt::format("`not` needs a bool, not {}", operand.ToString()));
      return Record(expr, Type::Error());
    }
    return Record(expr, Type::Bool());
  }
  if (!RequirePresent(*expr.operand, operand, "after `-`")) return Record(expr, Type::Error());
  if (!operand.IsNumeric()) {
    diagnostics_.Report(DiagnosticKind::TypeMismatch, expr.operand->range,
                        fmt::format("`-` needs a number, not {}", operand.ToString()));
    return Record(expr, Type::Error());
  }
  return Record(expr, operand);
}

bool ExprChecker::RequirePresent(const ast::Expr& expr, const Type& type, std::string_view use) {
  if (!type.optional || type.kind == TypeKind::Null) return true;
  std::string name = CheckablePathOf(expr);
  Diagnostic& diagnostic = diagnostics_.Report(
      DiagnosticKind::OptionalValueUsed, expr.range,
      fmt::format("{} may be absent (type {}) and cannot be used {}",
                  name.empty() ? "this value" : "`" + name + "`", type.ToString(), use));
  // `require x != null` makes only names and `.` field paths present, so a table look-up, a call
  // or a `?.` chain needs a default.
  diagnostic.hint =
      name.empty() ? "give a default with `??`" : fmt::format(fmt::runtime(kOptionalHint), name);
  return false;
}

void ExprChecker::AdaptIntLiteral(const ast::Expr& expr, Type& type, const Type& other) {
  // A number literal where a float is expected is a float, so `Rate ?? 0.5` needs no conversion.
  if (other.kind == TypeKind::Float && type.IsNumeric() && IsNumberLiteral(expr)) {
    type = Type::Float();
  } else if (type.kind == TypeKind::Int && other.kind == TypeKind::Decimal && IsIntLiteral(expr)) {
    type = Type::Decimal(19, 0);
  } else {
    return;
  }
  program_.exprs[&expr].type = type;
  if (expr.kind == ast::ExprKind::Unary) {
    program_.exprs[static_cast<const ast::UnaryExpr&>(expr).operand.get()].type = type;
  }
}

void ExprChecker::CheckCondition(const ast::Expr* expr, std::string_view role) {
  if (expr == nullptr) return;
  Type type = Check(expr);
  if (type.IsError()) return;
  if (!RequirePresent(*expr, type, fmt::format("as {}", role))) return;
  if (type.kind != TypeKind::Bool) {
    diagnostics_
        .Report(DiagnosticKind::TypeMismatch, expr->range,
                fmt::format("{} must be a bool, not {}", role, type.ToString()))
        .hint = "compare the value, such as `Type != null` or `Name == \"Acme\"`";
  }
}

int ExprChecker::DeclareLocal(const ast::Identifier& name, const Type& type) {
  for (const Local& local : locals_) {
    if (!local.in_scope || local.name != name.name) continue;
    Diagnostic& diagnostic =
        diagnostics_.Report(DiagnosticKind::DuplicateDeclaration, name.range,
                            fmt::format("`{}` is already bound by `let`", name.name));
    diagnostic.notes.push_back({local.range, "the first binding is here"});
    diagnostic.hint = "choose another name";
  }
  if (source_->FindField(name.name) >= 0) {
    diagnostics_
        .Report(DiagnosticKind::DuplicateDeclaration, name.range,
                fmt::format("`{}` is a field of the source record `{}`", name.name,
                            source_->QualifiedName()))
        .hint = "choose a name that does not hide the source field";
  }
  locals_.push_back({name.name, type, name.range});
  return static_cast<int>(locals_.size()) - 1;
}

void ExprChecker::EndScope(size_t first) {
  for (size_t i = first; i < locals_.size(); ++i) locals_[i].in_scope = false;
}

void ExprChecker::DeclareParameter(const ast::Identifier& name, const Type& type) {
  for (const Local& local : locals_) {
    if (local.name != name.name) continue;
    Diagnostic& diagnostic =
        diagnostics_.Report(DiagnosticKind::DuplicateDeclaration, name.range,
                            fmt::format("parameter `{}` is declared twice", name.name));
    diagnostic.notes.push_back({local.range, "the first declaration is here"});
    diagnostic.hint = "choose another name";
  }
  locals_.push_back({name.name, type, name.range, true});
}

namespace {

// True when a decimal of `type` has more places than `expected` holds, both known when checking.
bool LosesPlaces(const Type& type, const Type& expected) {
  return type.kind == TypeKind::Decimal && expected.kind == TypeKind::Decimal &&
         type.scale != schema::kAnyScale && expected.scale != schema::kAnyScale &&
         type.scale > expected.scale;
}

}  // namespace

Type ExprChecker::CheckFunctionCall(const ast::CallExpr& expr, int function_index,
                                    std::vector<Type>& arguments) {
  const CheckedFunction& function = program_.functions[function_index];
  program_.NoteUse(expr.range, function.decl->name.range);
  if (arguments.size() != function.parameters.size()) {
    diagnostics_.Report(DiagnosticKind::WrongArgumentCount, expr.range,
                        fmt::format("`{}` takes {} argument{} but was given {}", function.name,
                                    function.parameters.size(),
                                    function.parameters.size() == 1 ? "" : "s", arguments.size()));
    return Record(expr, Type::Error());
  }
  bool valid = !function.result.IsError();
  for (size_t i = 0; i < arguments.size(); ++i) {
    const Type& parameter = function.parameters[i];
    const ast::Expr& argument = *expr.arguments[i];
    if (arguments[i].IsError() || parameter.IsError()) {
      valid = false;
      continue;
    }
    AdaptIntLiteral(argument, arguments[i], parameter);
    bool fits = arguments[i].kind == TypeKind::Null ? parameter.optional
                                                    : arguments[i].SameKind(parameter);
    if (!fits) {
      diagnostics_.Report(DiagnosticKind::TypeMismatch, argument.range,
                          fmt::format("argument {} of `{}` must be {}, not {}", i + 1,
                                      function.name, parameter.ToString(),
                                      arguments[i].ToString()));
      valid = false;
    } else if (arguments[i].optional && !parameter.optional &&
               !RequirePresent(argument, arguments[i],
                               fmt::format("as an argument of `{}`", function.name))) {
      valid = false;
    } else if (LosesPlaces(arguments[i], parameter)) {
      // As for a field, a value is never rounded on its way into a narrower decimal.
      diagnostics_
          .Report(DiagnosticKind::DecimalScaleLoss, argument.range,
                  fmt::format("argument {} of `{}` has {} decimal places, but the parameter has {}",
                              i + 1, function.name, arguments[i].scale, parameter.scale))
          .hint = fmt::format("round it explicitly, such as `round(value, {})`", parameter.scale);
      valid = false;
    }
  }
  if (!valid) return Record(expr, Type::Error());
  return Record(expr, function.result, Resolution::Function, function_index);
}

void ExprChecker::ReportUnusedLocals() {
  for (const Local& local : locals_) {
    if (local.used) continue;
    diagnostics_
        .Report(DiagnosticKind::UnusedBinding, local.range,
                fmt::format("`{}` is bound by `let` but never used", local.name))
        .hint = "remove the `let`, or use the value";
  }
}

bool ExprChecker::IsNarrowed(const std::string& name) const {
  return std::find(narrowed_.begin(), narrowed_.end(), name) != narrowed_.end();
}

size_t ExprChecker::Narrow(const ast::Expr* condition, bool when_true) {
  size_t depth = narrowed_.size();
  CollectPresentNames(condition, when_true, narrowed_);
  return depth;
}

void ExprChecker::CollectPresentNames(const ast::Expr* condition, bool when_true,
                                      std::vector<std::string>& names) {
  if (condition == nullptr) return;
  if (condition->kind == ast::ExprKind::Unary) {
    const auto& unary = static_cast<const ast::UnaryExpr&>(*condition);
    if (unary.op == ast::UnaryOp::Not) CollectPresentNames(unary.operand.get(), !when_true, names);
    return;
  }
  if (condition->kind != ast::ExprKind::Binary) return;
  const auto& binary = static_cast<const ast::BinaryExpr&>(*condition);

  // `a and b` proves both when true; `a or b` proves both false when false.
  if ((binary.op == ast::BinaryOp::And && when_true) ||
      (binary.op == ast::BinaryOp::Or && !when_true)) {
    CollectPresentNames(binary.lhs.get(), when_true, names);
    CollectPresentNames(binary.rhs.get(), when_true, names);
    return;
  }
  bool proves_present = (binary.op == ast::BinaryOp::NotEqual && when_true) ||
                        (binary.op == ast::BinaryOp::Equal && !when_true);
  if (!proves_present) return;
  if (binary.rhs->kind == ast::ExprKind::NullLiteral && !PathOf(*binary.lhs).empty())
    names.push_back(PathOf(*binary.lhs));
  if (binary.lhs->kind == ast::ExprKind::NullLiteral && !PathOf(*binary.rhs).empty())
    names.push_back(PathOf(*binary.rhs));
}

std::string ExprChecker::PathOf(const ast::Expr& expr) {
  if (expr.kind == ast::ExprKind::Name) return NameOf(expr);
  if (expr.kind != ast::ExprKind::Member) return "";
  const auto& member = static_cast<const ast::MemberExpr&>(expr);
  if (member.base == nullptr) return "";
  std::string base = PathOf(*member.base);
  return base.empty() ? "" : base + "." + member.member.name;
}

}  // namespace weft::check
