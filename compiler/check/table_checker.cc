#include "compiler/check/table_checker.h"

#include <fmt/format.h>

#include <map>

#include "compiler/check/constants.h"
#include "compiler/check/schema_builder.h"

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
      if (entry.key == nullptr) {
        CheckElse(entry);
      } else {
        CheckKey(*entry.key);
      }
      if (entry.value != nullptr) CheckValue(*entry.value);
    }
  }

 private:
  void CheckElse(const ast::TableEntry& entry) {
    if (table_.has_else) {
      diagnostics_.Report(DiagnosticKind::DuplicateDeclaration, entry.range,
                          fmt::format("table `{}` has two `else` entries", table_.name));
    }
    table_.has_else = true;
  }

  void CheckKey(const ast::Expr& key) {
    std::optional<Constant> constant = EvaluateConstant(key);
    std::string reason = "a key must be a literal";
    std::string json;
    if (constant) json = ConstantToJson(*constant, table_.key.AsRequired(), reason);
    if (json.empty()) {
      diagnostics_
          .Report(DiagnosticKind::TableTypeMismatch, key.range,
                  fmt::format("invalid key for table `{}`: {}", table_.name, reason))
          .hint = fmt::format("the keys of `{}` are of type {}", table_.name,
                              table_.key.ToString());
      return;
    }
    auto [first, inserted] = keys_.emplace(json, key.range);
    if (inserted) return;
    Diagnostic& diagnostic = diagnostics_.Report(
        DiagnosticKind::DuplicateDeclaration, key.range,
        fmt::format("key {} is listed twice in table `{}`", json, table_.name));
    diagnostic.notes.push_back({first->second, "the first entry is here"});
  }

  void CheckValue(const ast::Expr& value) {
    std::optional<Constant> constant = EvaluateConstant(value);
    std::string reason = "a value must be a literal, or an enum member by name";
    std::string json;
    if (constant) json = ConstantToJson(*constant, table_.value, reason);
    if (!json.empty()) return;
    diagnostics_
        .Report(DiagnosticKind::TableTypeMismatch, value.range,
                fmt::format("invalid value for table `{}`: {}", table_.name, reason))
        .hint = fmt::format("the values of `{}` are of type {}", table_.name,
                            table_.value.ToString());
  }

  CheckedTable& table_;
  DiagnosticEngine& diagnostics_;
  // Each key's JSON text with the entry that first listed it, to find a key listed twice.
  std::map<std::string, SourceRange> keys_;
};

// True for a table keyed by an enum that lists every member, which needs no `else`.
bool CoversEveryMember(const CheckedTable& table) {
  if (table.key.kind != TypeKind::Enum || table.key.enumeration == nullptr) return false;
  for (const std::string& member : table.key.enumeration->members) {
    bool listed = false;
    for (const ast::TableEntry& entry : table.decl->entries) {
      if (entry.key == nullptr) continue;
      std::optional<Constant> key = EvaluateConstant(*entry.key);
      if (key && key->text == member) listed = true;
    }
    if (!listed) return false;
  }
  return true;
}

}  // namespace

void CheckTables(const ast::File& file, CheckedProgram& program, DiagnosticEngine& diagnostics) {
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
    if (decl.from_path) {
      // TODO: load table entries from CSV files; the declared types are checked already.
      diagnostics.Report(DiagnosticKind::NotYetSupported, decl.range,
                         "loading a table from a file is not supported yet")
          .hint = "list the entries inline: `table NAME: K -> V { key => value ... }`";
    } else if (!table.key.IsError() && !table.value.IsError()) {
      TableChecker(table, diagnostics).CheckEntries();
      table.total = table.has_else || CoversEveryMember(table);
    }
    program.tables.push_back(std::move(table));
  }
}

}  // namespace weft::check
