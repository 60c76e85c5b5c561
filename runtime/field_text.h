#pragma once

#include <string>
#include <string_view>

#include "compiler/schema/types.h"
#include "runtime/abi.h"

// Reads the field values that records carry as text. The record readers of every input format
// share these functions, so all formats accept the same values and give the same reasons. Each
// function returns "" after filling the slot's payload, or the reason the value does not fit the
// field, naming the field and `excerpt`, the value as the reason shows it. Neither sets
// `present`.
namespace weft::runtime {

// Parses a decimal exactly, never through a float: at the field's scale, or for `decimal` without
// digits at the scale the text has ("10.50" keeps 2 places). A value with more places than the
// scale or more digits than the precision is rejected, because input is never rounded.
std::string ReadDecimalText(const schema::FieldType& field, std::string_view text,
                            std::string_view excerpt, WeftSlot& slot);

// Checks an enum member, a date, a time or a date-time, and points the slot's string at `text`.
std::string ReadTextValue(const schema::FieldType& field, std::string_view text,
                          std::string_view excerpt, WeftSlot& slot);

// Returns `reason` with the first field it quotes as `name...` renamed to start with `path`
// instead, so that a reason from a nested value names it by its whole path (`lines[2].sku`).
std::string WithFieldPath(std::string reason, std::string_view name, std::string_view path);

}  // namespace weft::runtime
