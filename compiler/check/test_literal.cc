#include "compiler/check/test_literal.h"

#include <fmt/format.h>

#include "compiler/check/constants.h"
#include "stdlib/iso8601.h"
#include "stdlib/utf8.h"

namespace weft::check {
namespace {

using schema::Type;
using schema::TypeKind;

// The digits after the point of a number literal's text.
int ScaleOf(std::string_view text) {
  size_t point = text.find('.');
  return point == std::string_view::npos ? 0 : static_cast<int>(text.size() - point - 1);
}

// The literal of `expr` and whether it is negated, when `expr` is a number literal or a minus
// sign before one; null otherwise.
const ast::NumberLiteral* NumberOf(const ast::Expr& expr, bool& negative) {
  const ast::Expr* operand = &expr;
  negative = false;
  if (expr.kind == ast::ExprKind::Unary) {
    const auto& unary = static_cast<const ast::UnaryExpr&>(expr);
    if (unary.op != ast::UnaryOp::Negate) return nullptr;
    operand = unary.operand.get();
    negative = true;
  }
  if (operand->kind != ast::ExprKind::IntLiteral && operand->kind != ast::ExprKind::DecimalLiteral)
    return nullptr;
  return static_cast<const ast::NumberLiteral*>(operand);
}

std::string Child(const std::string& path, std::string_view name) {
  return path.empty() ? std::string(name) : path + "." + std::string(name);
}

}  // namespace

bool TestLiteralChecker::CheckRecord(const ast::RecordLiteral& literal,
                                     const schema::RecordType& record, const std::string& path) {
  bool ok = true;
  json_ += '{';
  std::vector<bool> seen(record.fields.size(), false);
  for (const ast::FieldInit& init : literal.fields) {
    int index = record.FindField(init.name.name);
    if (index < 0) {
      ReportUnknownField(diagnostics_, init.name, record);
      ok = false;
      continue;
    }
    if (seen[index]) {
      diagnostics_
          .Report(DiagnosticKind::DuplicateAssignment, init.name.range,
                  fmt::format("field `{}` is written twice in this record", init.name.name))
          .hint = "remove one of them";
      ok = false;
      continue;
    }
    seen[index] = true;
    if (json_.back() != '{') json_ += ',';
    utf8::AppendJsonString(init.name.name, json_);
    json_ += ':';
    ok = CheckLiteral(init.value, record.fields[index].type, Child(path, init.name.name)) && ok;
  }
  json_ += '}';
  return ok;
}

bool TestLiteralChecker::CheckLiteral(const ast::LiteralValue& value, const Type& type,
                                      const std::string& path) {
  if (value.expr) return CheckValue(*value.expr, type, path);
  if (value.is_list) return CheckList(value, type, path);
  // Only error recovery leaves a value empty, and the checker does not run after syntax errors.
  if (!value.record) return false;

  if (type.kind != TypeKind::Record) {
    diagnostics_.Report(DiagnosticKind::TypeMismatch, value.range,
                        fmt::format("`{}` is {}, not a record", path, type.ToString()));
    return false;
  }
  return CheckRecord(*value.record, *type.record, path);
}

bool TestLiteralChecker::CheckValue(const ast::Expr& expr, const Type& type,
                                    const std::string& path) {
  switch (expr.kind) {
    case ast::ExprKind::NullLiteral:
      AddScalar(TestValueKind::Null, "null", expr, path);
      return true;
    case ast::ExprKind::BoolLiteral:
      if (type.kind != TypeKind::Bool) return Mismatch(expr.range, type, "a boolean", path);
      AddScalar(TestValueKind::Bool,
                static_cast<const ast::BoolLiteral&>(expr).value ? "true" : "false", expr, path);
      return true;
    case ast::ExprKind::StringLiteral:
    case ast::ExprKind::Name:
      return CheckText(expr, type, path);
    default:
      return CheckNumber(expr, type, path);
  }
}

bool TestLiteralChecker::CheckNumber(const ast::Expr& expr, const Type& type,
                                     const std::string& path) {
  bool negative = false;
  const ast::NumberLiteral* number = NumberOf(expr, negative);
  if (number == nullptr) {
    diagnostics_
        .Report(DiagnosticKind::InvalidTestValue, expr.range,
                "values in a test record must be literals, not expressions")
        .hint = "write the value itself, such as \"text\", 12.50, true, null or an enum member";
    return false;
  }
  bool is_decimal = number->kind == ast::ExprKind::DecimalLiteral;
  if (type.kind == TypeKind::Int && is_decimal)
    return Mismatch(expr.range, type, "a decimal number", path);
  if (type.kind != TypeKind::Int && type.kind != TypeKind::Decimal && type.kind != TypeKind::Float)
    return Mismatch(expr.range, type, "a number", path);

  int scale = ScaleOf(number->text);
  if (expected_ && type.kind == TypeKind::Decimal && type.scale != schema::kAnyScale &&
      scale != type.scale) {
    diagnostics_
        .Report(DiagnosticKind::InvalidTestValue, expr.range,
                fmt::format("`{}` has scale {}, but `{}` is {}, which mapped records hold with "
                            "scale {}",
                            number->text, scale, path, type.ToString(), type.scale))
        .hint = "write the value as the mapped record will hold it; the scale is compared too";
    return false;
  }
  // A minus zero is written as zero, because every number type stores it as zero.
  bool zero = number->text.find_first_not_of("0.") == std::string::npos;
  AddScalar(TestValueKind::Number, (negative && !zero ? "-" : "") + number->text, expr, path);
  values_.back().is_float = type.kind == TypeKind::Float;
  return true;
}

bool TestLiteralChecker::CheckText(const ast::Expr& expr, const Type& type,
                                   const std::string& path) {
  std::string text;
  if (expr.kind == ast::ExprKind::Name) {
    if (type.kind != TypeKind::Enum) return Mismatch(expr.range, type, "a name", path);
    text = static_cast<const ast::NameExpr&>(expr).name.name;
  } else {
    const auto& literal = static_cast<const ast::StringLiteral&>(expr);
    if (!literal.IsPlain()) {
      diagnostics_
          .Report(DiagnosticKind::InvalidTestValue, expr.range,
                  "values in a test record must be literals, not interpolated strings")
          .hint = "write the text itself; `\\{` writes a literal brace";
      return false;
    }
    text = literal.PlainText();
  }

  switch (type.kind) {
    case TypeKind::String:
      break;
    case TypeKind::Date:
    case TypeKind::Time:
    case TypeKind::DateTime:
      // A test's input may hold a bad value on purpose, to see the record rejected, but an
      // expected value that no writer writes could never be met.
      if (expected_ && !CheckExpectedTemporal(expr, type, text)) return false;
      break;
    case TypeKind::Enum:
      if (type.enumeration->FindMember(text) >= 0) break;
      diagnostics_
          .Report(DiagnosticKind::UnknownEnumMember, expr.range,
                  fmt::format("`{}` is not a member of enum `{}`", text,
                              type.enumeration->QualifiedName()))
          .hint = fmt::format("the members are {}", fmt::join(type.enumeration->members, ", "));
      return false;
    default:
      return Mismatch(expr.range, type, "text", path);
  }
  AddScalar(TestValueKind::String, std::move(text), expr, path);
  return true;
}

bool TestLiteralChecker::CheckExpectedTemporal(const ast::Expr& expr, const Type& type,
                                               std::string& text) {
  bool valid = type.kind == TypeKind::Date   ? iso8601::IsDate(text)
               : type.kind == TypeKind::Time ? iso8601::IsTime(text)
                                             : iso8601::IsDateTime(text);
  if (!valid) {
    diagnostics_
        .Report(DiagnosticKind::InvalidTestValue, expr.range,
                fmt::format("`{}` is not a {}, so no mapped record can have it", text,
                            type.AsRequired().ToString()))
        .hint = TemporalConstantHint(type.kind);
    return false;
  }
  // The writers write an offset read as +0100 as +01:00, so an expected value is compared in that
  // form.
  if (type.kind == TypeKind::DateTime) text = iso8601::WithExtendedOffset(text);
  return true;
}

bool TestLiteralChecker::CheckList(const ast::LiteralValue& list, const Type& type,
                                   const std::string& path) {
  if (type.kind != TypeKind::List) return Mismatch(list.range, type, "a list", path);
  size_t count = list.items.size();
  values_.push_back({path, TestValueKind::List, ListLengthText(count), list.range});
  json_ += '[';
  bool ok = true;
  for (size_t i = 0; i < count; ++i) {
    if (i > 0) json_ += ',';
    ok = CheckLiteral(list.items[i], *type.element, fmt::format("{}[{}]", path, i)) && ok;
  }
  json_ += ']';
  return ok;
}

void TestLiteralChecker::AddScalar(TestValueKind kind, std::string text, const ast::Expr& expr,
                                   const std::string& path) {
  if (kind == TestValueKind::String) {
    utf8::AppendJsonString(text, json_);
  } else {
    json_ += text;
  }
  values_.push_back({path, kind, std::move(text), expr.range});
}

bool TestLiteralChecker::Mismatch(SourceRange range, const Type& type, const char* written,
                                  const std::string& path) {
  Diagnostic& diagnostic = diagnostics_.Report(
      DiagnosticKind::TypeMismatch, range,
      fmt::format("`{}` is {}, but this value is {}", path, type.ToString(), written));
  if (type.kind == TypeKind::String) diagnostic.hint = "write text in double quotes";
  return false;
}

}  // namespace weft::check
