#include "runtime/record_reader.h"

#include <fmt/format.h>

#include <algorithm>
#include <cstring>
#include <utility>

#include "runtime/decimal.h"
#include "runtime/field_text.h"
#include "runtime/json_check.h"
#include "stdlib/utf8.h"

namespace weft::runtime {
namespace {

using schema::TypeKind;
namespace od = simdjson::ondemand;

std::string_view JsonTypeName(od::json_type type) {
  switch (type) {
    case od::json_type::array:
      return "an array";
    case od::json_type::object:
      return "an object";
    case od::json_type::number:
      return "a number";
    case od::json_type::string:
      return "a string";
    case od::json_type::boolean:
      return "a bool";
    case od::json_type::null:
      return "null";
  }
  return "a value";
}

// A value's JSON text for messages, shortened so that a reason stays one readable line.
std::string ValueExcerpt(std::string_view raw) {
  while (!raw.empty() &&
         (raw.back() == ' ' || raw.back() == '\n' || raw.back() == '\r' || raw.back() == '\t' ||
          raw.back() == ',' || raw.back() == '}' || raw.back() == ']')) {
    raw.remove_suffix(1);
  }
  if (raw.size() > 60) return std::string(utf8::TruncateAtCharacter(raw, 57)) + "...";
  return std::string(raw);
}

std::string Excerpt(od::value& value) { return ValueExcerpt(value.raw_json_token()); }

// Returns "" when a value whose first byte is `n` is the literal null, otherwise the reason.
std::string IsNullToken(od::value& value) {
  std::string_view token = TrimRight(value.raw_json_token());
  if (token == "null") return "";
  return fmt::format("invalid JSON: `{}` is not a value", ValueExcerpt(token));
}

// Sets `text` to the contents of a string value without copying it when the string has no
// escape, so that it stays a view into the input. Returns false when it has one. `escapes` lists
// the backslash of each escape in the record, in order, so the string's bytes are not searched.
bool UnescapedInPlace(od::value& value, const std::vector<const char*>& escapes,
                      std::string_view& text) {
  std::string_view token = TrimRight(value.raw_json_token());
  if (token.size() < 2 || token.front() != '"' || token.back() != '"') return false;
  std::string_view contents = token.substr(1, token.size() - 2);
  auto escape = std::lower_bound(escapes.begin(), escapes.end(), contents.data());
  if (escape != escapes.end() && *escape < contents.data() + contents.size()) return false;
  // The value is consumed, because simdjson 3.0.1 skips an unconsumed string value followed by
  // `:` as if it were a key, which let `{"a": "b": }}` pass for an object.
  od::raw_json_string consumed;
  if (value.get_raw_json_string().get(consumed) != simdjson::SUCCESS) return false;
  text = contents;
  return true;
}

// Returns the path below `field` that `reason` names, such as `items[1].sku` for a value inside
// the list `items`, or `field` itself when the reason names nothing below it. Reasons quote the
// path of the value at fault, which WithFieldPath gives them.
std::string PathInReason(const std::string& reason, const std::string& field) {
  size_t start = reason.find("`" + field);
  size_t after = start == std::string::npos ? start : start + 1 + field.size();
  if (after == std::string::npos || after >= reason.size() ||
      (reason[after] != '[' && reason[after] != '.')) {
    return field;
  }
  size_t end = reason.find('`', after);
  return end == std::string::npos ? field : reason.substr(start + 1, end - start - 1);
}

// The reason for a record followed by more than whitespace. A line break in the record is
// whitespace to JSON, so when one comes before the rest, the input most likely mixes line
// breaks: NDJSON lines end with the kind of break that the input uses first. A CR inside a line
// means that its lines end with LF or CRLF, and an LF inside one that they end with a lone CR.
std::string TrailingContentReason(std::string_view record) {
  bool cr = std::memchr(record.data(), '\r', record.size()) != nullptr;
  bool lf = std::memchr(record.data(), '\n', record.size()) != nullptr;
  if (cr == lf) return std::string(kTrailingContent);
  return std::string(kTrailingContent) +
         (cr ? " that follows a carriage return (CR). The input's lines end with LF or CRLF, so a "
               "lone CR does not end a record"
             : " that follows a line feed (LF). The input's lines end with a lone CR, so an LF "
               "does not end a record") +
         ": give every line the same line break";
}

std::string WrongType(const schema::FieldType& field, od::json_type type, od::value& value) {
  // The expected type with an article, as the reader's other reasons name it: "an int".
  std::string expected = field.type.AsRequired().ToString();
  if (field.type.kind == TypeKind::Record) {
    expected = "an object (" + expected + ")";
  } else if (field.type.kind == TypeKind::Enum) {
    expected = fmt::format("a member of enum `{}`", field.type.enumeration->QualifiedName());
  } else {
    bool vowel = std::string_view("aeiou").find(expected.front()) != std::string_view::npos;
    expected.insert(0, vowel ? "an " : "a ");
  }
  // The token of an object or an array is only its opening bracket, so it is not shown.
  if (type == od::json_type::object || type == od::json_type::array) {
    return fmt::format("field `{}` must be {}, but the input has {}", field.name, expected,
                       JsonTypeName(type));
  }
  return fmt::format("field `{}` must be {}, but the input has {} {}", field.name, expected,
                     JsonTypeName(type), Excerpt(value));
}

}  // namespace

struct RecordReader::NestedFields {
  // A nested field that the rule reads, or a record on the way to one, or both.
  struct Child {
    // The field, named with its whole path (`Owner.Email`) for messages.
    schema::FieldType field;
    // The field's slot when the rule reads it, otherwise -1.
    int slot = -1;
    // The child's place in NestedFields::children, for the per-record state of ReadNested.
    size_t index = 0;
    std::unique_ptr<NestedFields> below;
  };
  std::unordered_map<std::string, Child> children;
};

RecordReader::RecordReader(const schema::RecordType& record, const std::vector<bool>& reads,
                           const std::vector<std::vector<int>>& paths)
    : record_(record), reads_(reads) {
  if (reads_.empty()) reads_.assign(record.fields.size(), true);
  for (size_t i = 0; i < record.fields.size(); ++i) {
    if (!reads_[i]) continue;
    field_index_.emplace(record.fields[i].name, static_cast<int>(i));
    (record.fields[i].type.optional ? optional_reads_ : required_reads_)
        .push_back(static_cast<int>(i));
  }
  slot_count_ = record.fields.size() + paths.size();
  nested_.resize(record.fields.size());
  for (size_t p = 0; p < paths.size(); ++p) {
    const std::vector<int>& path = paths[p];
    std::unique_ptr<NestedFields>& root = nested_[path.front()];
    if (root == nullptr) root = std::make_unique<NestedFields>();
    NestedFields* tree = root.get();
    const schema::FieldType* field = &record.fields[path.front()];
    std::string name = field->name;
    for (size_t k = 1; k < path.size(); ++k) {
      field = &field->type.record->fields[path[k]];
      name += "." + field->name;
      auto [entry, added] = tree->children.try_emplace(field->name);
      NestedFields::Child& child = entry->second;
      if (added) child.index = tree->children.size() - 1;
      child.field = *field;
      child.field.name = name;
      if (k + 1 == path.size()) {
        child.slot = static_cast<int>(record.fields.size() + p);
      } else {
        if (child.below == nullptr) child.below = std::make_unique<NestedFields>();
        tree = child.below.get();
      }
    }
  }
}

RecordReader::~RecordReader() = default;

void RecordReader::set_max_depth(int max_depth) {
  max_depth_ = max_depth;
  AllowDepth(parser_, max_depth);
  AllowDepth(check_parser_, max_depth);
}

std::string RecordReader::ReadNested(const NestedFields& nested, od::value& value,
                                     std::vector<WeftSlot>& slots, int depth) {
  od::object object;
  if (value.get_object().get(object) != simdjson::SUCCESS) return "invalid JSON object";
  // Per child: whether its key was seen, and whether its value is present (not null).
  std::vector<uint8_t> seen(nested.children.size(), 0);
  std::vector<uint8_t> present(nested.children.size(), 0);
  std::string problem;
  for (auto member : object) {
    std::string_view key;
    if (auto error = member.unescaped_key().get(key))
      return fmt::format("invalid JSON: {}", simdjson::error_message(error));
    auto found = nested.children.find(std::string(key));
    if (found == nested.children.end()) {
      od::value unread;
      if (auto error = member.value().get(unread))
        return fmt::format("invalid JSON: {}", simdjson::error_message(error));
      std::string invalid = CheckUnreadValue(unread, depth + 1, max_depth_);
      if (!invalid.empty()) return invalid;
      continue;
    }
    const NestedFields::Child& child = found->second;
    if (seen[child.index]) {
      return fmt::format("field `{}` appears twice in the record", child.field.name);
    }
    seen[child.index] = 1;

    od::value field_value;
    if (auto error = member.value().get(field_value))
      return fmt::format("invalid JSON: {}", simdjson::error_message(error));
    bool child_present = false;
    std::string field_problem = ReadChild(child.field, child.slot, child.below.get(),
                                          field_value, slots, child_present, depth + 1);
    present[child.index] = child_present ? 1 : 0;
    if (problem.empty() && !field_problem.empty()) {
      NoteProblem(child.field.name, field_value.raw_json_token());
      problem = std::move(field_problem);
    }
  }
  if (!problem.empty()) return problem;

  // A required field of a present record must be there, as at the top level; so must a required
  // record on the way to a field the rule reads, because the checker typed the field below it
  // as present.
  // The first one in the order the rule's paths name them is reported, whatever the hash order.
  const NestedFields::Child* first_missing = nullptr;
  for (const auto& [key, child] : nested.children) {
    if (!seen[child.index]) {
      if (child.slot >= 0) slots[child.slot].missing = 1;
      if (child.below != nullptr) MarkMissing(*child.below, slots);
    }
    if (child.field.type.optional || present[child.index]) continue;
    if (first_missing == nullptr || child.index < first_missing->index) first_missing = &child;
  }
  if (first_missing == nullptr) return "";
  NoteProblem(first_missing->field.name, {});
  return fmt::format("required field `{}` is {}", first_missing->field.name,
                     seen[first_missing->index] ? "null" : "missing");
}

void RecordReader::MarkMissing(const NestedFields& tree, std::vector<WeftSlot>& slots) {
  for (const auto& [key, child] : tree.children) {
    if (child.slot >= 0) slots[child.slot].missing = 1;
    if (child.below != nullptr) MarkMissing(*child.below, slots);
  }
}

std::string RecordReader::ReadChild(const schema::FieldType& field, int slot,
                                    const NestedFields* below, od::value& value,
                                    std::vector<WeftSlot>& slots, bool& present, int depth) {
  present = false;
  if (field.type.kind != TypeKind::Record) {
    // ReadList and ReadWholeRecord count levels from depth_, the depth of the value's container.
    int outer_depth = std::exchange(depth_, depth - 1);
    std::string problem = ReadField(field, value, slots[slot]);
    depth_ = outer_depth;
    present = slots[slot].present != 0;
    return problem;
  }
  od::json_type type;
  if (auto error = value.type().get(type))
    return fmt::format("invalid JSON: {}", simdjson::error_message(error));
  // The type comes from the first byte alone, so `nil` would pass for null without this check.
  if (type == od::json_type::null) return IsNullToken(value);
  if (type != od::json_type::object) return WrongType(field, type, value);
  present = true;
  if (slot >= 0) slots[slot].present = 1;
  // A record that the rule only tests for null is not read, but it must still be valid JSON.
  if (below == nullptr) return CheckUnreadValue(value, depth, max_depth_);
  if (depth > max_depth_) return TooDeep(max_depth_);
  return ReadNested(*below, value, slots, depth);
}

std::string RecordReader::Read(std::string_view json, std::vector<WeftSlot>& slots,
                               std::vector<int>& bad_fields) {
  bad_fields.clear();
  malformed_ = false;
  problem_field_.clear();
  problem_value_.clear();
  slots.resize(slot_count_);
  std::memset(static_cast<void*>(slots.data()), 0, slots.size() * sizeof(WeftSlot));
  arena_.Reset();

  auto invalid = [&](std::string reason) {
    bad_fields.clear();
    // A record beyond the depth limit is valid JSON, but it goes into the rejects output as text
    // too: tools that read that file, such as Python's json module and jq, fail on a line nested
    // hundreds of thousands of levels deep.
    malformed_ = true;
    problem_field_.clear();
    problem_value_.clear();
    return reason;
  };
  od::document document;
  if (auto error =
          parser_.iterate(json.data(), json.size(), json.size() + simdjson::SIMDJSON_PADDING)
              .get(document)) {
    return invalid(fmt::format("invalid JSON: {}", simdjson::error_message(error)));
  }
  // The escapes of every string are checked in one pass here, so that the values the rule does
  // not read need only their first byte and length looked at below.
  if (std::string problem = CheckEscapes(json, escapes_); !problem.empty()) return invalid(problem);
  od::object object;
  if (document.get_object().get(object) != simdjson::SUCCESS) {
    // A valid scalar or array is a value of the wrong kind; anything else is not JSON at all.
    std::string check = CheckJson(parser_, json, max_depth_);
    if (!check.empty()) return invalid(check);
    return "the record is not a JSON object";
  }

  // A problem with one field does not stop the others from being read, so that the caller can
  // still decide whether the rule would skip the record anyway.
  std::string first_problem;
  std::string_view current_value;
  auto field_problem = [&](int index, std::string message) {
    slots[index] = WeftSlot{};
    bad_fields.push_back(index);
    if (first_problem.empty()) {
      NoteProblem(PathInReason(first_problem = std::move(message), record_.fields[index].name),
                  current_value);
    }
  };

  std::vector<uint8_t>& seen = seen_;
  seen.assign(record_.fields.size(), 0);
  size_t position = 0;
  const size_t recent_count = recent_keys_.size();
  const char* record_end = json.data() + json.size();
  for (auto item : object) {
    if (auto error = item.error())
      return invalid(fmt::format("invalid JSON: {}", simdjson::error_message(error)));
    // A reference, because moving the field out of the result cost a stalled 16-byte load
    // (a store-forwarding failure) on every key.
    od::field& member = item.value_unsafe();
    int found = -1;
    std::string_view key;
    // Records of one export list their keys in the same order, so the key seen at this position
    // in the previous record is compared first, in place, before the key is read and hashed.
    if (position < recent_count && recent_keys_[position].Matches(member.key().raw(), record_end)) {
      key = recent_keys_[position].key;
      found = recent_keys_[position].field;
    } else {
      if (auto error = RawKey(member, json, key))
        return invalid(fmt::format("invalid JSON: {}", simdjson::error_message(error)));
      found = FieldAt(position, key);
    }
    ++position;
    od::value& value = member.value();
    if (found < 0) {
      // A value the rule does not read is still checked, so that no malformed record passes.
      if (PassesUnreadQuickly(value)) continue;
      std::string problem = CheckUnreadValue(value, 2, max_depth_);
      if (!problem.empty()) return invalid(std::move(problem));
      continue;
    }
    int index = found;
    current_value = value.raw_json_token();
    if (seen[index]) {
      field_problem(index, fmt::format("field `{}` appears twice in the record", key));
      std::string problem = CheckUnreadValue(value, 2, max_depth_);
      if (!problem.empty()) return invalid(std::move(problem));
      continue;
    }
    seen[index] = 1;
    std::string problem = record_.fields[index].type.kind == TypeKind::Record
                              ? ReadRecordField(index, value, slots)
                              : ReadField(record_.fields[index], value, slots[index]);
    bool whole_record = problem.starts_with("invalid JSON") || problem.starts_with(kTooDeepPrefix);
    if (whole_record) return invalid(std::move(problem));
    if (!problem.empty()) field_problem(index, std::move(problem));
  }
  // After the object only whitespace may follow.
  const char* end = nullptr;
  if (document.current_location().get(end) == simdjson::SUCCESS && end != nullptr)
    return invalid(TrailingContentReason(json));
  current_value = {};
  for (int i : optional_reads_) {
    if (seen[i]) continue;
    slots[i].missing = 1;
    // The fields read below a missing record are missing too, as they are below a record that is
    // present without them, so `Owner?.Email` is left out of the output in both cases.
    if (nested_[i] != nullptr) MarkMissing(*nested_[i], slots);
  }
  for (int i : required_reads_) {
    const schema::FieldType& field = record_.fields[i];
    if (slots[i].present) continue;
    if (std::find(bad_fields.begin(), bad_fields.end(), static_cast<int>(i)) != bad_fields.end())
      continue;
    field_problem(static_cast<int>(i), fmt::format("required field `{}` is {}", field.name,
                                                   seen[i] ? "null" : "missing"));
  }
  // A value of the wrong type may also be invalid JSON, such as `tru`, which the getters do not
  // tell apart. Only then is the record checked once more as a whole.
  if (!first_problem.empty()) {
    std::string check = CheckJson(check_parser_, json, max_depth_);
    if (!check.empty()) return invalid(std::move(check));
  }
  return first_problem;
}

simdjson::error_code RecordReader::RawKey(od::field& member, std::string_view json,
                                         std::string_view& key) {
  // Keys rarely hold escapes, so the raw bytes are used unless there is a backslash.
  const char* start = member.key().raw();
  const char* record_end = json.data() + json.size();
  const void* quote = std::memchr(start, '"', static_cast<size_t>(record_end - start));
  if (quote != nullptr) {
    key = std::string_view(start, static_cast<const char*>(quote) - start);
    if (key.find('\\') == std::string_view::npos) return simdjson::SUCCESS;
  }
  return member.unescaped_key().get(key);
}

int RecordReader::FieldAt(size_t position, std::string_view key) {
  auto found = field_index_.find(key);
  int field = found == field_index_.end() ? -1 : found->second;
  if (position >= recent_keys_.size()) recent_keys_.resize(position + 1);
  recent_keys_[position] = RecentKey(key, field);
  return field;
}

RecordReader::RecentKey::RecentKey(std::string_view name, int index) : key(name), field(index) {
  if (name.size() >= sizeof(words)) return;
  char pattern[sizeof(words)] = {};
  std::memcpy(pattern, name.data(), name.size());
  pattern[name.size()] = '"';
  std::memcpy(words, pattern, sizeof(words));
  char mask[sizeof(words)] = {};
  std::memset(mask, 0xff, name.size() + 1);
  std::memcpy(masks, mask, sizeof(masks));
}

void RecordReader::NoteProblem(const std::string& field, std::string_view value) {
  if (!problem_field_.empty()) return;
  problem_field_ = field;
  // The token of an object or an array is only its opening bracket, so it is not shown.
  if (!value.empty() && value.front() != '{' && value.front() != '[')
    problem_value_ = ValueExcerpt(value);
}

std::string RecordReader::ReadRecordField(int index, od::value& value,
                                          std::vector<WeftSlot>& slots) {
  bool present = false;
  return ReadChild(record_.fields[index], index, nested_[index].get(), value, slots, present, 2);
}

std::string RecordReader::ReadField(const schema::FieldType& field, od::value& value,
                                    WeftSlot& slot) {
  od::json_type type;
  if (auto error = value.type().get(type))
    return fmt::format("invalid JSON: {}", simdjson::error_message(error));
  // The type comes from the first byte alone, so `nil` would pass for null without this check.
  if (type == od::json_type::null) return IsNullToken(value);

  switch (field.type.kind) {
    case TypeKind::String: {
      std::string_view text;
      if (type != od::json_type::string) return WrongType(field, type, value);
      if (UnescapedInPlace(value, escapes_, text)) {
        slot.string = {text.data(), static_cast<int64_t>(text.size())};
        slot.plain = 1;
        break;
      }
      if (value.get_string().get(text)) {
        return fmt::format(
            "field `{}` is {}, a string with an unpaired surrogate escape, which is not text",
            field.name, Excerpt(value));
      }
      slot.string = {text.data(), static_cast<int64_t>(text.size())};
      break;
    }
    case TypeKind::Int: {
      if (type != od::json_type::number) return WrongType(field, type, value);
      int64_t number;
      if (value.get_int64().get(number)) {
        std::string text = Excerpt(value);
        bool integral = text.find_first_of(".eE") == std::string::npos;
        return integral
                   ? fmt::format("field `{}` must be an int, but {} is outside -2^63 to 2^63-1",
                                 field.name, text)
                   : fmt::format("field `{}` must be an int, but {} is not an integer", field.name,
                                 text);
      }
      slot.integer = number;
      break;
    }
    case TypeKind::Float: {
      if (type != od::json_type::number) return WrongType(field, type, value);
      double number;
      if (value.get_double().get(number)) {
        return fmt::format("field `{}` must be a float, but {} is out of range", field.name,
                           Excerpt(value));
      }
      slot.real = number;
      break;
    }
    case TypeKind::Bool: {
      bool flag;
      if (type != od::json_type::boolean || value.get_bool().get(flag))
        return WrongType(field, type, value);
      slot.boolean = flag ? 1 : 0;
      break;
    }
    case TypeKind::Decimal: {
      std::string problem = ReadDecimal(field, value, slot);
      if (!problem.empty()) return problem;
      break;
    }
    case TypeKind::Enum:
    case TypeKind::Date:
    case TypeKind::Time:
    case TypeKind::DateTime: {
      std::string problem = ReadText(field, type, value, slot);
      if (!problem.empty()) return problem;
      break;
    }
    case TypeKind::List: {
      std::string problem = ReadList(field, type, value, slot);
      if (!problem.empty()) return problem;
      break;
    }
    case TypeKind::Record: {
      std::string problem = ReadWholeRecord(field, type, value, slot);
      if (!problem.empty()) return problem;
      break;
    }
    default:
      return fmt::format("field `{}` has type {}, which records cannot carry yet", field.name,
                         field.type.ToString());
  }
  slot.present = 1;
  return "";
}

const std::vector<schema::FieldType>& RecordReader::FieldsBelow(const schema::FieldType& field) {
  auto [entry, added] = fields_below_.try_emplace(field.name);
  if (!added) return entry->second;
  std::vector<schema::FieldType>& below = entry->second;
  if (field.type.kind == TypeKind::List) {
    below.push_back(schema::FieldType{});
    below.back().name = field.name + "[]";
    below.back().type = *field.type.element;
    return below;
  }
  for (const schema::FieldType& child : field.type.record->fields) {
    below.push_back(child);
    below.back().name = field.name + "." + child.name;
  }
  return below;
}

std::string RecordReader::ReadList(const schema::FieldType& field, od::json_type type,
                                   od::value& value, WeftSlot& slot) {
  if (type != od::json_type::array) return WrongType(field, type, value);
  // The list is one level below its container, and held to the depth limit like any value.
  if (depth_ + 1 > max_depth_) return TooDeep(max_depth_);
  od::array array;
  size_t count = 0;
  if (auto error = value.get_array().get(array))
    return fmt::format("invalid JSON: {}", simdjson::error_message(error));
  if (auto error = array.count_elements().get(count))
    return fmt::format("invalid JSON: {}", simdjson::error_message(error));
  WeftSlot* items = arena_.AllocateSlots(count);
  const schema::FieldType& item = FieldsBelow(field).front();
  ++depth_;
  size_t read = 0;
  std::string problem;
  for (auto element : array) {
    od::value item_value;
    if (auto error = element.get(item_value)) {
      problem = fmt::format("invalid JSON: {}", simdjson::error_message(error));
      break;
    }
    if (read == count) {
      problem = "invalid JSON: the list changed while it was read";
      break;
    }
    problem = ReadField(item, item_value, items[read]);
    if (problem.empty() && !item.type.optional && !items[read].present) {
      problem = fmt::format("field `{}` is null, but the items of the list cannot be null",
                            item.name);
    }
    if (!problem.empty()) {
      // The item's path names it by its position from here on, as in `Lines[2].Sku`.
      problem = WithFieldPath(std::move(problem), item.name,
                              fmt::format("{}[{}]", field.name, read));
      break;
    }
    ++read;
  }
  --depth_;
  if (!problem.empty()) return problem;
  slot.list = {items, static_cast<int64_t>(read)};
  return "";
}

std::string RecordReader::ReadWholeRecord(const schema::FieldType& field, od::json_type type,
                                          od::value& value, WeftSlot& slot) {
  if (type != od::json_type::object) return WrongType(field, type, value);
  if (depth_ + 1 > max_depth_) return TooDeep(max_depth_);
  od::object object;
  if (auto error = value.get_object().get(object))
    return fmt::format("invalid JSON: {}", simdjson::error_message(error));
  const schema::RecordType& record = *field.type.record;
  const std::vector<schema::FieldType>& fields = FieldsBelow(field);
  WeftSlot* slots = arena_.AllocateSlots(fields.size());
  // A field's slot is absent and not missing until its key is seen.
  std::vector<uint8_t> seen(fields.size(), 0);
  ++depth_;
  std::string problem;
  for (auto member : object) {
    std::string_view key;
    od::value field_value;
    if (auto error = member.unescaped_key().get(key)) {
      problem = fmt::format("invalid JSON: {}", simdjson::error_message(error));
      break;
    }
    if (auto error = member.value().get(field_value)) {
      problem = fmt::format("invalid JSON: {}", simdjson::error_message(error));
      break;
    }
    int index = record.FindField(key);
    if (index < 0) {
      problem = CheckUnreadValue(field_value, depth_ + 1, max_depth_);
      if (!problem.empty()) break;
      continue;
    }
    if (seen[index]) {
      problem = fmt::format("field `{}` appears twice in the record", fields[index].name);
      break;
    }
    seen[index] = 1;
    problem = ReadField(fields[index], field_value, slots[index]);
    if (!problem.empty()) break;
  }
  --depth_;
  if (!problem.empty()) return problem;
  for (size_t i = 0; i < fields.size(); ++i) {
    if (slots[i].present || fields[i].type.optional) {
      if (!seen[i]) slots[i].missing = 1;
      continue;
    }
    return fmt::format("required field `{}` is {}", fields[i].name, seen[i] ? "null" : "missing");
  }
  slot.list = {slots, static_cast<int64_t>(fields.size())};
  return "";
}

std::string RecordReader::ReadText(const schema::FieldType& field, od::json_type type,
                                   od::value& value, WeftSlot& slot) {
  std::string_view text;
  if (type != od::json_type::string || value.get_string().get(text)) {
    return WrongType(field, type, value);
  }
  return ReadTextValue(field, text, Excerpt(value), slot);
}

std::string RecordReader::ReadDecimal(const schema::FieldType& field, od::value& value,
                                      WeftSlot& slot) {
  od::json_type type = value.type().value_unsafe();
  std::string_view text;
  // Money often travels as a string ("199.00"); both forms are read exactly, never via a float.
  if (type == od::json_type::number) {
    text = TrimRight(value.raw_json_token());
    __int128 units = 0;
    int scale = field.type.scale;
    if (scale != schema::kAnyScale && ParseShortJsonDecimal(text, scale, units) &&
        FitsDigits(units, field.type.precision)) {
      slot.decimal = units;
      slot.scale = scale;
      return "";
    }
    // The decimal parser accepts forms that JSON does not, such as `01.5` and `1.`.
    if (!IsJsonNumber(text))
      return fmt::format("invalid JSON: `{}` is not a number", ValueExcerpt(text));
  } else if (type != od::json_type::string || value.get_string().get(text)) {
    return WrongType(field, type, value);
  }
  return ReadDecimalText(field, text, utf8::TruncateAtCharacter(text, 60), slot);
}

}  // namespace weft::runtime
