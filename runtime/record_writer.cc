#include "runtime/record_writer.h"

#include <fmt/format.h>

#include <iterator>

#include "runtime/decimal.h"
#include "stdlib/iso8601.h"
#include "stdlib/utf8.h"

namespace weft::runtime {

RecordWriter::RecordWriter(const schema::RecordType& record, const std::vector<bool>& assigned)
    : record_(record) {
  for (size_t i = 0; i < record.fields.size(); ++i) {
    std::string key;
    AppendJsonString(record.fields[i].name, key);
    keys_.push_back(key + ':');
    bool left_to_schema = !assigned.empty() && !assigned[i];
    defaults_.push_back(left_to_schema ? record.fields[i].default_json : "");
  }
}

void RecordWriter::Write(const WeftSlot* slots, std::string& out) const {
  out += '{';
  bool first = true;
  for (size_t i = 0; i < record_.fields.size(); ++i) {
    const WeftSlot& slot = slots[i];
    // A field copied from a missing key is left out, unless the schema gives it a default.
    bool missing = slot.missing && !slot.present;
    const std::string& fallback = missing ? record_.fields[i].default_json : defaults_[i];
    if (missing && fallback.empty()) continue;
    if (!first) out += ',';
    first = false;
    out += keys_[i];
    if (!fallback.empty()) {
      out += fallback;
      continue;
    }
    AppendValue(i, slot, out);
  }
  out += "}\n";
}

void RecordWriter::AppendValue(size_t field, const WeftSlot& slot, std::string& out) const {
  AppendTyped(record_.fields[field].type, slot, out);
}

namespace {

std::string_view StringView(const WeftSlot& slot) {
  return {slot.string.data, static_cast<size_t>(slot.string.size)};
}

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
      out += field.default_json;
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
