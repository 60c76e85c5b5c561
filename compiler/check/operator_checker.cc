// The operator half of ExprChecker: arithmetic, comparison, logic, `??` and `if`.
#include <fmt/format.h>

#include <algorithm>

#include "compiler/check/annotations.h"
#include "compiler/check/constants.h"
#include "compiler/check/expr_checker.h"
#include "runtime/decimal.h"

namespace weft::check {

using schema::Type;
using schema::TypeKind;

namespace {

bool IsComparisonOp(ast::BinaryOp op) {
  return op == ast::BinaryOp::Equal || op == ast::BinaryOp::NotEqual || op == ast::BinaryOp::Less ||
         op == ast::BinaryOp::LessEqual || op == ast::BinaryOp::Greater ||
         op == ast::BinaryOp::GreaterEqual;
}

// How to turn a value of `from` into `to` explicitly, for a type-mismatch hint; "" when unknown.
std::string ConversionHint(const Type& from, const Type& to) {
  if (to.kind == TypeKind::String && from.kind != TypeKind::String)
    return "build a string with interpolation, such as \"{value}\"";
  if (to.kind == TypeKind::Decimal && from.kind == TypeKind::Int)
    return "convert the integer with `decimal(value)`";
  if (to.kind == TypeKind::Int && from.kind == TypeKind::Decimal) {
    return "an int holds -9223372036854775808 to 9223372036854775807; an integer literal beyond "
           "that is a decimal";
  }
  return "";
}

bool IsPlainStringLiteral(const ast::Expr& expr) {
  return expr.kind == ast::ExprKind::StringLiteral &&
         static_cast<const ast::StringLiteral&>(expr).IsPlain();
}

}  // namespace

Type ExprChecker::CheckBinary(const ast::BinaryExpr& expr) {
  if (expr.op == ast::BinaryOp::And || expr.op == ast::BinaryOp::Or) return CheckLogical(expr);

  Type lhs;
  Type rhs;
  // `Tier == RETAIL` names the member by the enum on the other side, and `Tags ?? []` takes
  // the list type of the value before `??`. A comparison that starts with the literal, as in
  // `"2025-01-01T00:00:00Z" <= CreatedDate`, types it by the value after it.
  bool typed_by_lhs = IsComparisonOp(expr.op) || expr.op == ast::BinaryOp::Coalesce;
  bool typed_by_rhs = IsComparisonOp(expr.op) && IsPlainStringLiteral(*expr.lhs) &&
                      !IsPlainStringLiteral(*expr.rhs);
  if (typed_by_rhs) {
    rhs = Check(expr.rhs.get());
    if (!TryTypedConstant(*expr.lhs, rhs, lhs)) lhs = Check(expr.lhs.get());
  } else {
    lhs = Check(expr.lhs.get());
    if (!typed_by_lhs || !TryTypedConstant(*expr.rhs, lhs, rhs)) rhs = Check(expr.rhs.get());
  }
  if (lhs.IsError() || rhs.IsError()) return Record(expr, Type::Error());
  if (IsComparisonOp(expr.op)) {
    CheckAllowedValue(*expr.rhs, *expr.lhs);
    CheckAllowedValue(*expr.lhs, *expr.rhs);
  }
  AdaptIntLiteral(*expr.lhs, lhs, rhs);
  AdaptIntLiteral(*expr.rhs, rhs, lhs);

  if (expr.op == ast::BinaryOp::Coalesce) return CheckCoalesce(expr, lhs, rhs);
  if (IsComparisonOp(expr.op)) return CheckComparison(expr, lhs, rhs);
  return CheckArithmetic(expr, lhs, rhs);
}

Type ExprChecker::CheckArithmetic(const ast::BinaryExpr& expr, Type lhs, Type rhs) {
  std::string use = fmt::format("with `{}`", ast::Spelling(expr.op));
  bool present = RequirePresent(*expr.lhs, lhs, use);
  present = RequirePresent(*expr.rhs, rhs, use) && present;
  if (!present) return Record(expr, Type::Error());

  bool strings = lhs.kind == TypeKind::String && rhs.kind == TypeKind::String;
  if (expr.op == ast::BinaryOp::Add && strings) return Record(expr, Type::String());
  // Floats combine only with floats: a float never mixes into exact decimal arithmetic.
  if (lhs.kind == TypeKind::Float && rhs.kind == TypeKind::Float &&
      expr.op != ast::BinaryOp::Remainder) {
    return Record(expr, Type::Float());
  }

  if (!lhs.IsNumeric() || !lhs.SameKind(rhs)) {
    Diagnostic& diagnostic =
        diagnostics_.Report(DiagnosticKind::TypeMismatch, expr.op_range,
                            fmt::format("`{}` cannot combine {} and {}", ast::Spelling(expr.op),
                                        lhs.ToString(), rhs.ToString()));
    if (lhs.kind == TypeKind::Int && rhs.kind == TypeKind::Decimal)
      diagnostic.hint = ConversionHint(lhs, rhs);
    if (lhs.kind == TypeKind::Decimal && rhs.kind == TypeKind::Int)
      diagnostic.hint = ConversionHint(rhs, lhs);
    if (lhs.kind == TypeKind::String || rhs.kind == TypeKind::String) {
      diagnostic.hint = "`+` joins two strings; put other values into a string with \"{value}\"";
    }
    return Record(expr, Type::Error());
  }
  if (lhs.kind == TypeKind::Int) return Record(expr, Type::Int());

  bool any_scale = lhs.scale == schema::kAnyScale || rhs.scale == schema::kAnyScale;
  if (any_scale) {
    // The places are only known from the data. The result's places follow the rule for fixed
    // scales, value by value, and a result beyond 38 digits rejects the record.
    return Record(expr, Type::Decimal(schema::kMaxDecimalPrecision, schema::kAnyScale));
  }

  switch (expr.op) {
    case ast::BinaryOp::Add:
    case ast::BinaryOp::Subtract: {
      int scale = std::max(lhs.scale, rhs.scale);
      int integer_digits = std::max(lhs.precision - lhs.scale, rhs.precision - rhs.scale) + 1;
      return Record(
          expr,
          Type::Decimal(std::min(schema::kMaxDecimalPrecision, integer_digits + scale), scale));
    }
    case ast::BinaryOp::Multiply: {
      int scale = lhs.scale + rhs.scale;
      if (scale > schema::kMaxDecimalPrecision) {
        diagnostics_
            .Report(
                DiagnosticKind::DecimalScaleLoss, expr.range,
                fmt::format("the product has {} decimal places, more than the {} a decimal holds",
                            scale, schema::kMaxDecimalPrecision))
            .hint = "round an operand first, such as `round(x, 6) * y`";
        return Record(expr, Type::Error());
      }
      return Record(
          expr, Type::Decimal(std::min(schema::kMaxDecimalPrecision, lhs.precision + rhs.precision),
                              scale));
    }
    case ast::BinaryOp::Divide: {
      // A quotient has at least 6 places, rounded half away from zero. Its integer digits are at
      // most those of the dividend plus the divisor's places, since the divisor is at least one
      // unit of its last place.
      int scale = std::max(lhs.scale, runtime::kMinQuotientScale);
      int integer_digits = lhs.precision - lhs.scale + rhs.scale;
      return Record(
          expr,
          Type::Decimal(std::min(schema::kMaxDecimalPrecision, integer_digits + scale), scale));
    }
    default: {
      // A remainder is exact at the larger scale, and no larger than either operand.
      int scale = std::max(lhs.scale, rhs.scale);
      int integer_digits = std::min(lhs.precision - lhs.scale, rhs.precision - rhs.scale);
      return Record(
          expr,
          Type::Decimal(std::min(schema::kMaxDecimalPrecision, integer_digits + scale), scale));
    }
  }
}

Type ExprChecker::CheckComparison(const ast::BinaryExpr& expr, Type lhs, Type rhs) {
  bool equality = expr.op == ast::BinaryOp::Equal || expr.op == ast::BinaryOp::NotEqual;
  if (!equality) {
    std::string use = fmt::format("with `{}`", ast::Spelling(expr.op));
    bool present = RequirePresent(*expr.lhs, lhs, use);
    present = RequirePresent(*expr.rhs, rhs, use) && present;
    if (!present) return Record(expr, Type::Error());
  }

  Type common = Unify(lhs, rhs);
  bool ordered = common.IsNumeric() || common.kind == TypeKind::String ||
                 common.kind == TypeKind::Float || common.kind == TypeKind::Date ||
                 common.kind == TypeKind::Time || common.kind == TypeKind::DateTime;
  if (common.IsError() || (!equality && !ordered)) {
    diagnostics_
        .Report(DiagnosticKind::TypeMismatch, expr.op_range,
                fmt::format("`{}` cannot compare {} with {}", ast::Spelling(expr.op),
                            lhs.ToString(), rhs.ToString()))
        .hint = ConversionHint(rhs, lhs);
    return Record(expr, Type::Error());
  }
  return Record(expr, Type::Bool());
}

Type ExprChecker::CheckLogical(const ast::BinaryExpr& expr) {
  std::string role = fmt::format("an operand of `{}`", ast::Spelling(expr.op));
  CheckCondition(expr.lhs.get(), role);

  // The right operand runs only when the left one is true (`and`) or false (`or`).
  size_t depth = Narrow(expr.lhs.get(), expr.op == ast::BinaryOp::And);
  CheckCondition(expr.rhs.get(), role);
  EndNarrowing(depth);
  return Record(expr, Type::Bool());
}

Type ExprChecker::CheckCoalesce(const ast::BinaryExpr& expr, Type lhs, Type rhs) {
  if (!lhs.optional) {
    diagnostics_
        .Report(DiagnosticKind::UnneededDefault, expr.op_range,
                fmt::format(
                    "the left side of `??` is never absent (type {}), so the default is never used",
                    lhs.ToString()))
        .hint = "remove `?? ...`";
  }
  Type common = Unify(lhs.AsRequired(), rhs);
  if (common.IsError()) {
    diagnostics_
        .Report(DiagnosticKind::TypeMismatch, expr.rhs->range,
                fmt::format("the default after `??` is {}, but the value before it is {}",
                            rhs.ToString(), lhs.ToString()))
        .hint = ConversionHint(rhs, lhs);
    return Record(expr, Type::Error());
  }
  return Record(expr, common.AsOptional(rhs.optional));
}

Type ExprChecker::CheckIf(const ast::IfExpr& expr) {
  CheckCondition(expr.condition.get(), "the condition of `if`");
  size_t depth = Narrow(expr.condition.get(), true);
  Type then_type = Check(expr.then_value.get());
  EndNarrowing(depth);
  depth = Narrow(expr.condition.get(), false);
  Type else_type = Check(expr.else_value.get());
  EndNarrowing(depth);
  if (then_type.IsError() || else_type.IsError()) return Record(expr, Type::Error());

  if (expr.then_value != nullptr && expr.else_value != nullptr) {
    AdaptIntLiteral(*expr.then_value, then_type, else_type);
    AdaptIntLiteral(*expr.else_value, else_type, then_type);
  }
  Type common = Unify(then_type, else_type);
  if (common.IsError()) {
    diagnostics_
        .Report(DiagnosticKind::TypeMismatch, expr.range,
                fmt::format("the branches of `if` have different types: {} and {}",
                            then_type.ToString(), else_type.ToString()))
        .hint = ConversionHint(else_type, then_type);
    return Record(expr, Type::Error());
  }
  return Record(expr, common);
}

void ExprChecker::CheckAssignable(const ast::Expr* expr, const Type& expected,
                                  const std::string& destination,
                                  const schema::Constraints* constraints) {
  if (expr == nullptr) return;
  Type type;
  const schema::EnumType* outer_enum = expected_enum_;
  expected_enum_ = expected.kind == TypeKind::Enum ? expected.enumeration : nullptr;
  if (!TryTypedConstant(*expr, expected, type)) type = Check(expr);
  expected_enum_ = outer_enum;
  if (type.IsError()) return;
  AdaptIntLiteral(*expr, type, expected);

  if (type.kind == TypeKind::Null) {
    if (!expected.optional) {
      diagnostics_.Report(DiagnosticKind::OptionalValueUsed, expr->range,
                          fmt::format("{} is required (type {}) and cannot be null", destination,
                                      expected.ToString()));
    }
    return;
  }
  if (!type.SameKind(expected)) {
    diagnostics_
        .Report(DiagnosticKind::TypeMismatch, expr->range,
                fmt::format("{} has type {}, but the value is {}", destination, expected.ToString(),
                            type.ToString()))
        .hint = ConversionHint(type, expected);
    return;
  }
  if (type.optional && !expected.optional) {
    RequirePresent(*expr, type, fmt::format("for {}, which is required", destination));
    return;
  }
  // The items of a list are held to the item type's scale, however deep the lists nest.
  const Type* item = &type;
  const Type* expected_item = &expected;
  while (item->kind == TypeKind::List && item->element && expected_item->element) {
    item = item->element.get();
    expected_item = expected_item->element.get();
  }
  bool item_scale_known =
      item->scale != schema::kAnyScale && expected_item->scale != schema::kAnyScale;
  if (item != &type && item->kind == TypeKind::Decimal && item_scale_known &&
      item->scale > expected_item->scale) {
    diagnostics_
        .Report(DiagnosticKind::DecimalScaleLoss, expr->range,
                fmt::format("the items have {} decimal places, but the items of {} have {}",
                            item->scale, destination, expected_item->scale))
        .hint = fmt::format("round each item, such as `each xs as x -> round(x, {})`",
                            expected_item->scale);
    return;
  }
  // A value of any scale assigned to a fixed scale is checked per record: more places reject it.
  bool scale_known = type.scale != schema::kAnyScale && expected.scale != schema::kAnyScale;
  if (type.kind == TypeKind::Decimal && scale_known && type.scale > expected.scale) {
    diagnostics_
        .Report(DiagnosticKind::DecimalScaleLoss, expr->range,
                fmt::format("the value has {} decimal places, but {} has {}", type.scale,
                            destination, expected.scale))
        .hint = fmt::format("round it explicitly, such as `round(value, {})`", expected.scale);
    return;
  }
  CheckLiteralFits(*expr, expected, destination);
  if (constraints != nullptr) CheckConstantConstraints(*expr, *constraints, destination);
}

void ExprChecker::CheckConstantConstraints(const ast::Expr& expr,
                                           const schema::Constraints& constraints,
                                           const std::string& destination) {
  // A value chosen by `if`, `match` or `??` may be a constant in each branch, and a branch that
  // breaks a limit would reject every record that takes it.
  if (expr.kind == ast::ExprKind::If) {
    const auto& choice = static_cast<const ast::IfExpr&>(expr);
    if (choice.then_value) CheckConstantConstraints(*choice.then_value, constraints, destination);
    if (choice.else_value) CheckConstantConstraints(*choice.else_value, constraints, destination);
    return;
  }
  if (expr.kind == ast::ExprKind::Match) {
    for (const ast::MatchArm& arm : static_cast<const ast::MatchExpr&>(expr).arms) {
      if (arm.value) CheckConstantConstraints(*arm.value, constraints, destination);
    }
    return;
  }
  if (expr.kind == ast::ExprKind::Binary &&
      static_cast<const ast::BinaryExpr&>(expr).op == ast::BinaryOp::Coalesce) {
    const auto& coalesce = static_cast<const ast::BinaryExpr&>(expr);
    if (coalesce.rhs) CheckConstantConstraints(*coalesce.rhs, constraints, destination);
    return;
  }
  std::optional<Constant> constant = EvaluateConstant(expr);
  if (!constant) return;
  std::string violation = ConstantConstraintViolation(*constant, constraints);
  if (violation.empty()) return;
  diagnostics_
      .Report(DiagnosticKind::AnnotationViolated, expr.range,
              fmt::format("the value for {} {}", destination, violation))
      .hint = "change the value, or the field's limits in the target schema";
}

void ExprChecker::CheckLiteralFits(const ast::Expr& expr, const Type& expected,
                                   const std::string& destination) {
  // A literal's digits are known now, so a literal too large for a decimal field is a mistake in
  // the file instead of a reject of every record at run time.
  const ast::Expr* literal = &expr;
  if (literal->kind == ast::ExprKind::Unary)
    literal = static_cast<const ast::UnaryExpr&>(expr).operand.get();
  if (expected.kind != TypeKind::Decimal || expected.scale == schema::kAnyScale ||
      literal == nullptr ||
      (literal->kind != ast::ExprKind::IntLiteral &&
       literal->kind != ast::ExprKind::DecimalLiteral)) {
    return;
  }
  const std::string& text = static_cast<const ast::NumberLiteral&>(*literal).text;
  std::string integer_part = text.substr(0, text.find('.'));
  integer_part.erase(0, std::min(integer_part.find_first_not_of("-0"), integer_part.size()));
  int allowed = expected.precision - expected.scale;
  if (static_cast<int>(integer_part.size()) <= allowed) return;
  diagnostics_
      .Report(
          DiagnosticKind::LiteralOutOfRange, expr.range,
          fmt::format("{} is {}, which allows {} digit{} before the point, but the literal has {}",
                      destination, expected.ToString(), allowed, allowed == 1 ? "" : "s",
                      integer_part.size()))
      .hint = "use a smaller value, or widen the field's decimal type";
}

}  // namespace weft::check
