// The structural half of ExprChecker: field paths, enum members, table look-ups, list
// indexing, `match`, list literals, record constructions and `each`.
#include <fmt/format.h>

#include <algorithm>

#include "compiler/check/constants.h"
#include "compiler/check/expr_checker.h"
#include "compiler/check/rule_checker.h"

namespace weft::check {

using schema::Type;
using schema::TypeKind;

namespace {

const ast::NameExpr* AsName(const ast::Expr* expr) {
  if (expr == nullptr || expr->kind != ast::ExprKind::Name) return nullptr;
  return static_cast<const ast::NameExpr*>(expr);
}

std::string JoinQuoted(const std::vector<std::string>& names, size_t limit) {
  std::string text;
  for (size_t i = 0; i < names.size() && i < limit; ++i) {
    text += (i == 0 ? "`" : ", `") + names[i] + "`";
  }
  if (names.size() > limit) text += fmt::format(" and {} more", names.size() - limit);
  return text;
}

}  // namespace

bool ExprChecker::IsValueName(const std::string& name) const {
  for (const Local& local : locals_) {
    if (local.in_scope && local.name == name) return true;
  }
  return source_->FindField(name) >= 0;
}

const schema::EnumType* ExprChecker::EnumNamedBy(const ast::Expr& expr) const {
  if (const ast::NameExpr* name = AsName(&expr)) {
    if (IsValueName(name->name.name)) return nullptr;
    const schema::EnumType* found = nullptr;
    for (const auto& schema : program_.schemas) {
      const schema::EnumType* candidate = schema->FindEnum(name->name.name);
      if (candidate == nullptr) continue;
      // A name that is an enum in two schemas needs its schema, such as `erp.Tier`.
      if (found != nullptr) return nullptr;
      found = candidate;
    }
    if (found != nullptr) program_.NoteUse(expr.range, found->range);
    return found;
  }
  if (expr.kind != ast::ExprKind::Member) return nullptr;
  const auto& member = static_cast<const ast::MemberExpr&>(expr);
  const ast::NameExpr* schema_name = AsName(member.base.get());
  if (schema_name == nullptr || IsValueName(schema_name->name.name)) return nullptr;
  const schema::Schema* schema = program_.FindSchema(schema_name->name.name);
  if (schema == nullptr) return nullptr;
  program_.NoteUse(expr.range, schema->range);
  return schema->FindEnum(member.member.name);
}

Type ExprChecker::CheckEnumMember(const ast::Expr& expr, const std::string& member,
                                  const schema::EnumType& enumeration) {
  int index = enumeration.FindMember(member);
  if (index < 0) {
    Diagnostic& diagnostic = diagnostics_.Report(
        DiagnosticKind::UnknownEnumMember, expr.range,
        fmt::format("`{}` is not a member of enum `{}`", member, enumeration.QualifiedName()));
    std::string closest = ClosestName(member, enumeration.members);
    diagnostic.hint = closest.empty()
                          ? fmt::format("the members are {}", JoinQuoted(enumeration.members, 8))
                          : fmt::format("did you mean `{}`?", closest);
    return Record(expr, Type::Error());
  }
  return Record(expr, Type::OfEnum(&enumeration), Resolution::EnumMember, index);
}

bool ExprChecker::TryTypedConstant(const ast::Expr& expr, const Type& expected, Type& type) {
  bool temporal = expected.kind == TypeKind::Date || expected.kind == TypeKind::Time ||
                  expected.kind == TypeKind::DateTime;
  if (temporal && expr.kind == ast::ExprKind::StringLiteral &&
      static_cast<const ast::StringLiteral&>(expr).IsPlain()) {
    std::string reason;
    Type literal_type = expected.AsRequired();
    if (ConstantToJson(*EvaluateConstant(expr), literal_type, reason).empty()) {
      diagnostics_
          .Report(DiagnosticKind::InvalidLiteral, expr.range,
                  fmt::format("invalid {} literal: {}", literal_type.ToString(), reason))
          .hint = TemporalConstantHint(literal_type.kind);
      literal_type = Type::Error();
    }
    type = Record(expr, literal_type);
    return true;
  }
  // `[]` has no item to give it a type, so it takes the list type that is expected.
  if (expected.kind == TypeKind::List && expr.kind == ast::ExprKind::List &&
      static_cast<const ast::ListExpr&>(expr).items.empty()) {
    type = Record(expr, expected.AsRequired());
    return true;
  }
  if (expected.kind != TypeKind::Enum || expected.enumeration == nullptr) return false;
  if (const ast::NameExpr* name = AsName(&expr)) {
    if (IsValueName(name->name.name)) return false;
    type = CheckEnumMember(expr, name->name.name, *expected.enumeration);
    return true;
  }
  if (expr.kind == ast::ExprKind::StringLiteral) {
    const auto& literal = static_cast<const ast::StringLiteral&>(expr);
    if (!literal.IsPlain()) return false;
    type = CheckEnumMember(expr, literal.PlainText(), *expected.enumeration);
    return true;
  }
  return false;
}

void ExprChecker::CheckAllowedValue(const ast::Expr& value, const ast::Expr& field_expr) {
  auto found = program_.exprs.find(&field_expr);
  if (found == program_.exprs.end() || found->second.field == nullptr) return;
  const schema::FieldType& field = *found->second.field;
  const std::vector<std::string>& allowed = field.constraints.allowed_values;
  std::optional<Constant> constant = EvaluateConstant(value);
  if (allowed.empty() || !constant || constant->kind != Constant::Kind::String) return;
  if (std::find(allowed.begin(), allowed.end(), constant->text) != allowed.end()) return;
  Diagnostic& diagnostic = diagnostics_.Report(
      DiagnosticKind::UnknownEnumMember, value.range,
      fmt::format("\"{}\" is not one of the values of field `{}`", constant->text, field.name));
  std::string closest = ClosestName(constant->text, allowed);
  diagnostic.hint = closest.empty() ? fmt::format("the values are {}", JoinQuoted(allowed, 8))
                                    : fmt::format("did you mean \"{}\"?", closest);
}

Type ExprChecker::CheckMember(const ast::MemberExpr& expr) {
  if (const schema::EnumType* enumeration = EnumNamedBy(*expr.base)) {
    return CheckEnumMember(expr, expr.member.name, *enumeration);
  }
  Type base = Check(expr.base.get());
  if (base.IsError()) return Record(expr, Type::Error());
  if (base.kind != TypeKind::Record || base.record == nullptr) {
    diagnostics_
        .Report(DiagnosticKind::TypeMismatch, expr.member.range,
                fmt::format("`.{}` needs a record, but the value is {}", expr.member.name,
                            base.ToString()))
        .hint = "only records have fields";
    return Record(expr, Type::Error());
  }
  std::string path = PathOf(expr);
  bool base_absent = base.optional && !expr.optional_chain;
  if (base_absent && !RequirePresent(*expr.base, base, fmt::format("with `.{}`", expr.member.name))) {
    program_.exprs[&expr].type = Type::Error();
    return Type::Error();
  }

  const schema::RecordType& record = *base.record;
  int field = record.FindField(expr.member.name);
  if (field < 0) {
    ReportUnknownField(diagnostics_, expr.member, record);
    return Record(expr, Type::Error());
  }
  Type type = record.fields[field].type;
  if (base.optional && expr.optional_chain) type.optional = true;
  bool narrowed = type.optional && !path.empty() && IsNarrowed(path);
  if (narrowed) type.optional = false;
  Record(expr, type, Resolution::NestedField, field);
  program_.exprs[&expr].field = &record.fields[field];
  program_.exprs[&expr].narrowed = narrowed;
  return type;
}

Type ExprChecker::CheckIndex(const ast::IndexExpr& expr) {
  const ast::NameExpr* name = AsName(expr.base.get());
  if (name != nullptr && !IsValueName(name->name.name)) {
    int table = program_.FindTable(name->name.name);
    if (table >= 0) return CheckTableLookup(expr, table);
  }
  Type base = Check(expr.base.get());
  Type index = Check(expr.index.get());
  if (base.IsError() || index.IsError()) return Record(expr, Type::Error());
  if (base.kind != TypeKind::List) {
    Diagnostic& diagnostic = diagnostics_.Report(
        DiagnosticKind::TypeMismatch, expr.base->range,
        fmt::format("`[...]` needs a list or a table, but the value is {}", base.ToString()));
    if (name != nullptr) {
      std::vector<std::string> tables;
      for (const CheckedTable& candidate : program_.tables) tables.push_back(candidate.name);
      std::string closest = ClosestName(name->name.name, tables);
      if (!closest.empty()) diagnostic.hint = fmt::format("did you mean table `{}`?", closest);
    }
    return Record(expr, Type::Error());
  }
  if (!RequirePresent(*expr.base, base, "with `[...]`")) return Record(expr, Type::Error());
  if (index.kind != TypeKind::Int || index.optional) {
    diagnostics_.Report(DiagnosticKind::TypeMismatch, expr.index->range,
                        fmt::format("a list index must be an int, not {}", index.ToString()));
    return Record(expr, Type::Error());
  }
  // An index beyond the end yields an absent value, so the element is optional.
  return Record(expr, base.element->AsOptional());
}

Type ExprChecker::CheckTableLookup(const ast::IndexExpr& expr, int table_index) {
  const CheckedTable& table = program_.tables[table_index];
  table.used = true;
  program_.NoteUse(expr.range, table.decl->name.range);
  Type key;
  if (!TryTypedConstant(*expr.index, table.key, key)) key = Check(expr.index.get());
  if (key.IsError() || table.key.IsError() || table.value.IsError()) {
    return Record(expr, Type::Error());
  }
  if (!key.SameKind(table.key)) {
    diagnostics_
        .Report(DiagnosticKind::TableTypeMismatch, expr.index->range,
                fmt::format("table `{}` has keys of type {}, but the key is {}", table.name,
                            table.key.ToString(), key.ToString()))
        .hint = key.kind == TypeKind::Int && table.key.kind == TypeKind::String
                    ? "make the key a string with \"{value}\""
                    : "look the table up with a value of its key type";
    return Record(expr, Type::Error());
  }
  Type value = table.value;
  // An absent key finds nothing, and so does a key the table does not list without `else`.
  if (key.optional || !table.total) value.optional = true;
  return Record(expr, value, Resolution::Table, table_index);
}

Type ExprChecker::CheckList(const ast::ListExpr& expr) {
  std::optional<Type> common;
  bool valid = true;
  // An int literal before the first decimal item is a decimal too, as in `[1, 2.5]`.
  std::vector<Type> types;
  for (const ast::ExprPtr& item : expr.items) types.push_back(Check(item.get()));
  for (size_t i = 0; i < expr.items.size(); ++i) {
    if (expr.items[i] == nullptr || types[i].kind != TypeKind::Decimal) continue;
    for (size_t j = 0; j < i; ++j) {
      if (expr.items[j] != nullptr) AdaptIntLiteral(*expr.items[j], types[j], types[i]);
    }
    break;
  }
  for (size_t i = 0; i < expr.items.size(); ++i) {
    const ast::ExprPtr& item = expr.items[i];
    Type type = types[i];
    if (type.IsError()) {
      valid = false;
      continue;
    }
    if (common && item != nullptr) AdaptIntLiteral(*item, type, *common);
    Type unified = common ? Unify(*common, type) : type;
    if (unified.IsError()) {
      diagnostics_.Report(DiagnosticKind::TypeMismatch, item->range,
                          fmt::format("list items have different types: {} and {}",
                                      common->ToString(), type.ToString()));
      valid = false;
      continue;
    }
    common = unified;
  }
  if (!valid) return Record(expr, Type::Error());
  if (!common || common->kind == TypeKind::Null) {
    diagnostics_
        .Report(DiagnosticKind::TypeMismatch, expr.range,
                "a list literal needs at least one item with a type")
        .hint = "write at least one value that is not `null`";
    return Record(expr, Type::Error());
  }
  return Record(expr, Type::ListOf(*common));
}

Type ExprChecker::CheckConstruct(const ast::ConstructExpr& expr) {
  const schema::RecordType* record = ResolveRecordName(expr.type, program_, diagnostics_);
  if (record == nullptr) return Record(expr, Type::Error());
  CheckBody(expr.body, *record, expr.type.range);
  return Record(expr, Type::OfRecord(record));
}

Type ExprChecker::CheckEach(const ast::EachExpr& expr) {
  Type source = Check(expr.source.get());
  if (source.IsError()) return Record(expr, Type::Error());
  if (source.kind != TypeKind::List) {
    diagnostics_.Report(DiagnosticKind::TypeMismatch, expr.source->range,
                        fmt::format("`each` needs a list, but the value is {}", source.ToString()));
    return Record(expr, Type::Error());
  }
  if (!RequirePresent(*expr.source, source, "with `each`")) return Record(expr, Type::Error());

  ast::Identifier variable =
      expr.variable ? *expr.variable : ast::Identifier{"it", expr.source->range};
  if (!expr.variable && IsValueName("it")) {
    diagnostics_
        .Report(DiagnosticKind::DuplicateDeclaration, expr.source->range,
                "this `each` has no `as NAME`, and the default name `it` is already taken")
        .hint = "name the element, such as `each Lines as line -> ...`";
    return Record(expr, Type::Error());
  }
  int local = DeclareLocal(variable, *source.element);
  // The variable is only read inside `each`, so it is not reported as unused.
  locals_[local].used = true;
  if (expr.filter) CheckCondition(expr.filter.get(), "the `where` condition");
  size_t depth = Narrow(expr.filter.get(), true);
  Type value = Check(expr.value.get());
  EndNarrowing(depth);
  EndScope(local);
  if (value.IsError()) return Record(expr, Type::Error());
  // The index is the element's local, which the lowering binds to each item in turn.
  return Record(expr, Type::ListOf(value), Resolution::None, local);
}

}  // namespace weft::check
