#pragma once

#include <simdjson.h>

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace weft::runtime {

// The default bound on how deep the arrays and objects of an input record may nest.
inline constexpr int kDefaultMaxInputDepth = 512;
// The largest bound that may be set, because the check recurses once per level and so uses
// stack in proportion to the bound. 1024 levels run on a mapping thread under AddressSanitizer;
// 4096 overflowed its stack there.
inline constexpr int kMaxInputDepthCeiling = 1024;

// Validates one complete JSON value in `text`, which must be followed by at least
// simdjson::SIMDJSON_PADDING readable bytes. Returns "" when it is valid, otherwise the reason.
// Unlike simdjson's DOM parser it accepts numbers of any size, because a record may carry an
// id or an amount beyond 64 bits in a field that a decimal(38, 0) or no field at all reads.
// Arrays and objects nested deeper than `max_depth` make it return TooDeep's reason.
std::string CheckJson(simdjson::ondemand::parser& parser, std::string_view text,
                      int max_depth = kDefaultMaxInputDepth);

// Validates one value that a document being iterated has reached, and the values inside it.
// `depth` is the value's nesting depth, 1 for the document's root; only arrays and objects are
// held to `max_depth`.
std::string CheckJsonValue(simdjson::ondemand::value value, int depth,
                           int max_depth = kDefaultMaxInputDepth);

// Checks every backslash in `text`, a whole record, against JSON's escapes: one of `"\/bfnrt`,
// or `u` and four hex digits. A backslash outside a string makes the record invalid anyway, so
// one pass over the record checks the escapes of every string in it, the unread ones included.
// Returns "" when all are valid, otherwise the reason with the first bad escape's byte position.
// `escapes` is set to the backslash of each valid escape, in order.
std::string CheckEscapes(std::string_view text, std::vector<const char*>& escapes);

// Validates a value that the rule does not read, in a record whose escapes CheckEscapes has
// passed. A scalar is checked by its text alone, and an array or object as CheckJsonValue does.
// A string is consumed, and the other scalars are left for the iterator to skip.
std::string CheckUnreadValue(simdjson::ondemand::value& value, int depth,
                             int max_depth = kDefaultMaxInputDepth);

// Checks the common cases of CheckUnreadValue, a string or null, inline. Returns true when the
// value is one of them and valid, and false when CheckUnreadValue must decide.
[[gnu::always_inline]] inline bool PassesUnreadQuickly(simdjson::ondemand::value& value) {
  std::string_view token = value.raw_json_token();
  if (token.empty()) return false;
  if (token.front() == '"') {
    simdjson::ondemand::raw_json_string consumed;
    return value.get_raw_json_string().get(consumed) == simdjson::SUCCESS;
  }
  // The token runs to the next structural character, so it may end in whitespace.
  return token.starts_with("null") &&
         (token.size() == 4 || token[4] == ' ' || token[4] == '\n' || token[4] == '\r' ||
          token[4] == '\t');
}

// Lets `parser` iterate values nested `max_depth` deep. simdjson's On-Demand parser keeps one
// entry per level, 1024 by default, and deeper input is undefined behaviour in release builds and
// an assertion in debug builds, so a parser must allow more levels than the check stops at.
void AllowDepth(simdjson::ondemand::parser& parser, int max_depth);

// The reason given for a value that nests deeper than `max_depth`. It starts with
// kTooDeepPrefix; the value is valid JSON, only beyond the limit.
std::string TooDeep(int max_depth);
inline constexpr std::string_view kTooDeepPrefix = "the record nests more than ";

// Returns `text` without the JSON whitespace at its end, which simdjson's raw_json_token() keeps.
// It is inline, because the reader calls it for every value it reads.
inline std::string_view TrimRight(std::string_view text) {
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t' || text.back() == '\r' ||
                           text.back() == '\n')) {
    text.remove_suffix(1);
  }
  return text;
}

// True when `text` follows the JSON number grammar (RFC 8259, section 6).
bool IsJsonNumber(std::string_view text);

// How many bytes of a value QuoteBytes shows.
inline constexpr size_t kQuotedBytes = 20;

// Quotes the first kQuotedBytes bytes of `text` in backquotes for a message, with each byte that
// is not printable ASCII written as \xNN.
std::string QuoteBytes(std::string_view text);

// The reason CheckJson gives when a valid value is followed by more than whitespace.
inline constexpr std::string_view kTrailingContent =
    "invalid JSON: unexpected content after the value";

}  // namespace weft::runtime
