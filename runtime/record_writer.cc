#include "runtime/record_writer.h"

#include <fmt/format.h>

#include <algorithm>
#include <cstring>
#include <iterator>

#include "runtime/decimal.h"
#include "stdlib/copy_bytes.h"
#include "stdlib/iso8601.h"
#include "stdlib/utf8.h"

namespace weft::runtime {

namespace {

inline char* CopyText(std::string_view text, char* to) {
  return CopyBytes(text.data(), text.size(), to);
}

std::string_view StringView(const WeftSlot& slot) {
  return {slot.string.data, static_cast<size_t>(slot.string.size)};
}

// Writes the contents of a string slot's JSON literal. A plain string needs no escape.
char* WriteContents(const WeftSlot& slot, std::string_view text, char* to) {
  return slot.plain ? CopyText(text, to) : utf8::WriteJsonStringContents(text, to);
}

// Writes a date-time as a JSON string. An offset read as +0100 is written +01:00, as
// iso8601::WithExtendedOffset does.
char* WriteDateTime(const WeftSlot& slot, char* to) {
  std::string_view text = StringView(slot);
  *to++ = '"';
  if (iso8601::HasBasicOffset(text)) {
    to = WriteContents(slot, text.substr(0, text.size() - 2), to);
    *to++ = ':';
    text.remove_prefix(text.size() - 2);
  }
  to = WriteContents(slot, text, to);
  *to++ = '"';
  return to;
}

// Returns the field's default as JSON text. A date-time default with an offset of the basic form,
// +0100, is written +01:00, as a date-time value is.
std::string DefaultJson(const schema::FieldType& field) {
  const std::string& json = field.default_json;
  if (field.type.kind != schema::TypeKind::DateTime || json.size() < 2 || json.front() != '"')
    return json;
  std::string_view text(json.data() + 1, json.size() - 2);
  if (!iso8601::HasBasicOffset(text)) return json;
  return '"' + iso8601::WithExtendedOffset(text) + '"';
}

}  // namespace

RecordWriter::RecordWriter(const schema::RecordType& record, const std::vector<bool>& assigned)
    : record_(record) {
  for (size_t i = 0; i < record.fields.size(); ++i) {
    const schema::FieldType& field = record.fields[i];
    FieldPlan plan;
    plan.key = ",";
    AppendJsonString(field.name, plan.key);
    plan.key += ':';
    if (plan.key.size() <= kKeyRoom) std::memcpy(plan.padded_key, plan.key.data(), plan.key.size());
    plan.kind = KindOf(field.type.kind);
    plan.scale = field.type.scale;
    plan.missing_default = DefaultJson(field);
    bool left_to_schema = !assigned.empty() && !assigned[i];
    if (left_to_schema) plan.left_to_schema = plan.missing_default;
    if (plan.kind == ValueKind::Other) all_sized_ = false;
    if (plan.kind == ValueKind::Text || plan.kind == ValueKind::DateTime)
      text_fields_.push_back(static_cast<int>(i));
    fixed_room_ += FixedRoom(plan);
    plans_.push_back(std::move(plan));
  }
}

RecordWriter::ValueKind RecordWriter::KindOf(schema::TypeKind kind) {
  switch (kind) {
    case schema::TypeKind::String:
    case schema::TypeKind::Enum:
    case schema::TypeKind::Date:
    case schema::TypeKind::Time:
      return ValueKind::Text;
    case schema::TypeKind::DateTime:
      return ValueKind::DateTime;
    case schema::TypeKind::Int:
      return ValueKind::Int;
    case schema::TypeKind::Decimal:
      return ValueKind::Decimal;
    case schema::TypeKind::Bool:
      return ValueKind::Bool;
    default:
      return ValueKind::Other;
  }
}

size_t RecordWriter::FixedRoom(const FieldPlan& plan) {
  size_t value = 0;
  switch (plan.kind) {
    case ValueKind::Int:
      value = 20;
      break;
    case ValueKind::Decimal:
      value = kMaxDecimalChars;
      break;
    case ValueKind::Bool:
      value = 5;
      break;
    default:
      break;
  }
  // `null`, or a default in place of the value.
  value = std::max({value, size_t{4}, plan.missing_default.size(), plan.left_to_schema.size()});
  return plan.key.size() + value;
}

size_t RecordWriter::Room(const WeftSlot* slots) const {
  size_t room = fixed_room_;
  for (int field : text_fields_) {
    const WeftSlot& slot = slots[field];
    if (!slot.present) continue;
    size_t size = static_cast<size_t>(slot.string.size);
    // The quotes, and the colon that an offset of the basic form gains.
    room += 3 + (slot.plain ? size : size * utf8::kMaxEscapeChars);
  }
  return room;
}

const std::string* RecordWriter::Fallback(const FieldPlan& plan, const WeftSlot& slot) {
  // A field copied from a missing key is left out, unless the schema gives it a default.
  bool missing = slot.missing && !slot.present;
  const std::string& fallback = missing ? plan.missing_default : plan.left_to_schema;
  if (missing && fallback.empty()) return nullptr;
  return &fallback;
}

[[gnu::always_inline]] inline char* RecordWriter::WriteField(const FieldPlan& plan,
                                                             const WeftSlot& slot, char* to) const {
  const std::string* fallback = Fallback(plan, slot);
  if (fallback == nullptr) return to;
  if (plan.key.size() <= kKeyRoom) {
    std::memcpy(to, plan.padded_key, kKeyRoom);
    to += plan.key.size();
  } else {
    to = CopyText(plan.key, to);
  }
  if (!fallback->empty()) return CopyText(*fallback, to);
  if (!slot.present) return CopyText("null", to);
  switch (plan.kind) {
    case ValueKind::Text:
      *to++ = '"';
      to = WriteContents(slot, StringView(slot), to);
      *to++ = '"';
      return to;
    case ValueKind::DateTime:
      return WriteDateTime(slot, to);
    case ValueKind::Int: {
      fmt::format_int digits(slot.integer);
      return CopyBytes(digits.data(), digits.size(), to);
    }
    case ValueKind::Decimal:
      return WriteDecimal(slot.decimal, plan.scale == schema::kAnyScale ? slot.scale : plan.scale,
                          to);
    case ValueKind::Bool:
      return slot.boolean ? CopyText("true", to) : CopyText("false", to);
    case ValueKind::Other:
      break;
  }
  return to;
}

void RecordWriter::Write(const WeftSlot* slots, std::string& out) const {
  if (!all_sized_) return AppendFields(slots, out);
  size_t room = Room(slots);
  if (room > kMaxRoom) return AppendFields(slots, out);
  size_t start = out.size();
  out.resize(start + room);
  char* begin = out.data() + start;
  char* end = begin;
  for (size_t i = 0; i < plans_.size(); ++i) end = WriteField(plans_[i], slots[i], end);
  // Each field starts with a comma, so the first one becomes the opening brace.
  if (end == begin) {
    *end++ = '{';
  } else {
    *begin = '{';
  }
  *end++ = '}';
  *end++ = '\n';
  out.resize(static_cast<size_t>(end - out.data()));
}

void RecordWriter::AppendFields(const WeftSlot* slots, std::string& out) const {
  size_t start = out.size();
  for (size_t i = 0; i < plans_.size(); ++i) {
    const std::string* fallback = Fallback(plans_[i], slots[i]);
    if (fallback == nullptr) continue;
    out += plans_[i].key;
    if (!fallback->empty()) {
      out += *fallback;
      continue;
    }
    AppendValue(i, slots[i], out);
  }
  // Each field starts with a comma, so the first one becomes the opening brace.
  if (out.size() == start) {
    out += '{';
  } else {
    out[start] = '{';
  }
  out += "}\n";
}

void RecordWriter::AppendValue(size_t field, const WeftSlot& slot, std::string& out) const {
  AppendTyped(record_.fields[field].type, slot, out);
}

namespace {

// Writes the fields of a nested record by the rules of RecordWriter::Write: a field copied from a
// missing key is left out, and one that the construction leaves out is null, unless the schema
// gives either a default.
void AppendRecord(const schema::RecordType& record, const WeftList& fields, std::string& out) {
  out += '{';
  bool first = true;
  for (size_t i = 0; i < record.fields.size() && i < static_cast<size_t>(fields.count); ++i) {
    const WeftSlot& slot = fields.items[i];
    const schema::FieldType& field = record.fields[i];
    bool missing = slot.missing && !slot.present;
    bool unassigned = slot.missing == kWeftUnassigned;
    if (missing && !unassigned && field.default_json.empty()) continue;
    if (!first) out += ',';
    first = false;
    AppendJsonString(field.name, out);
    out += ':';
    if (missing && !field.default_json.empty()) {
      out += DefaultJson(field);
    } else {
      RecordWriter::AppendTyped(field.type, slot, out);
    }
  }
  out += '}';
}

}  // namespace

void RecordWriter::AppendTyped(const schema::Type& type, const WeftSlot& slot, std::string& out) {
  if (!slot.present) {
    out += "null";
    return;
  }
  switch (type.kind) {
    case schema::TypeKind::DateTime:
      if (iso8601::HasBasicOffset(StringView(slot))) {
        AppendJsonString(iso8601::WithExtendedOffset(StringView(slot)), out);
        break;
      }
      [[fallthrough]];
    case schema::TypeKind::String:
    case schema::TypeKind::Enum:
    case schema::TypeKind::Date:
    case schema::TypeKind::Time:
      if (slot.plain) {
        out += '"';
        out.append(slot.string.data, static_cast<size_t>(slot.string.size));
        out += '"';
        break;
      }
      AppendJsonString(std::string_view(slot.string.data, static_cast<size_t>(slot.string.size)),
                       out);
      break;
    case schema::TypeKind::Int: {
      // Formatted into a buffer first, because a back_inserter appends one character at a time.
      fmt::format_int digits(slot.integer);
      out.append(digits.data(), digits.size());
      break;
    }
    case schema::TypeKind::Decimal:
      AppendDecimal(slot.decimal, type.scale == schema::kAnyScale ? slot.scale : type.scale, out);
      break;
    case schema::TypeKind::Bool:
      out += slot.boolean ? "true" : "false";
      break;
    case schema::TypeKind::Float:
      // The shortest text that reads back as the same double; the code generator lets no
      // infinity or NaN through.
      fmt::format_to(std::back_inserter(out), "{}", slot.real);
      break;
    case schema::TypeKind::List:
      out += '[';
      for (int64_t i = 0; i < slot.list.count; ++i) {
        if (i > 0) out += ',';
        AppendTyped(*type.element, slot.list.items[i], out);
      }
      out += ']';
      break;
    case schema::TypeKind::Record:
      AppendRecord(*type.record, slot.list, out);
      break;
    default:
      out += "null";
      break;
  }
}

}  // namespace weft::runtime
