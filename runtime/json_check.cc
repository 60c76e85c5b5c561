#include "runtime/json_check.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <cstring>

#include "stdlib/utf8.h"

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

// Tests a byte against the hex digits of a `\u` escape inline, because std::isxdigit is a call
// into the C library per digit, and its result depends on the locale.
bool IsHexDigit(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

// Returns the position of the first backslash in `text` that does not start one of JSON's
// escapes (one of `"\\/bfnrt`, or `u` and four hex digits), or npos when there is none. The valid
// escapes before it are added to `escapes` unless it is null.
size_t FirstBadEscape(std::string_view text, std::vector<const char*>* escapes = nullptr) {
  for (size_t i = 0; i < text.size(); ++i) {
    // Most strings have no escape at all, so the search jumps from backslash to backslash.
    const void* backslash = std::memchr(text.data() + i, '\\', text.size() - i);
    if (backslash == nullptr) return std::string_view::npos;
    size_t at = static_cast<const char*>(backslash) - text.data();
    if (at + 1 >= text.size()) return at;
    i = at + 1;
    if (text[i] == 'u') {
      if (at + 6 > text.size()) return at;
      for (size_t k = at + 2; k < at + 6; ++k) {
        if (!IsHexDigit(text[k])) return at;
      }
      i = at + 5;
    } else if (std::string_view("\"\\/bfnrt").find(text[i]) == std::string_view::npos) {
      return at;
    }
    if (escapes != nullptr) escapes->push_back(text.data() + at);
  }
  return std::string_view::npos;
}

// Returns the start of a token to quote in a reason, cut where a character ends, so that the
// reason stays valid UTF-8 when the token is cut.
std::string_view Excerpt(std::string_view token) {
  return utf8::TruncateAtCharacter(token, 40);
}

std::string Failure(simdjson::error_code error) {
  return fmt::format("invalid JSON: {}", simdjson::error_message(error));
}

// Checks a scalar by its token: a number, true, false or null. Strings are not scalars here.
std::string CheckAtom(std::string_view token) {
  token = TrimRight(token);
  bool number = !token.empty() && (token.front() == '-' ||
                                   std::isdigit(static_cast<unsigned char>(token.front())));
  if (number ? IsJsonNumber(token) : token == "true" || token == "false" || token == "null")
    return "";
  return fmt::format("invalid JSON: `{}` is not a {}", Excerpt(token),
                     number ? "number" : "value");
}

// Validates a value and the values inside it. When `escapes_checked` is set, CheckEscapes has
// passed the whole record, so strings and keys are not looked into again.
std::string CheckValue(od::value& value, int depth, int max_depth, bool escapes_checked) {
  std::string_view token = value.raw_json_token();
  if (token.empty()) {
    // The record ended where a value was due, and simdjson's error names the problem.
    od::json_type type;
    if (auto error = value.type().get(type)) return Failure(error);
    return "invalid JSON: a value is missing";
  }
  char first = token.front();
  // Only arrays and objects count as levels; a scalar inside the deepest one adds none.
  if ((first == '{' || first == '[') && depth > max_depth) return TooDeep(max_depth);
  switch (first) {
    case '{': {
      od::object object;
      if (auto error = value.get_object().get(object)) return Failure(error);
      for (auto field : object) {
        if (auto error = field.error()) return Failure(error);
        if (!escapes_checked) {
          std::string_view key;
          if (auto error = field.value_unsafe().unescaped_key().get(key)) return Failure(error);
        }
        od::value& member = field.value_unsafe().value();
        // Strings and nulls, most of the members of an unread object, are checked inline.
        if (escapes_checked && PassesUnreadQuickly(member)) continue;
        std::string problem = CheckValue(member, depth + 1, max_depth, escapes_checked);
        if (!problem.empty()) return problem;
      }
      return "";
    }
    case '[': {
      od::array array;
      if (auto error = value.get_array().get(array)) return Failure(error);
      for (auto element : array) {
        if (auto error = element.error()) return Failure(error);
        if (escapes_checked && PassesUnreadQuickly(element.value_unsafe())) continue;
        std::string problem =
            CheckValue(element.value_unsafe(), depth + 1, max_depth, escapes_checked);
        if (!problem.empty()) return problem;
      }
      return "";
    }
    case '"': {
      // The escapes are checked without decoding them, so that an unpaired surrogate such as
      // \ud800, which JSON's grammar allows, does not reject a record that never reads it.
      if (!escapes_checked && FirstBadEscape(TrimRight(token)) != std::string_view::npos)
        return fmt::format("invalid JSON: bad escape in string {}", Excerpt(token));
      // Consumed without decoding, because simdjson 3.0.1 skips an unconsumed string value
      // followed by `:` as if it were a key, which let `{"a": "b": }}` pass for an object.
      od::raw_json_string consumed;
      if (auto error = value.get_raw_json_string().get(consumed)) return Failure(error);
      return "";
    }
    default:
      // Left unconsumed: the iterator skips a scalar, and reports a `:` after it.
      return CheckAtom(token);
  }
}

}  // namespace

std::string QuoteBytes(std::string_view text) {
  std::string excerpt = "`";
  for (char c : text.substr(0, kQuotedBytes)) {
    auto byte = static_cast<unsigned char>(c);
    if (byte >= 0x20 && byte < 0x7F) {
      excerpt += c;
    } else {
      excerpt += fmt::format("\\x{:02X}", byte);
    }
  }
  return excerpt + "`";
}

std::string CheckEscapes(std::string_view text, std::vector<const char*>& escapes) {
  escapes.clear();
  size_t at = FirstBadEscape(text, &escapes);
  if (at == std::string_view::npos) return "";
  size_t length = at + 1 < text.size() && text[at + 1] == 'u' ? 6 : 2;
  std::string_view escape = utf8::TruncateAtCharacter(text.substr(at), length);
  return fmt::format("invalid JSON: `{}` at byte {} of the record is not a JSON escape", escape,
                     at + 1);
}

std::string CheckUnreadValue(od::value& value, int depth, int max_depth) {
  return CheckValue(value, depth, max_depth, true);
}

std::string CheckJsonValue(od::value value, int depth, int max_depth) {
  return CheckValue(value, depth, max_depth, false);
}

std::string CheckJson(od::parser& parser, std::string_view text, int max_depth) {
  // Text that cannot start a JSON value is named as a bad literal is, because simdjson's error only
  // reports that the document has an improper structure.
  size_t first = text.find_first_not_of(" \t\r\n");
  if (first != std::string_view::npos &&
      std::string_view("{[\"-0123456789tfn").find(text[first]) == std::string_view::npos) {
    std::string_view token = text.substr(first);
    token = token.substr(0, token.find_first_of(" \t\r\n,:{}[]\""));
    return fmt::format("invalid JSON: `{}` is not a value", Excerpt(token.empty() ? text : token));
  }
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
                     ? token.size() >= 2 && token.back() == '"' &&
                           FirstBadEscape(token) == std::string_view::npos
                     : token == "true" || token == "false" || token == "null";
    return valid ? "" : fmt::format("invalid JSON: `{}` is not a value", Excerpt(token));
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
