#include "compiler/check/table_checker.h"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <map>

#include "compiler/check/constants.h"
#include "compiler/check/csv.h"
#include "compiler/check/schema_builder.h"
#include "stdlib/ids.h"
#include "compiler/diagnostics/project_root.h"

namespace weft::check {
namespace {

using schema::Type;
using schema::TypeKind;

bool IsKeyType(const Type& type) {
  return type.kind == TypeKind::String || type.kind == TypeKind::Int ||
         type.kind == TypeKind::Enum;
}

class TableChecker {
 public:
  TableChecker(CheckedTable& table, DiagnosticEngine& diagnostics)
      : table_(table), diagnostics_(diagnostics) {}

  void CheckEntries() {
    for (const ast::TableEntry& entry : table_.decl->entries) {
      std::optional<Constant> key;
      if (entry.key == nullptr) {
        CheckElse(entry);
      } else {
        key = CheckKey(EvaluateConstant(*entry.key), entry.key->range);
      }
      std::optional<Constant> value;
      if (entry.value != nullptr) value = CheckValue(EvaluateConstant(*entry.value), entry.value->range);
      if (entry.key == nullptr && value) table_.fallback = value;
      if (key && value) table_.rows.push_back({*key, *value});
    }
  }

  const Type& KeyType() const { return table_.key; }
  const Type& ValueType() const { return table_.value; }

  // Records the table file that the entries come from, for the report of `weft check`.
  void NoteFile(std::string path, size_t rows, std::string sha256) {
    table_.file = {std::move(path), rows, std::move(sha256)};
  }

  // Checks one entry read from a table file; `key` and `value` are already constants.
  void CheckRow(const Constant& key, SourceRange key_range, const Constant& value,
                SourceRange value_range) {
    std::optional<Constant> checked_key = CheckKey(key, key_range);
    std::optional<Constant> checked_value = CheckValue(value, value_range);
    if (checked_key && checked_value) table_.rows.push_back({*checked_key, *checked_value});
  }

 private:
  void CheckElse(const ast::TableEntry& entry) {
    if (table_.has_else) {
      diagnostics_.Report(DiagnosticKind::DuplicateDeclaration, entry.range,
                          fmt::format("table `{}` has two `else` entries", table_.name));
    }
    table_.has_else = true;
  }

  std::optional<Constant> CheckKey(const std::optional<Constant>& constant, SourceRange range) {
    std::string reason = "a key must be a literal";
    std::string json;
    if (constant) json = ConstantToJson(*constant, table_.key.AsRequired(), reason);
    if (json.empty()) {
      diagnostics_
          .Report(DiagnosticKind::TableTypeMismatch, range,
                  fmt::format("invalid key for table `{}`: {}", table_.name, reason))
          .hint = fmt::format("the keys of `{}` are of type {}", table_.name,
                              table_.key.ToString());
      return std::nullopt;
    }
    auto [first, inserted] = keys_.emplace(json, range);
    if (inserted) return constant;
    Diagnostic& diagnostic = diagnostics_.Report(
        DiagnosticKind::DuplicateDeclaration, range,
        fmt::format("key {} is listed twice in table `{}`", json, table_.name));
    diagnostic.notes.push_back({first->second, "the first entry is here"});
    return std::nullopt;
  }

  std::optional<Constant> CheckValue(const std::optional<Constant>& constant, SourceRange range) {
    std::string reason = "a value must be a literal, or an enum member by name";
    std::string json;
    if (constant) json = ConstantToJson(*constant, table_.value, reason);
    if (!json.empty()) return constant;
    diagnostics_
        .Report(DiagnosticKind::TableTypeMismatch, range,
                fmt::format("invalid value for table `{}`: {}", table_.name, reason))
        .hint = fmt::format("the values of `{}` are of type {}", table_.name,
                            table_.value.ToString());
    return std::nullopt;
  }

  CheckedTable& table_;
  DiagnosticEngine& diagnostics_;
  // Each key's JSON text with the entry that first listed it, to find a key listed twice.
  std::map<std::string, SourceRange> keys_;
};

// The constant that a CSV cell spells for a value of `type`: text for strings, dates and times, a
// member name for an enum, a number or a bool as written. An empty cell is null for an optional
// type. A cell that is no such constant gives one the checker then rejects with its reason.
Constant CellConstant(const std::string& text, const Type& type) {
  if (text.empty() && type.optional) return {Constant::Kind::Null, "null"};
  switch (type.kind) {
    case TypeKind::Int:
    case TypeKind::Decimal:
    case TypeKind::Float: {
      std::string_view digits = text;
      if (digits.starts_with('-')) digits.remove_prefix(1);
      size_t point = digits.find('.');
      auto all_digits = [](std::string_view part) {
        return !part.empty() &&
               std::all_of(part.begin(), part.end(), [](char c) { return c >= '0' && c <= '9'; });
      };
      if (point == std::string_view::npos && all_digits(digits)) {
        return {Constant::Kind::Int, text};
      }
      if (point != std::string_view::npos && all_digits(digits.substr(0, point)) &&
          all_digits(digits.substr(point + 1))) {
        return {Constant::Kind::Decimal, text};
      }
      return {Constant::Kind::String, text};
    }
    case TypeKind::Bool:
      if (text == "true" || text == "false") return {Constant::Kind::Bool, text};
      return {Constant::Kind::String, text};
    case TypeKind::Enum:
      return {Constant::Kind::Name, text};
    default:
      return {Constant::Kind::String, text};
  }
}

// Finds the column named `name` in the header, reporting a missing one with the columns there are.
int FindColumn(const CsvRow& header, const std::string& name, SourceRange at,
               DiagnosticEngine& diagnostics) {
  std::vector<std::string> names;
  for (size_t i = 0; i < header.cells.size(); ++i) {
    if (header.cells[i].text == name) return static_cast<int>(i);
    names.push_back(header.cells[i].text);
  }
  Diagnostic& diagnostic = diagnostics.Report(
      DiagnosticKind::TableFileInvalid, at, fmt::format("the table file has no column `{}`", name));
  std::string closest = ClosestName(name, names);
  std::string listed;
  for (const std::string& column : names) listed += (listed.empty() ? "`" : ", `") + column + "`";
  diagnostic.hint = closest.empty() ? fmt::format("its columns are {}", listed)
                                    : fmt::format("did you mean `{}`?", closest);
  return -1;
}

// Reports a table of more than `max_rows` entries; `source` names the table file or the table.
bool ReportIfTooManyRows(const ast::TableDecl& decl, const std::string& source, size_t rows,
                         size_t max_rows, DiagnosticEngine& diagnostics) {
  if (rows <= max_rows) return false;
  diagnostics
      .Report(DiagnosticKind::TableTooLarge, decl.range,
              fmt::format("{} has {} rows, more than the limit of {}", source, rows, max_rows))
      .hint = "raise the limit with `--max-table-rows`, or check that this is the intended table";
  return true;
}

// Resolves, checks the size of and reads the file of `table ... from "file.csv"`, adding it to
// `sources`. Returns nullopt after reporting a path outside the root, a file beyond
// `limits.max_file_bytes` or an unreadable file.
std::optional<FileId> ReadTableFile(const ast::TableDecl& decl, SourceManager& sources,
                                    DiagnosticEngine& diagnostics, const TableLimits& limits) {
  std::optional<std::string> path = ResolveInRoot(diagnostics, decl.range, *decl.from_path);
  if (!path) return std::nullopt;

  std::error_code size_error;
  uintmax_t size = std::filesystem::file_size(*path, size_error);
  if (!size_error && size > limits.max_file_bytes) {
    diagnostics
        .Report(DiagnosticKind::TableTooLarge, decl.range,
                fmt::format("table file `{}` has {} bytes, more than the limit of {}", *path, size,
                            limits.max_file_bytes))
        .hint = "raise the limit with `--max-table-bytes`, or check that this is the intended file";
    return std::nullopt;
  }

  std::string contents, error;
  if (!ReadSourceFile(*path, limits.max_file_bytes, contents, error)) {
    diagnostics
        .Report(DiagnosticKind::FileNotReadable, decl.range,
                fmt::format("cannot read table file `{}`: {}", *path, error))
        .hint = "table file paths are relative to the file that names them";
    return std::nullopt;
  }
  return sources.Add(*path, std::move(contents));
}

// Reads the entries of `table NAME: K -> V from "file.csv" (key: COLUMN, value: COLUMN)`. The
// first row names the columns; without options the key is the first column and the value the
// second. The path is relative to the .map file.
void LoadCsvTable(const ast::TableDecl& decl, TableChecker& checker, SourceManager& sources,
                  DiagnosticEngine& diagnostics, const TableLimits& limits) {
  std::string key_column, value_column;
  SourceRange key_at = decl.range, value_at = decl.range;
  for (const auto& [option, column] : decl.options) {
    if (option.name == "key") {
      key_column = column.name;
      key_at = column.range;
    } else if (option.name == "value") {
      value_column = column.name;
      value_at = column.range;
    } else {
      diagnostics
          .Report(DiagnosticKind::TableFileInvalid, option.range,
                  fmt::format("unknown table option `{}`", option.name))
          .hint = "the options are `key: COLUMN` and `value: COLUMN`";
    }
  }

  std::optional<FileId> file = ReadTableFile(decl, sources, diagnostics, limits);
  if (!file) return;
  const std::string& path = sources.Get(*file).path();
  const std::string& text = sources.Get(*file).text();

  std::vector<CsvRow> rows;
  std::string error;
  uint32_t error_offset = 0;
  if (!ParseCsv(text, rows, error, error_offset)) {
    diagnostics.Report(DiagnosticKind::TableFileInvalid, {*file, error_offset, error_offset + 1},
                       fmt::format("invalid CSV: {}", error));
    return;
  }
  if (rows.empty()) {
    diagnostics.Report(DiagnosticKind::TableFileInvalid, decl.range,
                       fmt::format("the table file `{}` is empty", path))
        .hint = "its first row names the columns";
    return;
  }
  std::string described = fmt::format("table file `{}`", path);
  if (ReportIfTooManyRows(decl, described, rows.size() - 1, limits.max_rows, diagnostics)) return;
  checker.NoteFile(*decl.from_path, rows.size() - 1, ids::HashHex(text, ids::HashAlgorithm::Sha256));
  const CsvRow& header = rows.front();
  int key_index = key_column.empty() ? 0 : FindColumn(header, key_column, key_at, diagnostics);
  int value_index =
      value_column.empty() ? 1 : FindColumn(header, value_column, value_at, diagnostics);
  if (key_index < 0 || value_index < 0) return;
  size_t needed = static_cast<size_t>(std::max(key_index, value_index)) + 1;

  for (size_t r = 1; r < rows.size(); ++r) {
    const CsvRow& row = rows[r];
    if (row.cells.size() < needed) {
      diagnostics.Report(DiagnosticKind::TableFileInvalid, {*file, row.offset, row.offset + 1},
                         fmt::format("row {} has {} cell{}, but the table reads column {}", r + 1,
                                     row.cells.size(), row.cells.size() == 1 ? "" : "s", needed));
      continue;
    }
    const CsvCell& key = row.cells[key_index];
    const CsvCell& value = row.cells[value_index];
    auto range = [&](const CsvCell& cell) {
      return SourceRange{*file, cell.offset,
                         cell.offset + std::max<uint32_t>(1, static_cast<uint32_t>(cell.text.size()))};
    };
    checker.CheckRow(CellConstant(key.text, checker.KeyType()), range(key),
                     CellConstant(value.text, checker.ValueType()), range(value));
  }
}

// The entries of a table declared inline, without its `else` entry.
size_t InlineRowCount(const ast::TableDecl& decl) {
  return std::count_if(decl.entries.begin(), decl.entries.end(),
                       [](const ast::TableEntry& entry) { return entry.key != nullptr; });
}

// True for a table keyed by an enum that lists every member, which needs no `else`.
bool CoversEveryMember(const CheckedTable& table) {
  if (table.key.kind != TypeKind::Enum || table.key.enumeration == nullptr) return false;
  for (const std::string& member : table.key.enumeration->members) {
    bool listed = false;
    for (const TableRow& row : table.rows) {
      if (row.key.text == member) listed = true;
    }
    if (!listed) return false;
  }
  return true;
}

}  // namespace

void CheckTables(const ast::File& file, CheckedProgram& program, SourceManager& sources,
                 DiagnosticEngine& diagnostics, const TableLimits& limits) {
  for (const ast::TableDecl& decl : file.tables) {
    int existing = program.FindTable(decl.name.name);
    if (existing >= 0) {
      Diagnostic& diagnostic =
          diagnostics.Report(DiagnosticKind::DuplicateDeclaration, decl.name.range,
                             fmt::format("table `{}` is declared twice", decl.name.name));
      diagnostic.notes.push_back(
          {program.tables[existing].decl->name.range, "the first declaration is here"});
      continue;
    }
    CheckedTable table;
    table.decl = &decl;
    table.name = decl.name.name;
    table.key = ResolveType(decl.key_type, program, diagnostics);
    table.value = ResolveType(decl.value_type, program, diagnostics);
    if (!table.key.IsError() && (!IsKeyType(table.key) || table.key.optional)) {
      diagnostics
          .Report(DiagnosticKind::TableTypeMismatch, decl.key_type.range,
                  fmt::format("a table key cannot be of type {}", table.key.ToString()))
          .hint = "use string, int or an enum as the key type";
      table.key = Type::Error();
    }
    if (!table.key.IsError() && !table.value.IsError()) {
      TableChecker checker(table, diagnostics);
      if (decl.from_path) {
        LoadCsvTable(decl, checker, sources, diagnostics, limits);
      } else if (!ReportIfTooManyRows(decl, fmt::format("table `{}`", table.name),
                                      InlineRowCount(decl), limits.max_rows, diagnostics)) {
        checker.CheckEntries();
      }
      table.total = table.has_else || CoversEveryMember(table);
    }
    program.tables.push_back(std::move(table));
  }
}

}  // namespace weft::check
