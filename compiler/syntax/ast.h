#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "compiler/diagnostics/source.h"

// The abstract syntax tree of one .map file. Every node carries the source range it was parsed
// from; later stages never see the ANTLR parse tree.
namespace weft::ast {

struct Expr;
struct Statement;
using ExprPtr = std::unique_ptr<Expr>;
using StatementPtr = std::unique_ptr<Statement>;

struct Identifier {
  std::string name;
  SourceRange range;
};

// A dotted name such as `erp.Customer` or `Owner.Email`.
struct QualifiedName {
  std::vector<Identifier> parts;
  SourceRange range;

  std::string ToString() const;
};

// A written type: `string`, `decimal(18, 2)`, `list<erp.Line>`, `crm.Account?`.
struct TypeRef {
  QualifiedName name;
  std::vector<int64_t> arguments;
  std::unique_ptr<TypeRef> element;
  bool optional = false;
  SourceRange range;
};

// ---------------------------------------------------------------------------------------------
// Expressions

enum class ExprKind {
  IntLiteral,
  DecimalLiteral,
  StringLiteral,
  BoolLiteral,
  NullLiteral,
  Name,
  Member,
  Index,
  Call,
  Unary,
  Binary,
  If,
  Match,
  List,
  Construct,
  Each,
  Lambda,
};

struct Expr {
  explicit Expr(ExprKind kind, SourceRange range) : kind(kind), range(range) {}
  virtual ~Expr() = default;

  ExprKind kind;
  SourceRange range;
};

// An integer or decimal literal, kept as its source text so that no digit is lost.
struct NumberLiteral : Expr {
  NumberLiteral(ExprKind kind, SourceRange range, std::string text)
      : Expr(kind, range), text(std::move(text)) {}
  std::string text;
};

// One piece of a string literal: literal text (escapes already resolved) or an interpolation.
struct StringPart {
  std::string text;
  ExprPtr interpolation;
};

struct StringLiteral : Expr {
  explicit StringLiteral(SourceRange range) : Expr(ExprKind::StringLiteral, range) {}
  std::vector<StringPart> parts;

  bool IsPlain() const;
  // The concatenated text of a plain string; interpolations are skipped.
  std::string PlainText() const;
};

struct BoolLiteral : Expr {
  BoolLiteral(SourceRange range, bool value) : Expr(ExprKind::BoolLiteral, range), value(value) {}
  bool value;
};

struct NullLiteral : Expr {
  explicit NullLiteral(SourceRange range) : Expr(ExprKind::NullLiteral, range) {}
};

// A bare name: a source field, a local, a table or a schema.
struct NameExpr : Expr {
  NameExpr(SourceRange range, Identifier name)
      : Expr(ExprKind::Name, range), name(std::move(name)) {}
  Identifier name;
};

// `base.member` or `base?.member`.
struct MemberExpr : Expr {
  MemberExpr(SourceRange range, ExprPtr base, Identifier member, bool optional_chain)
      : Expr(ExprKind::Member, range),
        base(std::move(base)),
        member(std::move(member)),
        optional_chain(optional_chain) {}
  ExprPtr base;
  Identifier member;
  bool optional_chain;
};

// `base[index]`: a table look-up or a list element.
struct IndexExpr : Expr {
  IndexExpr(SourceRange range, ExprPtr base, ExprPtr index)
      : Expr(ExprKind::Index, range), base(std::move(base)), index(std::move(index)) {}
  ExprPtr base;
  ExprPtr index;
};

// `name(args)`, or `receiver.name(args)`, where the receiver becomes the first argument.
struct CallExpr : Expr {
  CallExpr(SourceRange range, Identifier callee)
      : Expr(ExprKind::Call, range), callee(std::move(callee)) {}
  Identifier callee;
  std::vector<ExprPtr> arguments;
  bool method_syntax = false;
  bool optional_chain = false;
};

enum class UnaryOp { Negate, Not };

struct UnaryExpr : Expr {
  UnaryExpr(SourceRange range, UnaryOp op, ExprPtr operand)
      : Expr(ExprKind::Unary, range), op(op), operand(std::move(operand)) {}
  UnaryOp op;
  ExprPtr operand;
};

enum class BinaryOp {
  Add,
  Subtract,
  Multiply,
  Divide,
  Remainder,
  Equal,
  NotEqual,
  Less,
  LessEqual,
  Greater,
  GreaterEqual,
  And,
  Or,
  Coalesce
};

const char* Spelling(BinaryOp op);

// Returns `text` in double quotes with quotes, backslashes and control characters escaped as in
// Weft source, for dumps and messages.
std::string Quoted(std::string_view text);

struct BinaryExpr : Expr {
  BinaryExpr(SourceRange range, BinaryOp op, SourceRange op_range, ExprPtr lhs, ExprPtr rhs)
      : Expr(ExprKind::Binary, range),
        op(op),
        op_range(op_range),
        lhs(std::move(lhs)),
        rhs(std::move(rhs)) {}
  BinaryOp op;
  SourceRange op_range;
  ExprPtr lhs;
  ExprPtr rhs;
};

struct IfExpr : Expr {
  IfExpr(SourceRange range, ExprPtr condition, ExprPtr then_value, ExprPtr else_value)
      : Expr(ExprKind::If, range),
        condition(std::move(condition)),
        then_value(std::move(then_value)),
        else_value(std::move(else_value)) {}
  ExprPtr condition;
  ExprPtr then_value;
  ExprPtr else_value;
};

// One pattern of a match arm; a wildcard has neither a literal nor a name.
struct Pattern {
  ExprPtr literal;
  std::optional<QualifiedName> name;
  SourceRange range;
};

struct MatchArm {
  std::vector<Pattern> patterns;
  ExprPtr value;
  SourceRange range;
};

struct MatchExpr : Expr {
  MatchExpr(SourceRange range, ExprPtr subject)
      : Expr(ExprKind::Match, range), subject(std::move(subject)) {}
  ExprPtr subject;
  std::vector<MatchArm> arms;
};

struct ListExpr : Expr {
  explicit ListExpr(SourceRange range) : Expr(ExprKind::List, range) {}
  std::vector<ExprPtr> items;
};

// `erp.Address { street = BillingStreet ... }`: a nested target record built by statements.
struct ConstructExpr : Expr {
  ConstructExpr(SourceRange range, QualifiedName type)
      : Expr(ExprKind::Construct, range), type(std::move(type)) {}
  QualifiedName type;
  std::vector<StatementPtr> body;
};

// `each Items as item where cond -> value`.
struct EachExpr : Expr {
  EachExpr(SourceRange range, ExprPtr source)
      : Expr(ExprKind::Each, range), source(std::move(source)) {}
  ExprPtr source;
  std::optional<Identifier> variable;
  ExprPtr filter;
  ExprPtr value;
};

// `line -> line.Price`: a function of one list item, only as an argument of a list builtin.
struct LambdaExpr : Expr {
  LambdaExpr(SourceRange range, Identifier parameter, ExprPtr body)
      : Expr(ExprKind::Lambda, range), parameter(std::move(parameter)), body(std::move(body)) {}
  Identifier parameter;
  ExprPtr body;
};

// ---------------------------------------------------------------------------------------------
// Statements inside a rule or a construction

enum class StatementKind { Let, Require, Assign };

struct Statement {
  Statement(StatementKind kind, SourceRange range) : kind(kind), range(range) {}
  StatementKind kind;
  SourceRange range;
  // The local's name for `let`; the target field path for an assignment.
  std::vector<Identifier> name;
  // The bound or assigned value; the condition for `require`.
  ExprPtr value;
  // The reject message of `require`.
  ExprPtr message;
};

// ---------------------------------------------------------------------------------------------
// Declarations

struct Annotation {
  Identifier name;
  std::vector<ExprPtr> arguments;
  SourceRange range;
};

struct FieldDecl {
  Identifier name;
  TypeRef type;
  std::vector<Annotation> annotations;
  ExprPtr default_value;
  SourceRange range;
};

struct RecordDecl {
  Identifier name;
  std::vector<FieldDecl> fields;
  SourceRange range;
};

struct EnumDecl {
  Identifier name;
  std::vector<Identifier> members;
  SourceRange range;
};

struct SchemaDecl {
  Identifier name;
  std::vector<RecordDecl> records;
  std::vector<EnumDecl> enums;
  // Set for `schema NAME from "file"`.
  std::optional<std::string> from_path;
  SourceRange range;
};

struct TableEntry {
  // Null for the `else` entry.
  ExprPtr key;
  ExprPtr value;
  SourceRange range;
};

struct TableDecl {
  Identifier name;
  TypeRef key_type;
  TypeRef value_type;
  std::vector<TableEntry> entries;
  std::optional<std::string> from_path;
  std::vector<std::pair<Identifier, Identifier>> options;
  SourceRange range;
};

struct Param {
  Identifier name;
  TypeRef type;
};

struct FnDecl {
  Identifier name;
  std::vector<Param> params;
  TypeRef result_type;
  ExprPtr body;
  SourceRange range;
};

struct MapDecl {
  QualifiedName source;
  QualifiedName target;
  std::optional<Identifier> alias;
  ExprPtr condition;
  std::vector<StatementPtr> body;
  SourceRange range;

  // The rule's name: the alias, or the target record's name.
  std::string RuleName() const;
};

// A value in a test record literal: a scalar written as an expression, a nested `{ ... }` record
// without a type name, or a `[ ... ]` list of such values. After a parse without syntax errors,
// exactly one of `expr`, `record` and `is_list` is set.
struct LiteralValue {
  ExprPtr expr;
  std::unique_ptr<struct RecordLiteral> record;
  bool is_list = false;
  std::vector<LiteralValue> items;
  SourceRange range;
};

struct FieldInit {
  Identifier name;
  LiteralValue value;
};

struct RecordLiteral {
  std::optional<QualifiedName> type;
  std::vector<FieldInit> fields;
  SourceRange range;
};

enum class TestClauseKind {
  Given,
  GivenFile,
  ExpectRecord,
  ExpectFile,
  ExpectReject,
  ExpectRejectMatching,
  ExpectSkip,
  Rule
};

struct TestClause {
  TestClauseKind kind;
  // The record of Given and ExpectRecord.
  std::unique_ptr<RecordLiteral> record;
  // The record type of GivenFile and ExpectFile.
  std::optional<QualifiedName> type;
  // The file path, the reject message or regex, or the rule name.
  std::string text;
  // The place of `text` in the file, for diagnostics about it.
  SourceRange text_range;
  SourceRange range;
};

struct TestDecl {
  std::string name;
  std::vector<TestClause> clauses;
  SourceRange range;
};

struct ImportDecl {
  std::string path;
  SourceRange range;
  // The imported file, once the frontend has loaded it.
  std::optional<FileId> file;
};

struct File {
  FileId file = 0;
  std::vector<ImportDecl> imports;
  std::vector<SchemaDecl> schemas;
  std::vector<TableDecl> tables;
  std::vector<FnDecl> functions;
  std::vector<MapDecl> rules;
  std::vector<TestDecl> tests;
};

}  // namespace weft::ast
