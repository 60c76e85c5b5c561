#include "compiler/schema/import/yaml_scalar.h"

#include <charconv>
#include <cstdint>
#include <string>

namespace weft::schema::import {
namespace {

bool IsNull(std::string_view text) {
  return text.empty() || text == "~" || text == "null" || text == "Null" || text == "NULL";
}

bool IsTrue(std::string_view text) { return text == "true" || text == "True" || text == "TRUE"; }

bool IsFalse(std::string_view text) {
  return text == "false" || text == "False" || text == "FALSE";
}

// Drops leading zeros from a run of digits, keeping one digit.
std::string_view TrimZeros(std::string_view digits) {
  while (digits.size() > 1 && digits[0] == '0') digits.remove_prefix(1);
  return digits;
}

size_t CountDigits(std::string_view text, size_t at) {
  size_t count = 0;
  while (at + count < text.size() && text[at + count] >= '0' && text[at + count] <= '9') ++count;
  return count;
}

// Rewrites a decimal integer or float of the core schema, [-+]?(.D+|D+(.D*)?)([eE][-+]?D+)?, in
// JSON syntax; false when `text` is neither. Scanned by hand, because std::regex recurses per
// character and a long scalar would exhaust the stack.
bool ToJsonNumber(std::string_view text, std::string& json) {
  size_t at = 0;
  bool negative = false;
  if (at < text.size() && (text[at] == '-' || text[at] == '+')) negative = text[at++] == '-';
  std::string_view integer = text.substr(at, CountDigits(text, at));
  at += integer.size();
  std::string_view fraction;
  if (at < text.size() && text[at] == '.') {
    fraction = text.substr(at + 1, CountDigits(text, at + 1));
    at += 1 + fraction.size();
  }
  if (integer.empty() && fraction.empty()) return false;
  std::string_view exponent;
  if (at < text.size() && (text[at] == 'e' || text[at] == 'E')) {
    size_t sign = at + 1 < text.size() && (text[at + 1] == '-' || text[at + 1] == '+') ? 1 : 0;
    size_t digits = CountDigits(text, at + 1 + sign);
    if (digits == 0) return false;
    exponent = text.substr(at, 1 + sign + digits);
    at += exponent.size();
  }
  if (at != text.size()) return false;

  json.clear();
  if (negative) json += '-';
  json += integer.empty() ? "0" : TrimZeros(integer);
  if (!fraction.empty()) {
    json += '.';
    json += fraction;
  }
  json += exponent;
  return true;
}

// Converts `0o17` and `0x1F` to decimal digits; false for other text or a value beyond 64 bits.
bool ToJsonFromRadix(std::string_view text, std::string& json) {
  if (text.size() < 3 || text[0] != '0' || (text[1] != 'o' && text[1] != 'x')) return false;
  int base = text[1] == 'o' ? 8 : 16;
  uint64_t value = 0;
  std::string_view digits = text.substr(2);
  auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), value, base);
  if (error != std::errc() || end != digits.data() + digits.size()) return false;
  json = std::to_string(value);
  return true;
}

}  // namespace

void ResolveScalar(std::string_view text, ScalarForm form, Node& node) {
  node.kind = NodeKind::String;
  node.text = text;
  if (form == ScalarForm::Text) return;

  std::string json;
  if (IsNull(text)) {
    node.kind = NodeKind::Null;
    node.text.clear();
  } else if (IsTrue(text) || IsFalse(text)) {
    node.kind = NodeKind::Bool;
    node.text = IsTrue(text) ? "true" : "false";
  } else if (ToJsonNumber(text, json) || ToJsonFromRadix(text, json)) {
    node.kind = NodeKind::Number;
    node.text = std::move(json);
  }
}

}  // namespace weft::schema::import
