#include "compiler/schema/import/yaml_reader.h"

#include <fmt/format.h>
#include <yaml.h>

#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "compiler/schema/import/yaml_scalar.h"
#include "stdlib/utf8.h"

namespace weft::schema::import {
namespace {

// Converts libyaml's marks, which count characters from after the byte order mark, to byte
// offsets. Marks arrive nearly in order, so a cursor walks from the last one.
class OffsetMapper {
 public:
  explicit OffsetMapper(std::string_view text) : text_(text) {
    if (text_.starts_with("\xEF\xBB\xBF")) offset_ = 3;
  }

  uint32_t ToOffset(size_t index) {
    while (index_ < index && offset_ < text_.size()) {
      ++offset_;
      while (offset_ < text_.size() && utf8::IsContinuation(text_[offset_])) ++offset_;
      ++index_;
    }
    while (index_ > index && offset_ > 0) {
      --offset_;
      while (offset_ > 0 && utf8::IsContinuation(text_[offset_])) --offset_;
      --index_;
    }
    return static_cast<uint32_t>(offset_);
  }

 private:
  std::string_view text_;
  size_t index_ = 0;
  size_t offset_ = 0;
};

std::string TagOf(const yaml_event_t& event) {
  const yaml_char_t* tag = event.data.scalar.tag;
  return tag != nullptr ? reinterpret_cast<const char*>(tag) : "";
}

// A scalar resolves by the core schema when it is plain and untagged, or carries a core tag
// other than `!!str`. Any other tag is not a type the importers know, so it is read by its text.
ScalarForm FormOf(const yaml_event_t& event) {
  std::string tag = TagOf(event);
  if (tag == "!" || tag == "tag:yaml.org,2002:str") return ScalarForm::Text;
  if (!tag.empty()) return ScalarForm::Plain;
  return event.data.scalar.style == YAML_PLAIN_SCALAR_STYLE ? ScalarForm::Plain : ScalarForm::Text;
}

size_t CountNodes(const Node& node) {
  size_t count = 1;
  for (const Node& element : node.elements) count += CountNodes(element);
  for (const Member& member : node.members) count += CountNodes(member.value);
  return count;
}

// An array or object whose end event has not arrived yet.
struct OpenNode {
  Node* node = nullptr;
  std::string anchor;
  // For objects: the key waiting for its value, if any.
  bool has_key = false;
  std::string key;
  SourceRange key_range;
  std::unordered_set<std::string> keys;
};

// A copy of an anchored node and its size, for aliases.
struct Anchored {
  Node node;
  size_t node_count;
};

class YamlReader {
 public:
  YamlReader(std::string_view text, FileId file, const ReadLimits& limits)
      : text_(text), file_(file), limits_(limits), offsets_(text) {
    yaml_parser_initialize(&parser_);
    yaml_parser_set_input_string(&parser_, reinterpret_cast<const unsigned char*>(text.data()),
                                 text.size());
  }
  ~YamlReader() { yaml_parser_delete(&parser_); }
  YamlReader(const YamlReader&) = delete;
  YamlReader& operator=(const YamlReader&) = delete;

  std::optional<Node> Read(ReadError& error) {
    bool ok = true;
    while (ok && !done_) {
      yaml_event_t event;
      if (!yaml_parser_parse(&parser_, &event)) {
        ok = FailFromParser();
        break;
      }
      ok = Handle(event);
      yaml_event_delete(&event);
    }
    if (ok && !has_root_) ok = Fail(0, "the YAML text contains no document");
    if (!ok) {
      error = error_;
      return std::nullopt;
    }
    return std::move(root_);
  }

 private:
  bool Fail(uint32_t offset, std::string message) {
    error_ = {offset, std::move(message)};
    return false;
  }

  bool FailFromParser() {
    std::string message = parser_.problem != nullptr ? parser_.problem : "unknown libyaml error";
    if (parser_.context != nullptr) {
      message = fmt::format("{} {} that starts on line {}", message, parser_.context,
                            parser_.context_mark.line + 1);
    }
    // Reader errors (bad bytes) carry a byte offset; scanner and parser errors carry a mark.
    uint32_t offset = parser_.error == YAML_READER_ERROR
                          ? static_cast<uint32_t>(parser_.problem_offset)
                          : offsets_.ToOffset(parser_.problem_mark.index);
    return Fail(offset, message);
  }

  SourceRange RangeOf(const yaml_event_t& event) {
    uint32_t begin = offsets_.ToOffset(event.start_mark.index);
    uint32_t end = offsets_.ToOffset(event.end_mark.index);
    return {file_, begin, std::max(begin, end)};
  }

  bool Handle(const yaml_event_t& event) {
    switch (event.type) {
      case YAML_DOCUMENT_START_EVENT:
        if (has_root_)
          return Fail(RangeOf(event).begin, "the YAML text has more than one document");
        return true;
      case YAML_STREAM_END_EVENT:
        done_ = true;
        return true;
      case YAML_SCALAR_EVENT:
        return HandleScalar(event);
      case YAML_ALIAS_EVENT:
        return HandleAlias(event);
      case YAML_SEQUENCE_START_EVENT:
        return Open(event, NodeKind::Array, event.data.sequence_start.anchor);
      case YAML_MAPPING_START_EVENT:
        return Open(event, NodeKind::Object, event.data.mapping_start.anchor);
      case YAML_SEQUENCE_END_EVENT:
      case YAML_MAPPING_END_EVENT:
        return Close(event);
      default:
        return true;
    }
  }

  bool Count(size_t nodes, uint32_t offset) {
    node_count_ += nodes;
    if (node_count_ <= limits_.max_nodes) return true;
    return Fail(offset, fmt::format("the document has more than {} values, counting the copies "
                                    "that aliases make",
                                    limits_.max_nodes));
  }

  // Returns the place for the next value: the root, a new array element or the value of the
  // pending key. Returns nullptr when the value is an object key, which TakeKey stores.
  Node* Place() {
    if (stack_.empty()) {
      has_root_ = true;
      return &root_;
    }
    OpenNode& open = stack_.back();
    if (open.node->kind == NodeKind::Array) return &open.node->elements.emplace_back();
    if (!open.has_key) return nullptr;
    open.has_key = false;
    open.node->members.push_back({std::move(open.key), open.key_range, Node()});
    return &open.node->members.back().value;
  }

  bool TakeKey(std::string key, SourceRange range) {
    OpenNode& open = stack_.back();
    if (!open.keys.insert(key).second) {
      return Fail(range.begin, fmt::format("duplicate key \"{}\" in the mapping", key));
    }
    open.has_key = true;
    open.key = std::move(key);
    open.key_range = range;
    return true;
  }

  // Keeps a copy of an anchored node. The copy counts against the node limit, because nested
  // anchors would otherwise copy the same values once per level for free.
  bool Remember(const char* anchor, const Node& node) {
    if (anchor == nullptr) return true;
    size_t node_count = CountNodes(node);
    if (!Count(node_count, node.range.begin)) return false;
    anchors_[anchor] = {node, node_count};
    return true;
  }

  bool HandleScalar(const yaml_event_t& event) {
    SourceRange range = RangeOf(event);
    if (!Count(1, range.begin)) return false;
    std::string_view text(reinterpret_cast<const char*>(event.data.scalar.value),
                          event.data.scalar.length);
    Node* node = Place();
    if (node == nullptr) return TakeKey(std::string(text), range);
    ResolveScalar(text, FormOf(event), *node);
    node->range = range;
    return Remember(reinterpret_cast<const char*>(event.data.scalar.anchor), *node);
  }

  bool HandleAlias(const yaml_event_t& event) {
    SourceRange range = RangeOf(event);
    std::string name = reinterpret_cast<const char*>(event.data.alias.anchor);
    auto anchored = anchors_.find(name);
    if (anchored == anchors_.end()) {
      return Fail(range.begin, fmt::format("the alias *{} names no anchor before it", name));
    }
    if (!Count(anchored->second.node_count, range.begin)) return false;
    Node* node = Place();
    if (node == nullptr) {
      if (anchored->second.node.kind == NodeKind::Object ||
          anchored->second.node.kind == NodeKind::Array) {
        return Fail(range.begin, "a mapping key must be a scalar");
      }
      return TakeKey(anchored->second.node.text, range);
    }
    *node = anchored->second.node;
    return true;
  }

  bool Open(const yaml_event_t& event, NodeKind kind, const yaml_char_t* anchor) {
    SourceRange range = RangeOf(event);
    if (!Count(1, range.begin)) return false;
    if (stack_.size() >= static_cast<size_t>(limits_.max_depth)) {
      return Fail(range.begin, fmt::format("sequences and mappings are nested more than {} "
                                           "levels deep",
                                           limits_.max_depth));
    }
    Node* node = Place();
    if (node == nullptr) return Fail(range.begin, "a mapping key must be a scalar");
    node->kind = kind;
    node->range = range;
    OpenNode open;
    open.node = node;
    if (anchor != nullptr) open.anchor = reinterpret_cast<const char*>(anchor);
    stack_.push_back(std::move(open));
    return true;
  }

  bool Close(const yaml_event_t& event) {
    OpenNode& open = stack_.back();
    Node& node = *open.node;
    // A block collection ends where the next token starts; its range ends at its last value.
    if (!node.elements.empty()) {
      node.range.end = node.elements.back().range.end;
    } else if (!node.members.empty()) {
      node.range.end = node.members.back().value.range.end;
    } else {
      node.range.end = std::max(node.range.begin, RangeOf(event).end);
    }
    bool ok = open.anchor.empty() || Remember(open.anchor.c_str(), node);
    stack_.pop_back();
    return ok;
  }

  std::string_view text_;
  FileId file_;
  const ReadLimits& limits_;
  OffsetMapper offsets_;
  yaml_parser_t parser_;
  Node root_;
  bool has_root_ = false;
  bool done_ = false;
  std::vector<OpenNode> stack_;
  std::unordered_map<std::string, Anchored> anchors_;
  size_t node_count_ = 0;
  ReadError error_;
};

}  // namespace

std::optional<Node> ReadYaml(std::string_view text, FileId file, const ReadLimits& limits,
                             ReadError& error) {
  return YamlReader(text, file, limits).Read(error);
}

}  // namespace weft::schema::import
