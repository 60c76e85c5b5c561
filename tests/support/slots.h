#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "compiler/schema/types.h"
#include "runtime/abi.h"

// Builders of schema fields and of slots holding present values, for tests of the runtime's
// readers and writers.
namespace weft::testing {

inline schema::FieldType Field(std::string name, schema::Type type, std::string default_json = "") {
  schema::FieldType field;
  field.name = std::move(name);
  field.type = std::move(type);
  field.default_json = std::move(default_json);
  return field;
}

// A string slot. Its bytes stay in `text`, which must outlive the slot.
inline WeftSlot StringSlot(std::string_view text) {
  WeftSlot slot{};
  slot.string = {text.data(), static_cast<int64_t>(text.size())};
  slot.present = 1;
  return slot;
}

inline WeftSlot IntSlot(int64_t value) {
  WeftSlot slot{};
  slot.integer = value;
  slot.present = 1;
  return slot;
}

// A decimal of `units` times 10^-scale.
inline WeftSlot DecimalSlot(__int128 units, int scale = 0) {
  WeftSlot slot{};
  slot.decimal = units;
  slot.scale = scale;
  slot.present = 1;
  return slot;
}

inline WeftSlot BoolSlot(bool value) {
  WeftSlot slot{};
  slot.boolean = value ? 1 : 0;
  slot.present = 1;
  return slot;
}

inline WeftSlot FloatSlot(double value) {
  WeftSlot slot{};
  slot.real = value;
  slot.present = 1;
  return slot;
}

}  // namespace weft::testing
