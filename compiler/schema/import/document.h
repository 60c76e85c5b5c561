#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "compiler/diagnostics/source.h"

// The tree that the JSON and YAML readers build and the importers translate: JSON's data model
// with the place of every value and key in the document.
namespace weft::schema::import {

enum class NodeKind { Null, Bool, Number, String, Array, Object };

struct Member;

struct Node {
  NodeKind kind = NodeKind::Null;
  // The decoded text of a string, a number in JSON syntax as written (never passed through a
  // binary float), or "true" / "false".
  std::string text;
  // The elements of an array.
  std::vector<Node> elements;
  // The members of an object in document order. The readers reject duplicate keys.
  std::vector<Member> members;
  // The value in the document, from its first to its last byte.
  SourceRange range;

  bool IsObject() const { return kind == NodeKind::Object; }
  bool IsArray() const { return kind == NodeKind::Array; }
  bool IsString() const { return kind == NodeKind::String; }
  bool IsTrue() const { return kind == NodeKind::Bool && text == "true"; }
  // The member value with this key, or nullptr when the node is no object or lacks the key.
  const Node* Find(std::string_view key) const;
  // The member with this key, or nullptr.
  const Member* FindMember(std::string_view key) const;
  // The text of a string member, or "" when the member is missing or not a string.
  std::string_view StringAt(std::string_view key) const;
};

struct Member {
  std::string key;
  SourceRange key_range;
  Node value;
};

// Limits that keep a hostile document from exhausting the stack or the memory.
struct ReadLimits {
  // Arrays and objects inside each other. Real schema documents nest a few dozen levels, and the
  // readers and the importers recurse once per level.
  int max_depth = 256;
  // Values in the tree, counting the copies that YAML aliases make. A node takes about 100
  // bytes, so the default bounds the tree near 200 MB; Xero's 1.2 MB accounting API description
  // has about 18,000.
  size_t max_nodes = 2'000'000;
};

// The reason a document could not be read, and the offset where reading stopped.
struct ReadError {
  uint32_t offset = 0;
  std::string message;
};

// True for a JSON number written without a fraction or an exponent.
bool IsIntegerNumber(std::string_view number);

// The decimal places that a JSON number needs, without trailing zeros: 2 for 0.010, 0.25 and
// 5e-2, 0 for 1e3. Returns -1 beyond 38 places, which no decimal has.
int DecimalPlaces(std::string_view number);

// Writes a node as compact JSON, the form that FieldType::default_json holds.
std::string ToJson(const Node& node);

// The node as JSON for a message, cut after about 40 bytes.
std::string Excerpt(const Node& node);

// The kind of a node in words, for messages: "a string", "an object".
std::string_view DescribeKind(NodeKind kind);

// Appends one reference token to a JSON pointer (RFC 6901), escaping `~` and `/`.
std::string AppendPointer(std::string_view pointer, std::string_view token);

// Finds the node that a local `$ref` such as `#/$defs/Address` names, starting at `root`.
// Returns nullptr when the reference is not a local JSON pointer or names nothing.
const Node* ResolvePointer(const Node& root, std::string_view reference);

}  // namespace weft::schema::import
