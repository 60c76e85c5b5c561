#pragma once

#include <memory>
#include <optional>
#include <set>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "compiler/check/checked_test.h"
#include "compiler/check/constants.h"
#include "compiler/diagnostics/diagnostics.h"
#include "compiler/schema/types.h"
#include "compiler/syntax/ast.h"
#include "stdlib/builtins.h"

namespace weft::check {

// The kind of declaration that a name or call in an expression refers to.
enum class Resolution {
  None,
  SourceField,
  Local,
  Builtin,
  Function,
  NestedField,
  EnumMember,
  Table
};

// The checker's facts about one expression, which the IR lowering reads.
struct ExprInfo {
  schema::Type type;
  Resolution resolution = Resolution::None;
  // The source field index for SourceField, the local index for Local, the field index in the
  // base's record for NestedField, the member index for EnumMember, the table index for Table,
  // the function index for Function, and the element's local for an `each`.
  int index = -1;
  // The schema field that a SourceField or NestedField reads, for its constraints.
  const schema::FieldType* field = nullptr;
  // True when an optional field is read where a check above proved it present.
  bool narrowed = false;
  const stdlib::Builtin* builtin = nullptr;
};

// The checker's resolution of one statement.
struct StatementInfo {
  // The target field index of an assignment, the local index of a `let`.
  int index = -1;
};

// One checked entry of a table.
struct TableRow {
  Constant key;
  Constant value;
};

// A value-translation table: `table NAME: K -> V { key => value ... else => value }`, or its
// entries loaded `from` a CSV file.
struct CheckedTable {
  const ast::TableDecl* decl = nullptr;
  std::string name;
  schema::Type key;
  schema::Type value;
  // The entries whose key and value fit the declared types, in file order.
  std::vector<TableRow> rows;
  // The `else` value, when there is one.
  std::optional<Constant> fallback;
  // A table without `else` yields `V?`, because a key may be missing.
  bool has_else = false;
  // True when every possible key has an entry: an `else`, or every member of an enum key type.
  bool total = false;
  // Set when a rule looks the table up, for the unused-table warning.
  mutable bool used = false;
  // The CSV file of a table loaded `from` one: its path as the .map file writes it, its rows
  // without the header, and the SHA-256 of its bytes, which `weft check` reports so that a
  // changed table shows in CI logs. The path is empty for an inline table.
  struct File {
    std::string path;
    size_t rows = 0;
    std::string sha256;
  } file;
};

// A helper declared with `fn name(p: T, ...) -> R = expr`.
struct CheckedFunction {
  const ast::FnDecl* decl = nullptr;
  std::string name;
  std::vector<schema::Type> parameters;
  schema::Type result;
};

struct CheckedRule {
  const ast::MapDecl* decl = nullptr;
  std::string name;
  const schema::RecordType* source = nullptr;
  const schema::RecordType* target = nullptr;
  int local_count = 0;
};

// The result of checking: the ASTs, the schemas and rules they declare, and the type of every
// expression. Only a program without errors may be lowered.
struct CheckedProgram {
  std::vector<std::unique_ptr<ast::File>> files;
  std::vector<std::unique_ptr<schema::Schema>> schemas;
  std::vector<CheckedTable> tables;
  std::vector<CheckedFunction> functions;
  std::vector<CheckedRule> rules;
  std::vector<CheckedTest> tests;
  std::unordered_map<const ast::Expr*, ExprInfo> exprs;
  std::unordered_map<const ast::Statement*, StatementInfo> statements;
  // Record types that calls create, such as the {key, total} items of `group_sum`.
  std::vector<std::unique_ptr<schema::RecordType>> synthesized_records;
  // Pairs of (file that uses a declaration, file that declares it), for unused-import warnings.
  // Mutable, because name resolution that only reads the program records them.
  mutable std::set<std::pair<FileId, FileId>> file_uses;

  // Notes that the code at `use` refers to the declaration at `declaration`.
  void NoteUse(SourceRange use, SourceRange declaration) const {
    file_uses.emplace(use.file, declaration.file);
  }

  const CheckedRule* FindRule(std::string_view name) const;
  // The index of the table in `tables`, or -1.
  int FindTable(std::string_view name) const;
  const schema::Schema* FindSchema(std::string_view name) const;
  // The index of the function in `functions`, or -1.
  int FindFunction(std::string_view name) const;
  std::vector<std::string> RuleNames() const;
  const ExprInfo& Info(const ast::Expr& expr) const { return exprs.at(&expr); }
};

// The size limits of value tables, which keep a mistaken data export from being compiled into a
// rule.
struct TableLimits {
  // Entries of one table, counted without its `else` entry and, for a CSV file, its header row.
  size_t max_rows = 1'000'000;
  // Bytes of one table file. Source offsets are 32-bit, so it must stay below 4 GiB.
  uintmax_t max_file_bytes = 64 * 1024 * 1024;
};

// Returns the type that can represent values of both `a` and `b` (for `??`, `if` and `==`), or
// an error type.
schema::Type Unify(const schema::Type& a, const schema::Type& b);

// Reports `field` as unknown in `record`, with the closest field name as a hint.
void ReportUnknownField(DiagnosticEngine& diagnostics, const ast::Identifier& field,
                        const schema::RecordType& record);

// Resolves names and checks types in the parsed files, reporting every mistake to `diagnostics`.
// Imported schema documents are added to `sources`.
CheckedProgram Check(std::vector<std::unique_ptr<ast::File>> files, SourceManager& sources,
                     DiagnosticEngine& diagnostics, const TableLimits& table_limits = {});

}  // namespace weft::check
