#pragma once

#include <map>
#include <string>
#include <string_view>

#include "compiler/check/checked_test.h"

namespace weft::tester {

// One value of a JSON record at its path. Objects and arrays appear too, as `{...}` and `[...]`,
// so that a test expecting `null` where a record contains an object can show that object.
struct JsonValue {
  enum class Kind { Null, Bool, Number, String, Object, Array } kind = Kind::Null;
  // The number as written, "true" or "false", "null", the string with escapes resolved, or
  // `{...}` or `[...]`.
  std::string text;
};

// The values of a JSON record by path: `address.street`, `lines[1]`.
using JsonValues = std::map<std::string, JsonValue>;

// Reads one JSON object into `values`. Returns false with `error` set when the text is not one
// JSON object.
bool ReadJsonValues(std::string_view json, JsonValues& values, std::string& error);

// A value as a test failure shows it: strings in double quotes, other values as JSON.
std::string ShowValue(const JsonValue& value);
std::string ShowValue(const check::TestValue& value);

// True when the expected value equals the actual one exactly: the same kind and text, so that
// 10.5 and 10.50 differ. Floats are compared by value instead.
bool SameValue(const check::TestValue& expected, const JsonValue& actual);

}  // namespace weft::tester
