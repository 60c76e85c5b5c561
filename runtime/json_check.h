#pragma once

#include <simdjson.h>

#include <string>
#include <string_view>

namespace weft::runtime {

// Validates one complete JSON value in `text`, which must be followed by at least
// simdjson::SIMDJSON_PADDING readable bytes. Returns "" when it is valid, otherwise the reason.
// Unlike simdjson's DOM parser it accepts numbers of any size, because a record may carry an
// id or an amount beyond 64 bits in a field that a decimal(38, 0) or no field at all reads.
std::string CheckJson(simdjson::ondemand::parser& parser, std::string_view text);

// Validates one value that a document being iterated has reached, and the values inside it.
// `depth` is the value's nesting depth, 1 for the document's root.
std::string CheckJsonValue(simdjson::ondemand::value value, int depth);

// Returns `text` without the JSON whitespace at its end, which simdjson's raw_json_token() keeps.
std::string_view TrimRight(std::string_view text);

// True when `text` follows the JSON number grammar (RFC 8259, section 6).
bool IsJsonNumber(std::string_view text);

// The reason CheckJson gives when a valid value is followed by more than whitespace.
inline constexpr std::string_view kTrailingContent =
    "invalid JSON: unexpected content after the value";

}  // namespace weft::runtime
