#include "compiler/check/constants.h"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <charconv>

#include "runtime/decimal.h"
#include "stdlib/dates.h"
#include "stdlib/iso8601.h"
#include "stdlib/utf8.h"

namespace weft::check {
namespace {

// Returns "" when `text`, a valid time or date-time, converts to the count of seconds that
// comparisons use, and otherwise the reason. Comparisons convert a constant when the rule is
// compiled, so a constant that cannot convert would reject every record compared with it.
std::string InstantProblem(std::string_view text, schema::TypeKind kind) {
  __int128 seconds = 0;
  int scale = 0;
  if (kind == schema::TypeKind::Time) return dates::SecondsOfDay(text, seconds, scale);
  return dates::EpochSeconds(text, seconds, scale);
}

// The places after the point of a decimal literal's text.
int ScaleOf(std::string_view text) {
  size_t point = text.find('.');
  return point == std::string_view::npos ? 0 : static_cast<int>(text.size() - point - 1);
}

// The digits of a number's text without sign, point or leading zeros.
int SignificantDigits(std::string_view text) {
  std::string digits;
  for (char c : text) {
    if (c >= '0' && c <= '9') digits += c;
  }
  size_t first = digits.find_first_not_of('0');
  return first == std::string::npos ? 1 : static_cast<int>(digits.size() - first);
}

// True when an integer literal's text, with an optional minus sign, is a 64-bit int. Larger
// literals would otherwise wrap around when a table key or match pattern is compiled.
bool FitsInt64(std::string_view text) {
  int64_t value = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  return error == std::errc() && end == text.data() + text.size();
}

}  // namespace

std::optional<Constant> EvaluateConstant(const ast::Expr& expr) {
  switch (expr.kind) {
    case ast::ExprKind::IntLiteral:
      return Constant{Constant::Kind::Int, static_cast<const ast::NumberLiteral&>(expr).text};
    case ast::ExprKind::DecimalLiteral:
      return Constant{Constant::Kind::Decimal, static_cast<const ast::NumberLiteral&>(expr).text};
    case ast::ExprKind::StringLiteral: {
      const auto& string = static_cast<const ast::StringLiteral&>(expr);
      if (!string.IsPlain()) return std::nullopt;
      return Constant{Constant::Kind::String, string.PlainText()};
    }
    case ast::ExprKind::BoolLiteral:
      return Constant{Constant::Kind::Bool,
                      static_cast<const ast::BoolLiteral&>(expr).value ? "true" : "false"};
    case ast::ExprKind::NullLiteral:
      return Constant{Constant::Kind::Null, "null"};
    case ast::ExprKind::Name:
      return Constant{Constant::Kind::Name, static_cast<const ast::NameExpr&>(expr).name.name};
    case ast::ExprKind::Unary: {
      const auto& unary = static_cast<const ast::UnaryExpr&>(expr);
      if (unary.op != ast::UnaryOp::Negate || unary.operand == nullptr) return std::nullopt;
      std::optional<Constant> operand = EvaluateConstant(*unary.operand);
      if (!operand || (operand->kind != Constant::Kind::Int &&
                       operand->kind != Constant::Kind::Decimal)) {
        return std::nullopt;
      }
      operand->text = "-" + operand->text;
      return operand;
    }
    default:
      return std::nullopt;
  }
}

std::string ConstantToJson(const Constant& constant, const schema::Type& type,
                           std::string& reason) {
  using schema::TypeKind;
  if (constant.kind == Constant::Kind::Null) {
    if (type.optional) return "null";
    reason = fmt::format("`null` is not a value of the required type {}", type.ToString());
    return "";
  }
  auto wrong = [&]() {
    std::string written = constant.kind == Constant::Kind::String
                            ? nlohmann::json(constant.text).dump()
                            : constant.kind == Constant::Kind::Name ? "`" + constant.text + "`"
                                                                    : constant.text;
    reason = fmt::format("{} is not a value of type {}", written, type.AsRequired().ToString());
    return std::string();
  };
  switch (type.kind) {
    case TypeKind::Int:
      if (constant.kind != Constant::Kind::Int) return wrong();
      if (!FitsInt64(constant.text)) {
        reason = fmt::format(
            "{} is outside the range of int, -9223372036854775808 to "
            "9223372036854775807",
            constant.text);
        return "";
      }
      return constant.text;
    case TypeKind::Float:
      if (constant.kind != Constant::Kind::Int && constant.kind != Constant::Kind::Decimal)
        return wrong();
      return constant.text;
    case TypeKind::Decimal:
      if (constant.kind != Constant::Kind::Int && constant.kind != Constant::Kind::Decimal)
        return wrong();
      if (type.scale != schema::kAnyScale && ScaleOf(constant.text) > type.scale) {
        reason = fmt::format("{} has more places than {}", constant.text, type.ToString());
        return "";
      }
      if (type.scale != schema::kAnyScale &&
          SignificantDigits(constant.text) - ScaleOf(constant.text) > type.precision - type.scale) {
        reason = fmt::format("{} has more digits than {}", constant.text, type.ToString());
        return "";
      }
      if (type.scale != schema::kAnyScale) {
        // Written with the field's scale, as computed values are: 1000.5 in decimal(10, 2) is
        // 1000.50.
        __int128 units = 0;
        if (runtime::ParseDecimal(constant.text, type.scale, units) ==
            runtime::DecimalParseError::None) {
          return runtime::DecimalToString(units, type.scale);
        }
      }
      return constant.text;
    case TypeKind::Bool:
      if (constant.kind != Constant::Kind::Bool) return wrong();
      return constant.text;
    case TypeKind::String:
      if (constant.kind != Constant::Kind::String) return wrong();
      return nlohmann::json(constant.text).dump();
    case TypeKind::Date:
    case TypeKind::Time:
    case TypeKind::DateTime: {
      bool valid = constant.kind == Constant::Kind::String &&
                   (type.kind == TypeKind::Date   ? iso8601::IsDate(constant.text)
                    : type.kind == TypeKind::Time ? iso8601::IsTime(constant.text)
                                                  : iso8601::IsDateTime(constant.text));
      if (!valid) {
        // A date of the right form that the calendar lacks, such as 2026-02-30, is named when
        // the text would be valid with a day of the calendar in its place.
        std::string_view date = std::string_view(constant.text).substr(0, 10);
        std::string with_a_real_day = "2000-01-01" + constant.text.substr(date.size());
        bool valid_otherwise = type.kind == TypeKind::Date ? iso8601::IsDate(with_a_real_day)
                                                           : iso8601::IsDateTime(with_a_real_day);
        bool no_such_day = constant.kind == Constant::Kind::String && type.kind != TypeKind::Time &&
                           iso8601::HasDateShape(date) && !iso8601::IsDate(date) && valid_otherwise;
        if (no_such_day) {
          reason = fmt::format("{} is not a day of the calendar", date);
        } else {
          reason = fmt::format("a {} is written as a string such as \"{}\"", type.ToString(),
                               type.kind == TypeKind::Date   ? "2026-03-20"
                               : type.kind == TypeKind::Time ? "13:30:00"
                                                             : "2026-03-20T13:30:00Z");
        }
        return "";
      }
      if (type.kind != TypeKind::Date) {
        std::string problem = InstantProblem(constant.text, type.kind);
        if (!problem.empty()) {
          reason = problem;
          return "";
        }
      }
      return nlohmann::json(constant.text).dump();
    }
    case TypeKind::Enum:
      if ((constant.kind != Constant::Kind::Name && constant.kind != Constant::Kind::String) ||
          type.enumeration->FindMember(constant.text) < 0) {
        reason = fmt::format("`{}` is not a member of enum `{}`", constant.text,
                             type.enumeration->QualifiedName());
        return "";
      }
      return nlohmann::json(constant.text).dump();
    default:
      reason = fmt::format("fields of type {} cannot have a default", type.ToString());
      return "";
  }
}

std::string TemporalConstantHint(schema::TypeKind kind) {
  switch (kind) {
    case schema::TypeKind::Date:
      return "write a day of the calendar as YYYY-MM-DD";
    case schema::TypeKind::Time:
      return fmt::format(
          "write hh:mm:ss, with at most {} digits after the point, trailing zeros not counted",
          dates::kMaxTimeFraction);
    case schema::TypeKind::DateTime:
      return fmt::format(
          "write YYYY-MM-DDThh:mm:ss and an offset such as Z or +01:00, with at most {} digits "
          "after the point, trailing zeros not counted",
          dates::kMaxDateTimeFraction);
    default:
      return "";
  }
}

int64_t CodePointCount(std::string_view text) {
  int64_t count = 0;
  for (char c : text) {
    if (!utf8::IsContinuation(c)) ++count;
  }
  return count;
}

}  // namespace weft::check
