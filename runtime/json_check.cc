#include "runtime/json_check.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <cstring>

namespace weft::runtime {
namespace {

namespace od = simdjson::ondemand;

}  // namespace

void AllowDepth(od::parser& parser, int max_depth) {
  // One level more than the check allows, so that the check sees the level beyond the limit.
  size_t levels = static_cast<size_t>(max_depth) + 1;
  if (parser.max_depth() > levels) return;
  // A failed allocation leaves the parser as it was, and iterate() then reports MEMALLOC.
  simdjson::error_code ignored =
      parser.allocate(std::max<size_t>(parser.capacity(), 64 * 1024), levels + 1);
  (void)ignored;
}

std::string TooDeep(int max_depth) {
  return fmt::format("{}{} levels of arrays and objects, the limit that --max-input-depth sets",
                     kTooDeepPrefix, max_depth);
}

std::string_view TrimRight(std::string_view text) {
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t' || text.back() == '\r' ||
                           text.back() == '\n')) {
    text.remove_suffix(1);
  }
  return text;
}

bool IsJsonNumber(std::string_view text) {
  size_t i = 0;
  auto digits = [&] {
    size_t start = i;
    while (i < text.size() && text[i] >= '0' && text[i] <= '9') ++i;
    return i > start;
  };
  if (i < text.size() && text[i] == '-') ++i;
  if (i < text.size() && text[i] == '0') {
    ++i;
  } else if (!digits()) {
    return false;
  }
  if (i < text.size() && text[i] == '.') {
    ++i;
    if (!digits()) return false;
  }
  if (i < text.size() && (text[i] == 'e' || text[i] == 'E')) {
    ++i;
    if (i < text.size() && (text[i] == '+' || text[i] == '-')) ++i;
    if (!digits()) return false;
  }
  return i == text.size();
}

namespace {

// True when every backslash in a quoted JSON string token starts one of JSON's escapes.
bool HasValidEscapes(std::string_view token) {
  for (size_t i = 0; i < token.size(); ++i) {
    // Most strings have no escape at all, so the search jumps from backslash to backslash.
    const void* backslash = std::memchr(token.data() + i, '\\', token.size() - i);
    if (backslash == nullptr) return true;
    i = static_cast<const char*>(backslash) - token.data();
    if (++i >= token.size()) return false;
    char escape = token[i];
    if (escape == 'u') {
      if (i + 4 >= token.size()) return false;
      for (size_t k = 1; k <= 4; ++k) {
        if (!std::isxdigit(static_cast<unsigned char>(token[i + k]))) return false;
      }
      i += 4;
    } else if (std::string_view("\"\\/bfnrt").find(escape) == std::string_view::npos) {
      return false;
    }
  }
  return true;
}

std::string Failure(simdjson::error_code error) {
  return fmt::format("invalid JSON: {}", simdjson::error_message(error));
}

}  // namespace

std::string CheckJsonValue(od::value value, int depth, int max_depth) {
  od::json_type type;
  if (auto error = value.type().get(type)) return Failure(error);
  // Only arrays and objects count as levels; a scalar inside the deepest one adds none.
  bool container = type == od::json_type::object || type == od::json_type::array;
  if (container && depth > max_depth) return TooDeep(max_depth);

  switch (type) {
    case od::json_type::object: {
      od::object object;
      if (auto error = value.get_object().get(object)) return Failure(error);
      for (auto field : object) {
        std::string_view key;
        if (auto error = field.unescaped_key().get(key)) return Failure(error);
        od::value member;
        if (auto error = field.value().get(member)) return Failure(error);
        std::string problem = CheckJsonValue(member, depth + 1, max_depth);
        if (!problem.empty()) return problem;
      }
      return "";
    }
    case od::json_type::array: {
      od::array array;
      if (auto error = value.get_array().get(array)) return Failure(error);
      for (auto element : array) {
        od::value item;
        if (auto error = element.get(item)) return Failure(error);
        std::string problem = CheckJsonValue(item, depth + 1, max_depth);
        if (!problem.empty()) return problem;
      }
      return "";
    }
    case od::json_type::string: {
      // The escapes are checked without decoding them, so that an unpaired surrogate such as
      // \ud800, which JSON's grammar allows, does not reject a record that never reads it.
      std::string_view token = TrimRight(value.raw_json_token());
      if (!HasValidEscapes(token))
        return fmt::format("invalid JSON: bad escape in string {}", token.substr(0, 40));
      // Consumed without decoding, because simdjson 3.0.1 skips an unconsumed string value
      // followed by `:` as if it were a key, which let `{"a": "b": }}` pass for an object.
      od::raw_json_string consumed;
      if (auto error = value.get_raw_json_string().get(consumed)) return Failure(error);
      return "";
    }
    case od::json_type::number: {
      std::string_view token = TrimRight(value.raw_json_token());
      if (!IsJsonNumber(token))
        return fmt::format("invalid JSON: `{}` is not a number", token.substr(0, 40));
      return "";
    }
    case od::json_type::boolean:
    case od::json_type::null: {
      std::string_view token = TrimRight(value.raw_json_token());
      if (token == "true" || token == "false" || token == "null") return "";
      return fmt::format("invalid JSON: `{}` is not a value", token.substr(0, 40));
    }
  }
  return "invalid JSON";
}

std::string CheckJson(od::parser& parser, std::string_view text, int max_depth) {
  od::document document;
  if (auto error =
          parser.iterate(text.data(), text.size(), text.size() + simdjson::SIMDJSON_PADDING)
              .get(document)) {
    return Failure(error);
  }

  // A scalar document cannot be read as a value, so it is checked by its raw text.
  bool scalar = false;
  if (auto error = document.is_scalar().get(scalar)) return Failure(error);
  if (scalar) {
    od::json_type type;
    if (auto error = document.type().get(type)) return Failure(error);
    std::string_view token;
    if (auto error = document.raw_json_token().get(token)) return Failure(error);
    token = TrimRight(token);
    // Only whitespace may follow the scalar, as in `1 2` or `"a":1` it would not.
    size_t used = static_cast<size_t>(token.data() + token.size() - text.data());
    if (TrimRight(text.substr(used)).size() > 0) return std::string(kTrailingContent);
    bool valid = type == od::json_type::number ? IsJsonNumber(token)
                 : type == od::json_type::string
                     ? token.size() >= 2 && token.back() == '"' && HasValidEscapes(token)
                     : token == "true" || token == "false" || token == "null";
    return valid ? "" : fmt::format("invalid JSON: `{}` is not a value", token.substr(0, 40));
  }

  od::value root;
  if (auto error = document.get_value().get(root)) return Failure(error);
  std::string problem = CheckJsonValue(root, 1, max_depth);
  if (!problem.empty()) return problem;

  // After the root value only whitespace may follow.
  const char* end = nullptr;
  if (document.current_location().get(end) == simdjson::SUCCESS && end != nullptr) {
    return std::string(kTrailingContent);
  }
  return "";
}

}  // namespace weft::runtime
