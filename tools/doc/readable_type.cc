#include "tools/doc/readable_type.h"

#include <fmt/format.h>

namespace weft::doc {
namespace {

using schema::TypeKind;

// Longer lists of allowed values, such as a Salesforce picklist of industries, are cut to this
// many values followed by a count of the rest, so that a type stays readable in a table cell.
constexpr size_t kMaxListedValues = 8;

// Joins `values`, each wrapped in `quote`, cutting a long list.
std::string ListValues(const std::vector<std::string>& values, const char* quote) {
  std::string text;
  for (size_t i = 0; i < values.size() && i < kMaxListedValues; ++i)
    text += fmt::format("{}{}{}{}", i == 0 ? "" : ", ", quote, values[i], quote);
  if (values.size() > kMaxListedValues)
    text += fmt::format(" and {} more", values.size() - kMaxListedValues);
  return text;
}

std::string DescribeDecimal(const schema::Type& type) {
  if (type.scale == schema::kAnyScale) return "decimal, any number of places";
  if (type.scale == 0) return fmt::format("whole number, up to {} digits", type.precision);
  return fmt::format("decimal, {} place{}, up to {} digits", type.scale, type.scale == 1 ? "" : "s",
                     type.precision);
}

std::string DescribeEnum(const schema::EnumType* enumeration) {
  if (enumeration == nullptr) return "one of a list of values";
  return "one of: " + ListValues(enumeration->members, "");
}

std::string DescribeKind(const schema::Type& type) {
  switch (type.kind) {
    case TypeKind::Bool:
      return "yes or no";
    case TypeKind::Int:
      return "whole number";
    case TypeKind::Decimal:
      return DescribeDecimal(type);
    case TypeKind::String:
      return "text";
    case TypeKind::Float:
      return "floating-point number";
    case TypeKind::Date:
      return "date";
    case TypeKind::Time:
      return "time of day";
    case TypeKind::DateTime:
      return "date and time";
    case TypeKind::Enum:
      return DescribeEnum(type.enumeration);
    case TypeKind::Record:
      return "nested record";
    case TypeKind::List:
      return type.element != nullptr ? "list of " + DescribeKind(*type.element) : "list";
    default:
      return type.ToString();
  }
}

std::string DescribeLength(const schema::Constraints& constraints) {
  const auto& minimum = constraints.min_length;
  const auto& maximum = constraints.max_length;
  if (minimum && maximum && *minimum == *maximum) {
    return fmt::format("exactly {} character{}", *minimum, *minimum == 1 ? "" : "s");
  }
  if (minimum && maximum) return fmt::format("{} to {} characters", *minimum, *maximum);
  if (maximum) return fmt::format("up to {} characters", *maximum);
  if (minimum) return fmt::format("at least {} characters", *minimum);
  return "";
}

std::string DescribeRange(const schema::Constraints& constraints) {
  std::string above = constraints.exclusive_minimum ? "above " : "at least ";
  std::string below = constraints.exclusive_maximum ? "below " : "at most ";
  if (!constraints.minimum.empty() && !constraints.maximum.empty()) {
    return above + constraints.minimum + " and " + below + constraints.maximum;
  }
  if (!constraints.minimum.empty()) return above + constraints.minimum;
  if (!constraints.maximum.empty()) return below + constraints.maximum;
  return "";
}

std::string DescribeAllowedValues(const schema::Constraints& constraints) {
  if (constraints.allowed_values.empty()) return "";
  return "one of " + ListValues(constraints.allowed_values, "\"");
}

}  // namespace

std::string DescribeType(const schema::Type& type, const schema::Constraints& constraints) {
  std::string text = DescribeKind(type);
  for (const std::string& limit : {DescribeLength(constraints), DescribeRange(constraints),
                                   DescribeAllowedValues(constraints)}) {
    if (!limit.empty()) text += ", " + limit;
  }
  if (!constraints.multiple_of.empty()) text += ", a multiple of " + constraints.multiple_of;
  if (!constraints.pattern.empty()) text += ", matching the pattern " + constraints.pattern;
  return text;
}

}  // namespace weft::doc
