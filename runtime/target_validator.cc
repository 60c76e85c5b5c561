#include "runtime/target_validator.h"

#include <fmt/format.h>
#include <re2/re2.h>

#include <algorithm>

#include "runtime/decimal.h"

namespace weft::runtime {
namespace {

using schema::TypeKind;

int64_t CodePoints(std::string_view text) {
  int64_t count = 0;
  for (char c : text) {
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++count;
  }
  return count;
}

std::string Shortened(std::string_view text) {
  if (text.size() <= 60) return std::string(text);
  return std::string(text.substr(0, 57)) + "...";
}

// Compares a number with a limit written as decimal text; nullopt when the limit is no number.
std::optional<int> CompareWithLimit(__int128 value, int scale, const std::string& limit) {
  __int128 limit_units = 0;
  int limit_scale = 0;
  if (ParseDecimalKeepingScale(limit, limit_units, limit_scale) != DecimalParseError::None) {
    return std::nullopt;
  }
  return CompareDecimals(value, scale, limit_units, limit_scale);
}

}  // namespace

TargetValidator::TargetValidator(const schema::RecordType& record) : record_(record) {
  for (const schema::FieldType& field : record.fields) {
    std::unique_ptr<re2::RE2> pattern;
    if (!field.constraints.pattern.empty()) {
      pattern = std::make_unique<re2::RE2>(field.constraints.pattern, re2::RE2::Quiet);
      if (!pattern->ok()) pattern.reset();
    }
    patterns_.push_back(std::move(pattern));
    if (!field.constraints.empty()) has_constraints_ = true;
  }
}

TargetValidator::~TargetValidator() = default;

std::string TargetValidator::Validate(const WeftSlot* slots, int& field) const {
  for (size_t i = 0; i < record_.fields.size(); ++i) {
    if (!slots[i].present || record_.fields[i].constraints.empty()) continue;
    std::string problem = ValidateField(record_.fields[i], slots[i], patterns_[i].get());
    if (problem.empty()) continue;
    field = static_cast<int>(i);
    return problem;
  }
  return "";
}

std::string TargetValidator::ValidateField(const schema::FieldType& field, const WeftSlot& slot,
                                           const re2::RE2* pattern) const {
  const schema::Constraints& limits = field.constraints;
  TypeKind kind = field.type.kind;
  if (kind == TypeKind::String) {
    std::string_view text(slot.string.data, static_cast<size_t>(slot.string.size));
    int64_t length = CodePoints(text);
    if (limits.max_length && length > *limits.max_length) {
      return fmt::format("value \"{}\" of field `{}` has {} code points, more than the {} allowed",
                         Shortened(text), field.name, length, *limits.max_length);
    }
    if (limits.min_length && length < *limits.min_length) {
      return fmt::format(
          "value \"{}\" of field `{}` has {} code points, fewer than the {} required",
          Shortened(text), field.name, length, *limits.min_length);
    }
    if (pattern != nullptr && !re2::RE2::FullMatch(text, *pattern)) {
      return fmt::format("value \"{}\" of field `{}` does not match the pattern \"{}\"",
                         Shortened(text), field.name, limits.pattern);
    }
    const std::vector<std::string>& allowed = limits.allowed_values;
    if (!allowed.empty() && std::find(allowed.begin(), allowed.end(), text) == allowed.end()) {
      return fmt::format("value \"{}\" of field `{}` is not one of its allowed values",
                         Shortened(text), field.name);
    }
    return "";
  }
  if (kind != TypeKind::Int && kind != TypeKind::Decimal) return "";

  __int128 value = kind == TypeKind::Int ? static_cast<__int128>(slot.integer) : slot.decimal;
  int scale = kind == TypeKind::Int                        ? 0
              : field.type.scale == schema::kAnyScale ? slot.scale
                                                          : field.type.scale;
  std::string written = DecimalToString(value, scale);
  if (!limits.minimum.empty()) {
    std::optional<int> order = CompareWithLimit(value, scale, limits.minimum);
    if (order && (*order < 0 || (*order == 0 && limits.exclusive_minimum))) {
      return fmt::format("value {} of field `{}` is below its minimum {}", written, field.name,
                         limits.minimum);
    }
  }
  if (!limits.maximum.empty()) {
    std::optional<int> order = CompareWithLimit(value, scale, limits.maximum);
    if (order && (*order > 0 || (*order == 0 && limits.exclusive_maximum))) {
      return fmt::format("value {} of field `{}` is above its maximum {}", written, field.name,
                         limits.maximum);
    }
  }
  // TODO: `multiple_of` from imported schemas is not enforced yet.
  return "";
}

}  // namespace weft::runtime
