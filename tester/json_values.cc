#include "tester/json_values.h"

#include <fmt/format.h>
#include <simdjson.h>

#include <cstdlib>

#include <nlohmann/json.hpp>

#include "stdlib/utf8.h"

namespace weft::tester {
namespace {

namespace od = simdjson::ondemand;

std::string Child(const std::string& path, std::string_view key) {
  return path.empty() ? std::string(key) : path + "." + std::string(key);
}

simdjson::error_code Read(od::value value, const std::string& path, JsonValues& values);

simdjson::error_code ReadObject(od::object object, const std::string& path, JsonValues& values) {
  for (auto field : object) {
    std::string_view key;
    if (auto error = field.unescaped_key().get(key)) return error;
    if (auto error = Read(field.value(), Child(path, key), values)) return error;
  }
  return simdjson::SUCCESS;
}

// Reads the items of a list, and returns their number in `count`.
simdjson::error_code ReadArray(od::array array, const std::string& path, JsonValues& values,
                               size_t& count) {
  count = 0;
  for (auto element : array) {
    od::value value;
    if (auto error = element.get(value)) return error;
    if (auto error = Read(value, fmt::format("{}[{}]", path, count++), values)) return error;
  }
  return simdjson::SUCCESS;
}

simdjson::error_code Read(od::value value, const std::string& path, JsonValues& values) {
  od::json_type type;
  if (auto error = value.type().get(type)) return error;
  JsonValue& entry = values[path];
  switch (type) {
    case od::json_type::object: {
      entry.kind = JsonValue::Kind::Object;
      entry.text = "{...}";
      od::object object;
      if (auto error = value.get_object().get(object)) return error;
      return ReadObject(object, path, values);
    }
    case od::json_type::array: {
      entry.kind = JsonValue::Kind::Array;
      od::array array;
      if (auto error = value.get_array().get(array)) return error;
      size_t count = 0;
      if (auto error = ReadArray(array, path, values, count)) return error;
      // The text carries the length, so that a list compares whole: an expected list of two
      // items does not match an actual one of three that begins with them.
      entry.text = check::ListLengthText(count);
      return simdjson::SUCCESS;
    }
    case od::json_type::string: {
      std::string_view text;
      if (auto error = value.get_string().get(text)) return error;
      entry.kind = JsonValue::Kind::String;
      entry.text = std::string(text);
      return simdjson::SUCCESS;
    }
    case od::json_type::number:
      entry.kind = JsonValue::Kind::Number;
      entry.text = std::string(value.raw_json_token());
      break;
    case od::json_type::boolean:
      entry.kind = JsonValue::Kind::Bool;
      entry.text = std::string(value.raw_json_token());
      break;
    default:
      entry.kind = JsonValue::Kind::Null;
      entry.text = "null";
  }
  while (!entry.text.empty() && std::isspace(static_cast<unsigned char>(entry.text.back())))
    entry.text.pop_back();
  return simdjson::SUCCESS;
}

}  // namespace

bool ReadJsonValues(std::string_view json, JsonValues& values, std::string& error) {
  simdjson::padded_string padded(json);
  od::parser parser;
  od::document document;
  od::object object;
  simdjson::error_code code = parser.iterate(padded).get(document);
  if (!code) code = document.get_object().get(object);
  if (!code) code = ReadObject(object, "", values);
  if (code) {
    error = simdjson::error_message(code);
    return false;
  }
  // On-Demand reads only what it is asked for, so the whole text is validated separately.
  if (nlohmann::json::accept(json)) return true;
  error = "it is not one JSON value";
  return false;
}

std::string ShowValue(const JsonValue& value) {
  if (value.kind != JsonValue::Kind::String) return value.text;
  std::string shown;
  utf8::AppendJsonString(value.text, shown);
  return shown;
}

std::string ShowValue(const check::TestValue& value) {
  if (value.kind != check::TestValueKind::String) return value.text;
  std::string shown;
  utf8::AppendJsonString(value.text, shown);
  return shown;
}

bool SameValue(const check::TestValue& expected, const JsonValue& actual) {
  using Kind = check::TestValueKind;
  JsonValue::Kind kind = expected.kind == Kind::Null     ? JsonValue::Kind::Null
                         : expected.kind == Kind::Bool   ? JsonValue::Kind::Bool
                         : expected.kind == Kind::Number ? JsonValue::Kind::Number
                         : expected.kind == Kind::List   ? JsonValue::Kind::Array
                                                         : JsonValue::Kind::String;
  if (kind != actual.kind) return false;
  if (expected.is_float) return std::strtod(expected.text.c_str(), nullptr) ==
                                std::strtod(actual.text.c_str(), nullptr);
  return expected.text == actual.text;
}

}  // namespace weft::tester
