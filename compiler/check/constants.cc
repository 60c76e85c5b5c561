#include "compiler/check/constants.h"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "stdlib/utf8.h"

namespace weft::check {
namespace {

bool AllDigits(std::string_view text) {
  if (text.empty()) return false;
  for (char c : text) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

int ParseDigits(std::string_view text) {
  int value = 0;
  for (char c : text) value = value * 10 + (c - '0');
  return value;
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
                   (type.kind == TypeKind::Date   ? IsIsoDate(constant.text)
                    : type.kind == TypeKind::Time ? IsIsoTime(constant.text)
                                                  : IsIsoDateTime(constant.text));
      if (!valid) {
        reason = fmt::format("a {} is written as a string such as \"{}\"", type.ToString(),
                             type.kind == TypeKind::Date   ? "2026-03-20"
                             : type.kind == TypeKind::Time ? "13:30:00"
                                                           : "2026-03-20T13:30:00Z");
        return "";
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

bool IsIsoDate(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return false;
  if (!AllDigits(text.substr(0, 4)) || !AllDigits(text.substr(5, 2)) ||
      !AllDigits(text.substr(8, 2))) {
    return false;
  }
  int year = ParseDigits(text.substr(0, 4));
  int month = ParseDigits(text.substr(5, 2));
  int day = ParseDigits(text.substr(8, 2));
  static constexpr int kDaysInMonth[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12 || day < 1) return false;
  bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  int days = kDaysInMonth[month - 1] + (month == 2 && leap ? 1 : 0);
  return day <= days;
}

bool IsIsoTime(std::string_view text) {
  if (text.size() < 8 || text[2] != ':' || text[5] != ':') return false;
  if (!AllDigits(text.substr(0, 2)) || !AllDigits(text.substr(3, 2)) ||
      !AllDigits(text.substr(6, 2))) {
    return false;
  }
  // 60 seconds allows a leap second, as RFC 3339 does.
  if (ParseDigits(text.substr(0, 2)) > 23 || ParseDigits(text.substr(3, 2)) > 59 ||
      ParseDigits(text.substr(6, 2)) > 60) {
    return false;
  }
  if (text.size() == 8) return true;
  return text[8] == '.' && AllDigits(text.substr(9));
}

bool IsIsoDateTime(std::string_view text) {
  if (text.size() < 20 || (text[10] != 'T' && text[10] != 't')) return false;
  if (!IsIsoDate(text.substr(0, 10))) return false;
  std::string_view rest = text.substr(11);
  std::string_view offset;
  if (rest.back() == 'Z' || rest.back() == 'z') {
    offset = rest.substr(rest.size() - 1);
  } else if (rest.size() > 6 && (rest[rest.size() - 6] == '+' || rest[rest.size() - 6] == '-')) {
    offset = rest.substr(rest.size() - 6);
    if (offset[3] != ':' || !AllDigits(offset.substr(1, 2)) || !AllDigits(offset.substr(4, 2)) ||
        ParseDigits(offset.substr(1, 2)) > 23 || ParseDigits(offset.substr(4, 2)) > 59) {
      return false;
    }
  } else {
    return false;
  }
  return IsIsoTime(rest.substr(0, rest.size() - offset.size()));
}

int64_t CodePointCount(std::string_view text) {
  int64_t count = 0;
  for (char c : text) {
    if (!utf8::IsContinuation(c)) ++count;
  }
  return count;
}

}  // namespace weft::check
