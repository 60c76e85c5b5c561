#include "runtime/csv_input.h"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <unordered_map>

#include "runtime/field_text.h"
#include "stdlib/utf8.h"

namespace weft::runtime {
namespace {

using schema::TypeKind;

constexpr std::string_view kByteOrderMark = "\xEF\xBB\xBF";
// The header columns that a message about missing columns lists.
constexpr size_t kListedColumns = 12;

// The text of a cell or a column name for messages: shortened to one readable line and valid
// UTF-8 even when the input is not, so that the reason can go into a JSON rejects file.
std::string Excerpt(std::string_view text) {
  std::string valid = utf8::ReplaceInvalid(text, "\xEF\xBF\xBD");
  if (valid.size() <= 60) return valid;
  return std::string(utf8::TruncateAtCharacter(valid, 57)) + "...";
}

// The excerpt in quotes, as messages show a cell's value.
std::string QuotedExcerpt(std::string_view text) { return "\"" + Excerpt(text) + "\""; }

bool IsIntegerText(std::string_view text) {
  if (!text.empty() && (text[0] == '+' || text[0] == '-')) text.remove_prefix(1);
  return !text.empty() && text.find_first_not_of("0123456789") == std::string_view::npos;
}

std::string ReadInt(const schema::FieldType& field, std::string_view text, WeftSlot& slot) {
  if (!IsIntegerText(text)) {
    return fmt::format("field `{}` must be an int, but {} is not an integer", field.name,
                       QuotedExcerpt(text));
  }
  // from_chars takes a minus sign but no plus sign.
  std::string_view digits = text[0] == '+' ? text.substr(1) : text;
  int64_t value = 0;
  auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
  if (error != std::errc() || end != digits.data() + digits.size()) {
    return fmt::format("field `{}` must be an int, but {} is outside -2^63 to 2^63-1", field.name,
                       QuotedExcerpt(text));
  }
  slot.integer = value;
  return "";
}

// True when `number`, which from_chars found out of range, is too close to zero rather than too
// large. The JSON reader reads such a number as 0, so CSV input does too.
bool UnderflowsFloat(std::string_view number) {
  size_t mark = number.find_first_of("eE");
  std::string_view mantissa = number.substr(0, mark);
  int64_t exponent = 0;
  if (mark != std::string_view::npos) {
    std::string_view digits = number.substr(mark + 1);
    bool negative = digits.starts_with('-');
    if (!digits.empty() && (digits[0] == '-' || digits[0] == '+')) digits.remove_prefix(1);
    for (char c : digits) exponent = std::min<int64_t>(exponent * 10 + (c - '0'), 100000);
    if (negative) exponent = -exponent;
  }
  // The power of ten of the first significant digit: 2 for 123.4 and -3 for 0.00123.
  size_t point = std::min(mantissa.find('.'), mantissa.size());
  size_t first = mantissa.find_first_of("123456789");
  if (first == std::string_view::npos) return true;
  int64_t magnitude = first < point ? static_cast<int64_t>(point - first) - 1
                                    : -static_cast<int64_t>(first - point);
  return magnitude + exponent < 0;
}

std::string ReadFloat(const schema::FieldType& field, std::string_view text, WeftSlot& slot) {
  // Only digits, signs, points and exponents, so that from_chars takes no "inf", "nan" or hex.
  bool has_digit = text.find_first_of("0123456789") != std::string_view::npos;
  bool plain = text.find_first_not_of("0123456789+-.eE") == std::string_view::npos;
  std::string_view number = text;
  if (number.starts_with('+')) number.remove_prefix(1);
  if (!has_digit || !plain || number.starts_with('+') || (text[0] == '+' && number[0] == '-')) {
    return fmt::format("field `{}` must be a float, but {} is not a number", field.name,
                       QuotedExcerpt(text));
  }
  double value = 0;
  auto [end, error] = std::from_chars(number.data(), number.data() + number.size(), value);
  if (error == std::errc::result_out_of_range && UnderflowsFloat(number)) {
    slot.real = number.starts_with('-') ? -0.0 : 0.0;
    return "";
  }
  if (error == std::errc::result_out_of_range) {
    return fmt::format("field `{}` must be a float, but {} is out of range", field.name,
                       QuotedExcerpt(text));
  }
  if (error != std::errc() || end != number.data() + number.size()) {
    return fmt::format("field `{}` must be a float, but {} is not a number", field.name,
                       QuotedExcerpt(text));
  }
  slot.real = value;
  return "";
}

bool EqualsIgnoringCase(std::string_view text, std::string_view lowercase) {
  if (text.size() != lowercase.size()) return false;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c != lowercase[i]) return false;
  }
  return true;
}

std::string ReadBool(const schema::FieldType& field, std::string_view text, WeftSlot& slot) {
  if (EqualsIgnoringCase(text, "true") || text == "1") {
    slot.boolean = 1;
  } else if (EqualsIgnoringCase(text, "false") || text == "0") {
    slot.boolean = 0;
  } else {
    return fmt::format("field `{}` must be a bool (true, false, 1 or 0), but the input has {}",
                       field.name, QuotedExcerpt(text));
  }
  return "";
}

// Lists names in backquotes, up to `limit` of them: "`a`, `b` and 3 more".
std::string ListNames(const std::vector<std::string>& names, size_t limit) {
  std::string listed;
  size_t shown = std::min(names.size(), limit);
  for (size_t i = 0; i < shown; ++i) {
    if (i > 0) listed += i + 1 == names.size() ? " and " : ", ";
    listed += "`" + Excerpt(names[i]) + "`";
  }
  if (shown < names.size()) listed += fmt::format(" and {} more", names.size() - shown);
  return listed;
}

}  // namespace

CsvRecordReader::CsvRecordReader(const schema::RecordType& record, char delimiter,
                                 const std::vector<bool>& reads)
    : record_(record), delimiter_(delimiter), reads_(reads) {
  if (reads_.empty()) reads_.assign(record.fields.size(), true);
}

std::unique_ptr<CsvRecordReader> CsvRecordReader::Create(const schema::RecordType& record,
                                                         std::string_view header, char delimiter,
                                                         const std::vector<bool>& reads,
                                                         std::string& error) {
  error = CheckCsvDelimiter(delimiter);
  if (!error.empty()) return nullptr;
  std::unique_ptr<CsvRecordReader> reader(new CsvRecordReader(record, delimiter, reads));
  error = reader->CheckFlatFields();
  if (error.empty()) error = reader->ReadHeader(header);
  if (!error.empty()) return nullptr;
  return reader;
}

std::string CsvRecordReader::CheckFlatFields() const {
  for (size_t i = 0; i < record_.fields.size(); ++i) {
    const schema::FieldType& field = record_.fields[i];
    if (!reads_[i]) continue;
    if (field.type.kind != TypeKind::Record && field.type.kind != TypeKind::List) continue;
    return fmt::format(
        "field `{}` of `{}` is {}, which a CSV cell cannot carry; read CSV into a source record "
        "whose fields the rule reads are all strings, numbers, bools, enums, dates or times",
        field.name, record_.QualifiedName(),
        field.type.kind == TypeKind::Record ? "a record" : "a list");
  }
  return "";
}

std::string CsvRecordReader::ReadHeader(std::string_view header) {
  if (header.starts_with(kByteOrderMark)) header.remove_prefix(kByteOrderMark.size());
  if (header.empty()) return "the CSV header is blank; the first line must name the columns";
  std::vector<CsvCell> cells;
  std::string unescaped;
  CsvSyntaxError syntax_error;
  if (!SplitCsvRecord(header, delimiter_, cells, unescaped, syntax_error)) {
    return fmt::format("invalid CSV header at column {}: {}", syntax_error.cell + 1,
                       syntax_error.message);
  }

  std::unordered_map<std::string_view, size_t> first_column;
  for (size_t i = 0; i < cells.size(); ++i) {
    std::string_view name = cells[i].text;
    if (name.empty()) {
      return fmt::format("column {} of the CSV header has no name; every column needs one", i + 1);
    }
    auto [found, added] = first_column.emplace(name, i);
    if (!added) {
      return fmt::format("column `{}` appears twice in the CSV header, as columns {} and {}",
                         Excerpt(name), found->second + 1, i + 1);
    }
    columns_.emplace_back(name);
    int field = record_.FindField(name);
    column_fields_.push_back(field >= 0 && reads_[field] ? field : -1);
  }

  std::vector<std::string> missing;
  for (size_t i = 0; i < record_.fields.size(); ++i) {
    const schema::FieldType& field = record_.fields[i];
    if (reads_[i] && !field.type.optional && !first_column.contains(field.name))
      missing.push_back(field.name);
  }
  if (missing.empty()) return "";
  return fmt::format("the CSV header has no column for the required field{} {} of `{}`; its "
                     "columns are {}",
                     missing.size() == 1 ? "" : "s", ListNames(missing, missing.size()),
                     record_.QualifiedName(), ListNames(columns_, kListedColumns));
}

bool CsvRecordReader::SkipsBlankLine(std::string_view record_text) const {
  return record_text.empty() && columns_.size() > 1;
}

std::string CsvRecordReader::Read(std::string_view record_text, std::vector<WeftSlot>& slots,
                                  std::vector<int>& bad_fields) {
  bad_fields.clear();
  problem_field_.clear();
  problem_value_.clear();
  slots.assign(record_.fields.size(), WeftSlot{});
  // The slots' strings point into this copy, which lives until the next call.
  text_.assign(record_text);
  CsvSyntaxError syntax_error;
  if (!SplitCsvRecord(text_, delimiter_, cells_, unescaped_, syntax_error)) {
    return fmt::format("invalid CSV in {}: {}", DescribeCell(syntax_error.cell),
                       syntax_error.message);
  }
  if (cells_.size() != columns_.size()) {
    return fmt::format("expected {} cells, one per header column, found {}", columns_.size(),
                       cells_.size());
  }

  // A problem with one field does not stop the others from being read, so that the caller can
  // still decide whether the rule would skip the record anyway.
  std::string first_problem;
  for (size_t column = 0; column < cells_.size(); ++column) {
    int index = column_fields_[column];
    if (index < 0) continue;
    std::string problem = ReadCell(record_.fields[index], cells_[column], slots[index]);
    if (problem.empty()) continue;
    slots[index] = WeftSlot{};
    bad_fields.push_back(index);
    if (first_problem.empty()) {
      first_problem = std::move(problem);
      problem_field_ = record_.fields[index].name;
      // The value is shown as a JSON string, as the JSON reader shows a string value.
      utf8::AppendJsonStringFromBytes(utf8::TruncateAtCharacter(cells_[column].text, 60),
                                      problem_value_);
    }
  }
  return first_problem;
}

std::string CsvRecordReader::ReadCell(const schema::FieldType& field, const CsvCell& cell,
                                      WeftSlot& slot) const {
  std::string_view text = cell.text;
  if (text.empty() && !cell.quoted) {
    if (field.type.optional) return "";
    if (field.type.kind != TypeKind::String)
      return fmt::format("required field `{}` is empty", field.name);
  }
  size_t invalid = utf8::FindInvalid(text);
  if (invalid != std::string_view::npos) {
    return fmt::format(
        "field `{}` is not valid UTF-8: byte {} of {} is 0x{:02X}; save the CSV input as UTF-8",
        field.name, invalid + 1, QuotedExcerpt(text), static_cast<unsigned char>(text[invalid]));
  }

  std::string problem;
  switch (field.type.kind) {
    case TypeKind::String:
      slot.string = {text.data(), static_cast<int64_t>(text.size())};
      break;
    case TypeKind::Int:
      problem = ReadInt(field, text, slot);
      break;
    case TypeKind::Float:
      problem = ReadFloat(field, text, slot);
      break;
    case TypeKind::Bool:
      problem = ReadBool(field, text, slot);
      break;
    case TypeKind::Decimal:
      problem = ReadDecimalText(field, text, Excerpt(text), slot);
      break;
    case TypeKind::Enum:
    case TypeKind::Date:
    case TypeKind::Time:
    case TypeKind::DateTime:
      problem = ReadTextValue(field, text, QuotedExcerpt(text), slot);
      break;
    default:
      problem = fmt::format("field `{}` has type {}, which CSV records cannot carry", field.name,
                            field.type.ToString());
      break;
  }
  if (problem.empty()) slot.present = 1;
  return problem;
}

std::string CsvRecordReader::DescribeCell(size_t index) const {
  if (index < columns_.size()) return fmt::format("column `{}`", Excerpt(columns_[index]));
  return fmt::format("cell {}, beyond the {} header columns", index + 1, columns_.size());
}

}  // namespace weft::runtime
