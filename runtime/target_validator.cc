#include "runtime/target_validator.h"

#include <fmt/format.h>
#include <re2/re2.h>

#include <algorithm>

#include "runtime/decimal.h"
#include "runtime/field_text.h"

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

}  // namespace

TargetValidator::TargetValidator(const schema::RecordType& record, int depth) : record_(record) {
  // A limit written as decimal text that is no number is ignored, as the checker has reported
  // it already.
  auto parse = [](const std::string& text) -> std::optional<Limit> {
    Limit limit;
    if (text.empty() ||
        ParseDecimalKeepingScale(text, limit.units, limit.scale) != DecimalParseError::None) {
      return std::nullopt;
    }
    return limit;
  };
  for (const schema::FieldType& field : record.fields) {
    FieldLimits limits;
    limits.any = !field.constraints.empty();
    if (!field.constraints.pattern.empty()) {
      limits.pattern = std::make_unique<re2::RE2>(field.constraints.pattern, re2::RE2::Quiet);
      if (!limits.pattern->ok()) limits.pattern.reset();
    }
    limits.minimum = parse(field.constraints.minimum);
    limits.maximum = parse(field.constraints.maximum);
    const schema::Type* inner = &field.type;
    if (inner->kind == TypeKind::List && inner->element != nullptr) {
      inner = inner->element.get();
      // The code generator checks no precision for the items it computes, so this does.
      if (inner->kind == TypeKind::Decimal) limits.item_precision = inner->precision;
    }
    if (inner->kind == TypeKind::Record && inner->record != nullptr &&
        depth < kMaxNestedRecords) {
      auto nested = std::make_unique<TargetValidator>(*inner->record, depth + 1);
      if (nested->HasConstraints()) limits.nested = std::move(nested);
    }
    limits.any = limits.any || limits.nested != nullptr || limits.item_precision > 0;
    if (limits.any) has_constraints_ = true;
    limits_.push_back(std::move(limits));
  }
}

TargetValidator::~TargetValidator() = default;

std::string TargetValidator::Validate(const WeftSlot* slots, int& field) const {
  for (size_t i = 0; i < record_.fields.size(); ++i) {
    if (!slots[i].present || !limits_[i].any) continue;
    std::string problem = ValidateField(record_.fields[i], slots[i], limits_[i]);
    if (problem.empty()) continue;
    field = static_cast<int>(i);
    return problem;
  }
  return "";
}

std::string TargetValidator::ValidateNested(const schema::FieldType& field, const WeftSlot& slot,
                                            const FieldLimits& limits) const {
  // A nested reason names the field by its path, such as `lines[2].sku`.
  if (field.type.kind == TypeKind::Record) {
    int inner = -1;
    std::string problem = limits.nested->Validate(slot.list.items, inner);
    if (problem.empty()) return "";
    const std::string& name = limits.nested->record_.fields[inner].name;
    return WithFieldPath(std::move(problem), name, field.name + "." + name);
  }
  for (int64_t i = 0; i < slot.list.count; ++i) {
    const WeftSlot& item = slot.list.items[i];
    if (!item.present) continue;
    std::string path = fmt::format("{}[{}]", field.name, i);
    if (limits.item_precision > 0 && !FitsDigits(item.decimal, limits.item_precision)) {
      int scale = field.type.element->scale == schema::kAnyScale ? item.scale
                                                                 : field.type.element->scale;
      return fmt::format("value {} of `{}` has more than the {} digits of {}",
                         DecimalToString(item.decimal, scale), path, limits.item_precision,
                         field.type.element->ToString());
    }
    if (limits.nested == nullptr) continue;
    int inner = -1;
    std::string problem = limits.nested->Validate(item.list.items, inner);
    if (problem.empty()) continue;
    const std::string& name = limits.nested->record_.fields[inner].name;
    return WithFieldPath(std::move(problem), name, path + "." + name);
  }
  return "";
}

std::string TargetValidator::ValidateField(const schema::FieldType& field, const WeftSlot& slot,
                                           const FieldLimits& prepared) const {
  if (prepared.nested != nullptr || prepared.item_precision > 0) {
    return ValidateNested(field, slot, prepared);
  }
  const schema::Constraints& limits = field.constraints;
  const re2::RE2* pattern = prepared.pattern.get();
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
  // The value is written out only for a reason, so a valid record costs no formatting.
  auto written = [&] { return DecimalToString(value, scale); };
  if (prepared.minimum) {
    int order = CompareDecimals(value, scale, prepared.minimum->units, prepared.minimum->scale);
    if (order < 0 || (order == 0 && limits.exclusive_minimum)) {
      return fmt::format("value {} of field `{}` is below its minimum {}", written(), field.name,
                         limits.minimum);
    }
  }
  if (prepared.maximum) {
    int order = CompareDecimals(value, scale, prepared.maximum->units, prepared.maximum->scale);
    if (order > 0 || (order == 0 && limits.exclusive_maximum)) {
      return fmt::format("value {} of field `{}` is above its maximum {}", written(), field.name,
                         limits.maximum);
    }
  }
  // TODO: `multiple_of` from imported schemas is not enforced yet.
  return "";
}

}  // namespace weft::runtime
