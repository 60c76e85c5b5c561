#include "runtime/field_text.h"

#include <fmt/format.h>

#include "runtime/decimal.h"
#include "stdlib/iso8601.h"

namespace weft::runtime {

using schema::TypeKind;

std::string ReadDecimalText(const schema::FieldType& field, std::string_view text,
                            std::string_view excerpt, WeftSlot& slot) {
  __int128 units = 0;
  int scale = field.type.scale;
  DecimalParseError error = scale == schema::kAnyScale
                                ? ParseDecimalKeepingScale(text, units, scale)
                                : ParseDecimal(text, scale, units);
  switch (error) {
    case DecimalParseError::None:
      break;
    case DecimalParseError::NotANumber:
      return fmt::format("field `{}` must be a decimal, but \"{}\" is not a number", field.name,
                         excerpt);
    case DecimalParseError::TooManyPlaces:
      return fmt::format("field `{}` is {}: {} has more than {} decimal places", field.name,
                         field.type.AsRequired().ToString(), excerpt,
                         field.type.scale == schema::kAnyScale ? kMaxDigits : field.type.scale);
    case DecimalParseError::TooManyDigits:
      break;
  }
  if (error == DecimalParseError::TooManyDigits || !FitsDigits(units, field.type.precision)) {
    return fmt::format("field `{}` is {}: {} has too many digits", field.name,
                       field.type.AsRequired().ToString(), excerpt);
  }
  slot.decimal = units;
  slot.scale = scale;
  return "";
}

namespace {

// The end of a reason for a date, or the date of a date-time, that has the form YYYY-MM-DD but
// names no day of the calendar, such as 2026-02-29 or 2026-13-01.
std::string NoSuchDay(std::string_view date) {
  if (!iso8601::HasDateShape(date) || iso8601::IsDate(date)) return "";
  return fmt::format(", and {} is not a day of the calendar", date);
}

}  // namespace

std::string ReadTextValue(const schema::FieldType& field, std::string_view text,
                          std::string_view excerpt, WeftSlot& slot) {
  switch (field.type.kind) {
    case TypeKind::Enum:
      if (field.type.enumeration->FindMember(text) < 0) {
        return fmt::format("field `{}` must be a member of enum `{}`, but the input has {}",
                           field.name, field.type.enumeration->QualifiedName(), excerpt);
      }
      break;
    case TypeKind::Date:
      if (!iso8601::IsDate(text)) {
        return fmt::format(
            "field `{}` must be a date such as \"2026-03-20\", but the input has {}{}", field.name,
            excerpt, NoSuchDay(text.substr(0, 10)));
      }
      break;
    case TypeKind::Time:
      if (!iso8601::IsTime(text)) {
        return fmt::format("field `{}` must be a time such as \"13:30:00\", but the input has {}",
                           field.name, excerpt);
      }
      break;
    default:
      if (!iso8601::IsDateTime(text)) {
        return fmt::format(
            "field `{}` must be a date-time with an offset such as \"2026-03-20T13:30:00Z\", but "
            "the input has {}{}",
            field.name, excerpt, NoSuchDay(text.substr(0, 10)));
      }
      break;
  }
  slot.string = {text.data(), static_cast<int64_t>(text.size())};
  return "";
}

std::string WithFieldPath(std::string reason, std::string_view name, std::string_view path) {
  size_t at = reason.find("`" + std::string(name));
  if (at != std::string::npos) reason.replace(at + 1, name.size(), path);
  return reason;
}

}  // namespace weft::runtime
