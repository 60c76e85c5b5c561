#include "compiler/schema/import/json_reader.h"

#include <fmt/format.h>

#include <algorithm>
#include <unordered_set>

namespace weft::schema::import {
namespace {

void AppendUtf8(uint32_t code_point, std::string& out) {
  if (code_point < 0x80) {
    out += static_cast<char>(code_point);
  } else if (code_point < 0x800) {
    out += static_cast<char>(0xC0 | (code_point >> 6));
    out += static_cast<char>(0x80 | (code_point & 0x3F));
  } else if (code_point < 0x10000) {
    out += static_cast<char>(0xE0 | (code_point >> 12));
    out += static_cast<char>(0x80 | ((code_point >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (code_point & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (code_point >> 18));
    out += static_cast<char>(0x80 | ((code_point >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((code_point >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (code_point & 0x3F));
  }
}

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// A recursive-descent reader. Each function leaves `at_` after what it read. On an error it
// records the first one and returns false, so the callers unwind without reading further.
class JsonReader {
 public:
  JsonReader(std::string_view text, FileId file, const ReadLimits& limits)
      : text_(text), file_(file), limits_(limits) {}

  std::optional<Node> Read(ReadError& error) {
    if (text_.starts_with("\xEF\xBB\xBF")) at_ = 3;
    Node root;
    SkipSpace();
    bool ok = ParseValue(root, 0);
    SkipSpace();
    if (ok && at_ < text_.size()) ok = Fail("unexpected text after the JSON value");
    if (!ok) {
      error = error_;
      return std::nullopt;
    }
    return root;
  }

 private:
  bool Fail(std::string message) { return FailAt(at_, std::move(message)); }

  bool FailAt(size_t offset, std::string message) {
    error_ = {static_cast<uint32_t>(offset), std::move(message)};
    return false;
  }

  bool AtEnd() const { return at_ >= text_.size(); }
  char Peek() const { return AtEnd() ? '\0' : text_[at_]; }

  void SkipSpace() {
    while (!AtEnd() && (Peek() == ' ' || Peek() == '\t' || Peek() == '\n' || Peek() == '\r')) {
      ++at_;
    }
  }

  SourceRange RangeFrom(size_t begin) const {
    return {file_, static_cast<uint32_t>(begin), static_cast<uint32_t>(at_)};
  }

  bool ParseValue(Node& node, int depth) {
    if (++node_count_ > limits_.max_nodes) {
      return Fail(fmt::format("the document has more than {} values", limits_.max_nodes));
    }
    size_t begin = at_;
    bool ok = false;
    switch (Peek()) {
      case '{':
        ok = ParseObject(node, depth + 1);
        break;
      case '[':
        ok = ParseArray(node, depth + 1);
        break;
      case '"':
        node.kind = NodeKind::String;
        ok = ParseString(node.text);
        break;
      case 't':
        ok = ParseLiteral("true", NodeKind::Bool, node);
        break;
      case 'f':
        ok = ParseLiteral("false", NodeKind::Bool, node);
        break;
      case 'n':
        ok = ParseLiteral("null", NodeKind::Null, node);
        break;
      default:
        if (Peek() == '-' || IsDigit(Peek())) {
          ok = ParseNumber(node);
        } else {
          ok = Fail(AtEnd() ? "the text ends where a JSON value is expected"
                            : "expected a JSON value");
        }
    }
    node.range = RangeFrom(begin);
    return ok;
  }

  bool CheckDepth(int depth) {
    if (depth <= limits_.max_depth) return true;
    return Fail(
        fmt::format("arrays and objects are nested more than {} levels deep", limits_.max_depth));
  }

  bool ParseObject(Node& node, int depth) {
    if (!CheckDepth(depth)) return false;
    node.kind = NodeKind::Object;
    ++at_;
    SkipSpace();
    if (Peek() == '}') {
      ++at_;
      return true;
    }
    // An object with fewer than 16 members searches them for a duplicate key, and a larger one
    // keeps a set of its keys.
    constexpr size_t kLinearKeySearch = 16;
    std::unordered_set<std::string> keys;
    while (true) {
      if (Peek() != '"') return Fail("expected a string key in the object");
      Member member;
      size_t key_begin = at_;
      if (!ParseString(member.key)) return false;
      member.key_range = RangeFrom(key_begin);
      if (IsDuplicateKey(node, member.key, keys, kLinearKeySearch)) {
        return FailAt(key_begin, fmt::format("duplicate key \"{}\" in the object", member.key));
      }
      SkipSpace();
      if (Peek() != ':') return Fail("expected ':' after the key");
      ++at_;
      SkipSpace();
      if (!ParseValue(member.value, depth)) return false;
      node.members.push_back(std::move(member));
      SkipSpace();
      if (Peek() == ',') {
        ++at_;
        SkipSpace();
        continue;
      }
      if (Peek() == '}') {
        ++at_;
        return true;
      }
      return Fail("expected ',' or '}' after an object member");
    }
  }

  static bool IsDuplicateKey(const Node& node, const std::string& key,
                             std::unordered_set<std::string>& keys, size_t linear_limit) {
    if (node.members.size() < linear_limit) {
      return std::any_of(node.members.begin(), node.members.end(),
                         [&](const Member& member) { return member.key == key; });
    }
    if (keys.empty()) {
      for (const Member& member : node.members) keys.insert(member.key);
    }
    return !keys.insert(key).second;
  }

  bool ParseArray(Node& node, int depth) {
    if (!CheckDepth(depth)) return false;
    node.kind = NodeKind::Array;
    ++at_;
    SkipSpace();
    if (Peek() == ']') {
      ++at_;
      return true;
    }
    while (true) {
      node.elements.emplace_back();
      if (!ParseValue(node.elements.back(), depth)) return false;
      SkipSpace();
      if (Peek() == ',') {
        ++at_;
        SkipSpace();
        continue;
      }
      if (Peek() == ']') {
        ++at_;
        return true;
      }
      return Fail("expected ',' or ']' after an array element");
    }
  }

  bool ParseLiteral(std::string_view word, NodeKind kind, Node& node) {
    if (text_.substr(at_, word.size()) != word) return Fail("expected a JSON value");
    node.kind = kind;
    if (kind == NodeKind::Bool) node.text = word;
    at_ += word.size();
    return true;
  }

  bool ParseDigits() {
    if (!IsDigit(Peek())) return Fail("expected a digit in the number");
    while (IsDigit(Peek())) ++at_;
    return true;
  }

  bool ParseNumber(Node& node) {
    size_t begin = at_;
    if (Peek() == '-') ++at_;
    if (Peek() == '0') {
      ++at_;
      if (IsDigit(Peek())) return Fail("a number must not start with 0");
    } else if (!ParseDigits()) {
      return false;
    }
    if (Peek() == '.') {
      ++at_;
      if (!ParseDigits()) return false;
    }
    if (Peek() == 'e' || Peek() == 'E') {
      ++at_;
      if (Peek() == '+' || Peek() == '-') ++at_;
      if (!ParseDigits()) return false;
    }
    node.kind = NodeKind::Number;
    node.text = text_.substr(begin, at_ - begin);
    return true;
  }

  bool ParseHex4(uint32_t& value) {
    value = 0;
    for (int i = 0; i < 4; ++i, ++at_) {
      char c = Peek();
      int digit = IsDigit(c)               ? c - '0'
                  : (c >= 'a' && c <= 'f') ? c - 'a' + 10
                  : (c >= 'A' && c <= 'F') ? c - 'A' + 10
                                           : -1;
      if (digit < 0) return Fail("expected four hex digits after \\u");
      value = value * 16 + static_cast<uint32_t>(digit);
    }
    return true;
  }

  // Reads \uXXXX, joining a surrogate pair. An unpaired surrogate becomes U+FFFD, because it has
  // no UTF-8 form.
  bool ParseUnicodeEscape(std::string& out) {
    uint32_t code_point = 0;
    if (!ParseHex4(code_point)) return false;
    if (code_point >= 0xD800 && code_point <= 0xDBFF && text_.substr(at_, 2) == "\\u") {
      size_t low_begin = at_;
      at_ += 2;
      uint32_t low = 0;
      if (!ParseHex4(low)) return false;
      if (low >= 0xDC00 && low <= 0xDFFF) {
        AppendUtf8(0x10000 + ((code_point - 0xD800) << 10) + (low - 0xDC00), out);
        return true;
      }
      at_ = low_begin;
    }
    if (code_point >= 0xD800 && code_point <= 0xDFFF) code_point = 0xFFFD;
    AppendUtf8(code_point, out);
    return true;
  }

  bool ParseEscape(std::string& out) {
    char c = Peek();
    ++at_;
    switch (c) {
      case '"':
      case '\\':
      case '/':
        out += c;
        return true;
      case 'b':
        out += '\b';
        return true;
      case 'f':
        out += '\f';
        return true;
      case 'n':
        out += '\n';
        return true;
      case 'r':
        out += '\r';
        return true;
      case 't':
        out += '\t';
        return true;
      case 'u':
        return ParseUnicodeEscape(out);
      default:
        return FailAt(at_ - 2, "invalid escape sequence in the string");
    }
  }

  bool ParseString(std::string& out) {
    size_t begin = at_;
    ++at_;
    while (true) {
      if (AtEnd()) return FailAt(begin, "the string is not closed");
      char c = Peek();
      if (c == '"') {
        ++at_;
        return true;
      }
      if (static_cast<unsigned char>(c) < 0x20) {
        return Fail("a control character must be escaped in a string");
      }
      if (c != '\\') {
        // Copy the run of plain characters up to the next quote, backslash or control character.
        size_t run_end = at_ + 1;
        while (run_end < text_.size() && text_[run_end] != '"' && text_[run_end] != '\\' &&
               static_cast<unsigned char>(text_[run_end]) >= 0x20) {
          ++run_end;
        }
        out.append(text_.substr(at_, run_end - at_));
        at_ = run_end;
        continue;
      }
      ++at_;
      if (!ParseEscape(out)) return false;
    }
  }

  std::string_view text_;
  FileId file_;
  const ReadLimits& limits_;
  size_t at_ = 0;
  size_t node_count_ = 0;
  ReadError error_;
};

}  // namespace

std::optional<Node> ReadJson(std::string_view text, FileId file, const ReadLimits& limits,
                             ReadError& error) {
  return JsonReader(text, file, limits).Read(error);
}

}  // namespace weft::schema::import
