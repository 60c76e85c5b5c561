#include "compiler/schema/import/document.h"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>

#include "compiler/schema/types.h"
#include "stdlib/utf8.h"

namespace weft::schema::import {
namespace {


void AppendJson(const Node& node, std::string& out) {
  switch (node.kind) {
    case NodeKind::Null:
      out += "null";
      break;
    case NodeKind::Bool:
    case NodeKind::Number:
      out += node.text;
      break;
    case NodeKind::String:
      utf8::AppendJsonString(node.text, out);
      break;
    case NodeKind::Array:
      out += '[';
      for (size_t i = 0; i < node.elements.size(); ++i) {
        if (i > 0) out += ',';
        AppendJson(node.elements[i], out);
      }
      out += ']';
      break;
    case NodeKind::Object:
      out += '{';
      for (size_t i = 0; i < node.members.size(); ++i) {
        if (i > 0) out += ',';
        utf8::AppendJsonString(node.members[i].key, out);
        out += ':';
        AppendJson(node.members[i].value, out);
      }
      out += '}';
      break;
  }
}

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// Decodes the %XX escapes of a URI fragment; returns false on a malformed escape.
bool PercentDecode(std::string_view text, std::string& out) {
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '%') {
      out += text[i];
      continue;
    }
    int high = i + 1 < text.size() ? HexValue(text[i + 1]) : -1;
    int low = i + 2 < text.size() ? HexValue(text[i + 2]) : -1;
    if (high < 0 || low < 0) return false;
    out += static_cast<char>(high * 16 + low);
    i += 2;
  }
  return true;
}

// Turns `~1` into `/` and `~0` into `~`; returns false on any other use of `~`.
bool UnescapeToken(std::string_view token, std::string& out) {
  for (size_t i = 0; i < token.size(); ++i) {
    if (token[i] != '~') {
      out += token[i];
      continue;
    }
    if (i + 1 >= token.size() || (token[i + 1] != '0' && token[i + 1] != '1')) return false;
    out += token[i + 1] == '0' ? '~' : '/';
    ++i;
  }
  return true;
}

const Node* Step(const Node& node, const std::string& token) {
  if (node.IsObject()) return node.Find(token);
  if (!node.IsArray() || token.empty() || (token.size() > 1 && token[0] == '0')) return nullptr;
  size_t index = 0;
  auto [end, error] = std::from_chars(token.data(), token.data() + token.size(), index);
  if (error != std::errc() || end != token.data() + token.size()) return nullptr;
  return index < node.elements.size() ? &node.elements[index] : nullptr;
}

}  // namespace

const Member* Node::FindMember(std::string_view key) const {
  for (const Member& member : members) {
    if (member.key == key) return &member;
  }
  return nullptr;
}

const Node* Node::Find(std::string_view key) const {
  const Member* member = FindMember(key);
  return member != nullptr ? &member->value : nullptr;
}

std::string_view Node::StringAt(std::string_view key) const {
  const Node* value = Find(key);
  return value != nullptr && value->IsString() ? std::string_view(value->text) : "";
}

bool IsIntegerNumber(std::string_view number) {
  return number.find_first_of(".eE") == std::string_view::npos;
}

int DecimalPlaces(std::string_view number) {
  size_t exponent_at = number.find_first_of("eE");
  std::string_view mantissa = number.substr(0, exponent_at);
  long exponent = 0;
  if (exponent_at != std::string_view::npos) {
    std::string_view digits = number.substr(exponent_at + 1);
    if (!digits.empty() && digits[0] == '+') digits.remove_prefix(1);
    auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), exponent);
    if (error != std::errc()) return -1;
  }
  size_t point = mantissa.find('.');
  std::string_view fraction = point == std::string_view::npos ? "" : mantissa.substr(point + 1);
  while (!fraction.empty() && fraction.back() == '0') fraction.remove_suffix(1);
  long places = static_cast<long>(fraction.size()) - exponent;
  if (places > kMaxDecimalPrecision) return -1;
  return static_cast<int>(std::max(0L, places));
}

std::string ToJson(const Node& node) {
  std::string out;
  AppendJson(node, out);
  return out;
}

std::string Excerpt(const Node& node) {
  constexpr size_t kMaxExcerpt = 40;
  std::string json = ToJson(node);
  if (json.size() <= kMaxExcerpt) return json;
  size_t cut = kMaxExcerpt;
  while (cut > 0 && (static_cast<unsigned char>(json[cut]) & 0xC0) == 0x80) --cut;
  return json.substr(0, cut) + "...";
}

std::string_view DescribeKind(NodeKind kind) {
  switch (kind) {
    case NodeKind::Null:
      return "null";
    case NodeKind::Bool:
      return "a boolean";
    case NodeKind::Number:
      return "a number";
    case NodeKind::String:
      return "a string";
    case NodeKind::Array:
      return "an array";
    case NodeKind::Object:
      return "an object";
  }
  return "a value";
}

std::string AppendPointer(std::string_view pointer, std::string_view token) {
  std::string out(pointer);
  out += '/';
  for (char c : token) {
    if (c == '~') {
      out += "~0";
    } else if (c == '/') {
      out += "~1";
    } else {
      out += c;
    }
  }
  return out;
}

const Node* ResolvePointer(const Node& root, std::string_view reference) {
  if (reference.empty() || reference[0] != '#') return nullptr;
  std::string pointer;
  if (!PercentDecode(reference.substr(1), pointer)) return nullptr;
  if (pointer.empty()) return &root;
  if (pointer[0] != '/') return nullptr;

  const Node* node = &root;
  size_t start = 1;
  while (node != nullptr) {
    size_t end = pointer.find('/', start);
    std::string_view raw = std::string_view(pointer).substr(start, end - start);
    std::string token;
    if (!UnescapeToken(raw, token)) return nullptr;
    node = Step(*node, token);
    if (end == std::string::npos) break;
    start = end + 1;
  }
  return node;
}

}  // namespace weft::schema::import
