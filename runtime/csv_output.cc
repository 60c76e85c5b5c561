#include "runtime/csv_output.h"

#include <fmt/format.h>
#include <simdjson.h>

#include "runtime/csv_syntax.h"
#include "runtime/decimal.h"
#include "stdlib/iso8601.h"

namespace weft::runtime {
namespace {

using schema::TypeKind;
namespace od = simdjson::ondemand;

std::string_view StringOf(const WeftSlot& slot) {
  return {slot.string.data, static_cast<size_t>(slot.string.size)};
}

// Returns a decimal default, given as JSON number text, at the field's scale as Write writes
// decimal slots. A text that does not fit the scale is returned unchanged, as the JSON writer
// would write it.
std::string DecimalDefault(const schema::Type& type, std::string_view json_number) {
  __int128 units = 0;
  int scale = type.scale;
  DecimalParseError error = scale == schema::kAnyScale
                                ? ParseDecimalKeepingScale(json_number, units, scale)
                                : ParseDecimal(json_number, scale, units);
  if (error != DecimalParseError::None) return std::string(json_number);
  return DecimalToString(units, scale);
}

// Returns the text of a default given as JSON, or nullopt for null. `error` is set when the JSON
// is no scalar.
std::optional<std::string> DefaultText(const schema::FieldType& field, std::string& error) {
  simdjson::padded_string json(field.default_json);
  od::parser parser;
  od::document document;
  od::json_type type;
  std::string_view text;
  if (parser.iterate(json).get(document) || document.type().get(type)) {
    error = fmt::format("the default of field `{}` is not valid JSON", field.name);
    return std::nullopt;
  }
  switch (type) {
    case od::json_type::null:
      return std::nullopt;
    case od::json_type::string:
      if (document.get_string().get(text)) break;
      // A date-time's offset of the basic form, +0100, is written +01:00, as a value's is.
      if (field.type.kind == schema::TypeKind::DateTime) return iso8601::WithExtendedOffset(text);
      return std::string(text);
    case od::json_type::boolean: {
      bool flag = false;
      if (document.get_bool().get(flag)) break;
      return flag ? "true" : "false";
    }
    case od::json_type::number:
      if (document.raw_json_token().get(text)) break;
      while (!text.empty() && (text.back() == ' ' || text.back() == '\n' || text.back() == '\r' ||
                               text.back() == '\t')) {
        text.remove_suffix(1);
      }
      if (field.type.kind == TypeKind::Decimal) return DecimalDefault(field.type, text);
      return std::string(text);
    default:
      break;
  }
  error = fmt::format("the default of field `{}` is {}, which a CSV cell cannot carry", field.name,
                      field.default_json);
  return std::nullopt;
}

// Returns the reason that `subject`, a field or a name, cannot be written.
std::string ContainsNul(std::string_view subject) {
  return fmt::format(
      "{} contains U+0000 (NUL), which CSV output does not carry because many CSV readers end a "
      "cell or a line at that byte",
      subject);
}

}  // namespace

CsvRecordWriter::CsvRecordWriter(const schema::RecordType& record, char delimiter,
                                 CsvLineEnd line_end)
    : record_(record),
      delimiter_(delimiter),
      line_end_(line_end == CsvLineEnd::Crlf ? "\r\n" : "\n"),
      defaults_(record.fields.size()) {}

std::unique_ptr<CsvRecordWriter> CsvRecordWriter::Create(const schema::RecordType& record,
                                                         char delimiter, CsvLineEnd line_end,
                                                         const std::vector<bool>& assigned,
                                                         std::string& error) {
  error = CheckCsvDelimiter(delimiter);
  if (!error.empty()) return nullptr;
  for (const schema::FieldType& field : record.fields) {
    if (field.type.kind == TypeKind::Record || field.type.kind == TypeKind::List) {
      error = fmt::format(
          "field `{}` of `{}` is {}, which a CSV cell cannot carry; write CSV from a target record "
          "whose fields are all strings, numbers, bools, enums, dates or times",
          field.name, record.QualifiedName(),
          field.type.kind == TypeKind::Record ? "a record" : "a list");
      return nullptr;
    }
    if (field.name.find('\0') != std::string::npos) {
      error = ContainsNul(fmt::format("a field name of `{}`", record.QualifiedName()));
      return nullptr;
    }
  }
  std::unique_ptr<CsvRecordWriter> writer(new CsvRecordWriter(record, delimiter, line_end));
  error = writer->PrepareDefaults(assigned);
  if (!error.empty()) return nullptr;
  return writer;
}

std::string CsvRecordWriter::PrepareDefaults(const std::vector<bool>& assigned) {
  for (size_t i = 0; i < record_.fields.size(); ++i) {
    const schema::FieldType& field = record_.fields[i];
    bool left_to_schema = !assigned.empty() && !assigned[i];
    if (!left_to_schema || !field.has_default()) continue;
    std::string error;
    std::optional<std::string> text = DefaultText(field, error);
    if (!error.empty()) return error;
    std::string cell;
    if (text) {
      if (text->find('\0') != std::string::npos)
        return ContainsNul(fmt::format("the default of field `{}`", field.name));
      AppendCell(*text, cell);
    }
    defaults_[i] = std::move(cell);
  }
  return "";
}

void CsvRecordWriter::WriteHeader(std::string& out) const {
  for (size_t i = 0; i < record_.fields.size(); ++i) {
    if (i > 0) out += delimiter_;
    AppendCell(record_.fields[i].name, out);
  }
  out += line_end_;
}

std::string CsvRecordWriter::Write(const WeftSlot* slots, std::string& out, int& field) const {
  size_t row_start = out.size();
  fmt::memory_buffer number;
  for (size_t i = 0; i < record_.fields.size(); ++i) {
    if (i > 0) out += delimiter_;
    if (defaults_[i]) {
      out += *defaults_[i];
      continue;
    }
    const WeftSlot& slot = slots[i];
    if (!slot.present) continue;

    const schema::Type& type = record_.fields[i].type;
    number.clear();
    switch (type.kind) {
      case TypeKind::String:
      case TypeKind::Enum:
      case TypeKind::Date:
      case TypeKind::Time:
      case TypeKind::DateTime:
        if (StringOf(slot).find('\0') != std::string_view::npos) {
          out.resize(row_start);
          field = static_cast<int>(i);
          return ContainsNul(fmt::format("field `{}`", record_.fields[i].name));
        }
        if (type.kind == TypeKind::DateTime && iso8601::HasBasicOffset(StringOf(slot))) {
          AppendCell(iso8601::WithExtendedOffset(StringOf(slot)), out);
          continue;
        }
        AppendCell(StringOf(slot), out);
        continue;
      case TypeKind::Int:
        fmt::format_to(std::back_inserter(number), "{}", slot.integer);
        break;
      case TypeKind::Decimal: {
        std::string text =
            DecimalToString(slot.decimal, type.scale == schema::kAnyScale ? slot.scale : type.scale);
        number.append(text.data(), text.data() + text.size());
        break;
      }
      case TypeKind::Bool:
        fmt::format_to(std::back_inserter(number), "{}", slot.boolean ? "true" : "false");
        break;
      case TypeKind::Float:
        // The code generator lets no infinity or NaN through.
        fmt::format_to(std::back_inserter(number), "{}", slot.real);
        break;
      default:
        continue;
    }
    // A number is quoted only under a delimiter such as `.` that can occur in it.
    AppendCell(std::string_view(number.data(), number.size()), out);
  }
  out += line_end_;
  return "";
}

void CsvRecordWriter::AppendCell(std::string_view text, std::string& out) const {
  bool needs_quotes = text.empty() || text.front() == ' ' || text.front() == '\t' ||
                      text.back() == ' ' || text.back() == '\t';
  for (size_t i = 0; i < text.size() && !needs_quotes; ++i) {
    char c = text[i];
    needs_quotes = c == delimiter_ || c == '"' || c == '\r' || c == '\n';
  }
  if (!needs_quotes) {
    out += text;
    return;
  }
  out += '"';
  for (char c : text) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
}

}  // namespace weft::runtime
