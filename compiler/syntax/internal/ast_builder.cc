#include "compiler/syntax/internal/ast_builder.h"

#include <fmt/format.h>

#include "compiler/syntax/internal/tree_children.h"

namespace weft::syntax::internal {

using P = weft_antlr::WeftParser;

SourceRange AstBuilder::RangeOf(antlr4::ParserRuleContext* context) const {
  antlr4::Token* start = context->getStart();
  antlr4::Token* stop = context->getStop();
  uint32_t begin = offsets_.ByteOffset(start->getStartIndex());
  uint32_t end = begin;
  // After error recovery the stop token can precede the start token.
  if (stop != nullptr && stop->getStopIndex() != INVALID_INDEX &&
      stop->getStopIndex() >= start->getStartIndex()) {
    end = offsets_.ByteOffset(stop->getStopIndex() + 1);
  }
  return {file_, begin, end};
}

SourceRange AstBuilder::RangeOf(antlr4::Token* token) const {
  uint32_t begin = offsets_.ByteOffset(token->getStartIndex());
  uint32_t end = token->getStopIndex() == INVALID_INDEX
                     ? begin
                     : offsets_.ByteOffset(token->getStopIndex() + 1);
  return {file_, begin, std::max(begin, end)};
}

std::string AstBuilder::TextOf(antlr4::ParserRuleContext* context) const {
  antlr4::tree::TerminalNode* terminal =
      context->children.size() == 1 ? AsToken(context->children[0]) : nullptr;
  antlr4::Token* token = terminal != nullptr ? terminal->getSymbol() : nullptr;
  // Tokens that error recovery conjures, such as `<missing IDENT>`, have no place in the source.
  if (token == nullptr || token->getStartIndex() == INVALID_INDEX ||
      token->getStopIndex() == INVALID_INDEX) {
    return context->getText();
  }
  uint32_t begin = offsets_.ByteOffset(token->getStartIndex());
  uint32_t end = offsets_.ByteOffset(token->getStopIndex() + 1);
  return std::string(text_.substr(begin, end - begin));
}

std::unique_ptr<ast::File> AstBuilder::BuildFile(P::FileContext* context) {
  auto file = std::make_unique<ast::File>();
  file->file = file_;
  for (P::DeclarationContext* declaration :
       RuleChildren<P::DeclarationContext>(context, P::RuleDeclaration)) {
    AddDeclaration(declaration, *file);
  }
  return file;
}

void AstBuilder::AddDeclaration(P::DeclarationContext* context, ast::File& file) {
  // Each alternative of `declaration` is one rule, so the first rule child decides.
  for (antlr4::tree::ParseTree* child : context->children) {
    antlr4::ParserRuleContext* d = AsRule(child);
    if (d == nullptr) continue;
    switch (d->getRuleIndex()) {
      case P::RuleImportDecl:
        file.imports.push_back(BuildImport(static_cast<P::ImportDeclContext*>(d)));
        return;
      case P::RuleSchemaDecl:
        file.schemas.push_back(BuildSchema(static_cast<P::SchemaDeclContext*>(d)));
        return;
      case P::RuleTableDecl:
        file.tables.push_back(BuildTable(static_cast<P::TableDeclContext*>(d)));
        return;
      case P::RuleFnDecl:
        file.functions.push_back(BuildFn(static_cast<P::FnDeclContext*>(d)));
        return;
      case P::RuleMapDecl:
        file.rules.push_back(BuildMap(static_cast<P::MapDeclContext*>(d)));
        return;
      case P::RuleTestDecl:
        file.tests.push_back(BuildTest(static_cast<P::TestDeclContext*>(d)));
        return;
      default:
        break;
    }
  }
}

ast::ImportDecl AstBuilder::BuildImport(P::ImportDeclContext* context) {
  ast::ImportDecl decl;
  decl.path = BuildPlainString(context->stringLit(), "an import path");
  decl.range = RangeOf(context);
  return decl;
}

ast::SchemaDecl AstBuilder::BuildSchema(P::SchemaDeclContext* context) {
  ast::SchemaDecl schema;
  schema.range = RangeOf(context);
  if (auto* imported = dynamic_cast<P::ImportedSchemaContext*>(context)) {
    schema.name = BuildIdent(imported->ident());
    schema.from_path = BuildPlainString(imported->stringLit(), "a schema path");
    return schema;
  }
  // Error recovery can leave the unlabeled base context, which has no children to read.
  auto* inline_schema = dynamic_cast<P::InlineSchemaContext*>(context);
  if (inline_schema == nullptr) return schema;
  schema.name = BuildIdent(inline_schema->ident());
  for (P::SchemaMemberContext* member : inline_schema->schemaMember()) {
    if (member->recordDecl() != nullptr)
      schema.records.push_back(BuildRecord(member->recordDecl()));
    if (member->enumDecl() != nullptr) schema.enums.push_back(BuildEnum(member->enumDecl()));
  }
  return schema;
}

ast::RecordDecl AstBuilder::BuildRecord(P::RecordDeclContext* context) {
  ast::RecordDecl record;
  record.name = BuildIdent(IdentChild(context));
  record.range = RangeOf(context);
  std::vector<P::FieldDeclContext*> fields =
      RuleChildren<P::FieldDeclContext>(context, P::RuleFieldDecl);
  record.fields.reserve(fields.size());
  for (P::FieldDeclContext* field : fields) record.fields.push_back(BuildField(field));
  return record;
}

ast::FieldDecl AstBuilder::BuildField(P::FieldDeclContext* context) {
  ast::FieldDecl field;
  field.name = BuildIdent(IdentChild(context));
  field.type = BuildType(RuleChild<P::TypeRefContext>(context, P::RuleTypeRef));
  field.range = RangeOf(context);
  for (P::AnnotationContext* annotation :
       RuleChildren<P::AnnotationContext>(context, P::RuleAnnotation)) {
    ast::Annotation built{BuildIdent(IdentChild(annotation)), {}, RangeOf(annotation)};
    for (P::ExprContext* argument : ExprChildren(annotation))
      built.arguments.push_back(BuildExpr(argument));
    field.annotations.push_back(std::move(built));
  }
  field.default_value = BuildExpr(ExprChild(context));
  return field;
}

ast::EnumDecl AstBuilder::BuildEnum(P::EnumDeclContext* context) {
  ast::EnumDecl decl;
  std::vector<P::IdentContext*> idents = context->ident();
  decl.range = RangeOf(context);
  if (idents.empty()) return decl;
  decl.name = BuildIdent(idents.front());
  for (size_t i = 1; i < idents.size(); ++i) decl.members.push_back(BuildIdent(idents[i]));
  return decl;
}

ast::TypeRef AstBuilder::BuildType(P::TypeRefContext* context) {
  ast::TypeRef type;
  if (context == nullptr) return type;
  type.range = RangeOf(context);
  type.optional = context->optional != nullptr;
  P::BaseTypeContext* base = RuleChild<P::BaseTypeContext>(context, P::RuleBaseType);
  if (base == nullptr) return type;
  if (auto* named = AsAlternative<P::NamedTypeContext>(base)) {
    type.name = BuildQualifiedName(
        RuleChild<P::QualifiedNameContext>(named, P::RuleQualifiedName));
  } else if (auto* generic = AsAlternative<P::GenericTypeContext>(base)) {
    type.name.parts.push_back(BuildIdent(IdentChild(generic)));
    type.name.range = type.name.parts.back().range;
    type.element = std::make_unique<ast::TypeRef>(
        BuildType(RuleChild<P::TypeRefContext>(generic, P::RuleTypeRef)));
  } else if (auto* parameterized = AsAlternative<P::ParameterizedTypeContext>(base)) {
    type.name.parts.push_back(BuildIdent(IdentChild(parameterized)));
    type.name.range = type.name.parts.back().range;
    for (antlr4::tree::TerminalNode* number : parameterized->INT_LIT()) {
      std::string text = number->getText();
      // Type arguments are small; anything longer than 9 digits is out of range anyway.
      type.arguments.push_back(text.size() > 9 ? 999999999 : std::stoll(text));
    }
  }
  return type;
}

ast::TableDecl AstBuilder::BuildTable(P::TableDeclContext* context) {
  ast::TableDecl table;
  table.range = RangeOf(context);
  if (auto* imported = dynamic_cast<P::ImportedTableContext*>(context)) {
    table.name = BuildIdent(imported->ident());
    table.key_type = BuildType(imported->key);
    table.value_type = BuildType(imported->value);
    table.from_path = BuildPlainString(imported->stringLit(), "a table path");
    for (P::TableOptionContext* option : imported->tableOption()) {
      table.options.emplace_back(BuildIdent(option->ident(0)), BuildIdent(option->ident(1)));
    }
    return table;
  }
  auto* inline_table = dynamic_cast<P::InlineTableContext*>(context);
  if (inline_table == nullptr) return table;
  table.name = BuildIdent(inline_table->ident());
  table.key_type = BuildType(inline_table->key);
  table.value_type = BuildType(inline_table->value);
  for (P::TableEntryContext* entry : inline_table->tableEntry()) {
    ast::TableEntry built;
    built.range = RangeOf(entry);
    if (P::TableKeyContext* key = entry->tableKey()) {
      if (key->literal() != nullptr) {
        built.key = BuildLiteral(key->literal());
      } else if (key->number != nullptr) {
        built.key = BuildNegativeNumber(key->number, RangeOf(key));
      } else if (key->ident() != nullptr) {
        // An enum member, for a table keyed by an enum.
        ast::Identifier name = BuildIdent(key->ident());
        SourceRange range = name.range;
        built.key = std::make_unique<ast::NameExpr>(range, std::move(name));
      }
    }
    built.value = BuildExpr(entry->expr());
    table.entries.push_back(std::move(built));
  }
  return table;
}

ast::FnDecl AstBuilder::BuildFn(P::FnDeclContext* context) {
  ast::FnDecl fn;
  fn.name = BuildIdent(context->ident());
  fn.range = RangeOf(context);
  for (P::ParamContext* param : context->param()) {
    fn.params.push_back({BuildIdent(param->ident()), BuildType(param->typeRef())});
  }
  fn.result_type = BuildType(context->typeRef());
  fn.body = BuildExpr(context->expr());
  return fn;
}

ast::MapDecl AstBuilder::BuildMap(P::MapDeclContext* context) {
  ast::MapDecl rule;
  rule.range = RangeOf(context);
  rule.source = BuildQualifiedName(context->source);
  rule.target = BuildQualifiedName(context->target);
  if (context->alias != nullptr) rule.alias = BuildIdent(context->alias);
  rule.condition = BuildExpr(context->condition);
  rule.body = BuildBlock(RuleChild<P::BlockContext>(context, P::RuleBlock));
  return rule;
}

std::vector<ast::StatementPtr> AstBuilder::BuildBlock(P::BlockContext* context) {
  std::vector<ast::StatementPtr> statements;
  if (context == nullptr) return statements;
  std::vector<P::StatementContext*> children =
      RuleChildren<P::StatementContext>(context, P::RuleStatement);
  statements.reserve(children.size());
  for (P::StatementContext* statement : children) {
    if (ast::StatementPtr built = BuildStatement(statement)) statements.push_back(std::move(built));
  }
  return statements;
}

ast::StatementPtr AstBuilder::BuildStatement(P::StatementContext* context) {
  if (auto* assign = AsAlternative<P::AssignStatementContext>(context)) {
    auto statement = std::make_unique<ast::Statement>(ast::StatementKind::Assign, RangeOf(context));
    if (auto* path = RuleChild<P::FieldPathContext>(assign, P::RuleFieldPath)) {
      for (P::IdentContext* part : RuleChildren<P::IdentContext>(path, P::RuleIdent))
        statement->name.push_back(BuildIdent(part));
    }
    statement->value = BuildExpr(ExprChild(assign));
    return statement;
  }
  if (auto* let = AsAlternative<P::LetStatementContext>(context)) {
    auto statement = std::make_unique<ast::Statement>(ast::StatementKind::Let, RangeOf(context));
    statement->name.push_back(BuildIdent(IdentChild(let)));
    statement->value = BuildExpr(ExprChild(let));
    return statement;
  }
  if (auto* require = AsAlternative<P::RequireStatementContext>(context)) {
    auto statement =
        std::make_unique<ast::Statement>(ast::StatementKind::Require, RangeOf(context));
    statement->value = BuildExpr(ExprChild(require, 0));
    statement->message = BuildExpr(ExprChild(require, 1));
    return statement;
  }
  return nullptr;
}

ast::TestDecl AstBuilder::BuildTest(P::TestDeclContext* context) {
  ast::TestDecl test;
  test.range = RangeOf(context);
  test.name = BuildPlainString(context->stringLit(), "a test name");
  for (P::TestClauseContext* clause : context->testClause())
    test.clauses.push_back(BuildTestClause(clause));
  return test;
}

ast::TestClause AstBuilder::BuildTestClause(P::TestClauseContext* context) {
  ast::TestClause clause;
  clause.range = RangeOf(context);
  P::RecordLiteralContext* literal = nullptr;
  if (auto* given = dynamic_cast<P::GivenClauseContext*>(context)) {
    clause.kind = ast::TestClauseKind::Given;
    literal = given->recordLiteral();
  } else if (auto* expect = dynamic_cast<P::ExpectRecordClauseContext*>(context)) {
    clause.kind = ast::TestClauseKind::ExpectRecord;
    literal = expect->recordLiteral();
  } else if (auto* given_file = dynamic_cast<P::GivenFileClauseContext*>(context)) {
    clause.kind = ast::TestClauseKind::GivenFile;
    clause.type = BuildQualifiedName(given_file->qualifiedName());
    clause.text = BuildPlainString(given_file->stringLit(), "a file path");
    clause.text_range = RangeOf(given_file->stringLit());
  } else if (auto* expect_file = dynamic_cast<P::ExpectFileClauseContext*>(context)) {
    clause.kind = ast::TestClauseKind::ExpectFile;
    clause.type = BuildQualifiedName(expect_file->qualifiedName());
    clause.text = BuildPlainString(expect_file->stringLit(), "a file path");
    clause.text_range = RangeOf(expect_file->stringLit());
  } else if (auto* reject = dynamic_cast<P::ExpectRejectClauseContext*>(context)) {
    BuildExpectReject(reject, clause);
  } else if (dynamic_cast<P::ExpectSkipClauseContext*>(context) != nullptr) {
    clause.kind = ast::TestClauseKind::ExpectSkip;
  } else if (auto* rule = dynamic_cast<P::RuleClauseContext*>(context)) {
    clause.kind = ast::TestClauseKind::Rule;
    clause.text = BuildIdent(rule->ident()).name;
  }
  if (literal != nullptr) {
    clause.record = BuildRecordLiteralBody(literal->recordLiteralBody());
    clause.record->type = BuildQualifiedName(literal->qualifiedName());
  }
  return clause;
}

void AstBuilder::BuildExpectReject(P::ExpectRejectClauseContext* context,
                                   ast::TestClause& clause) {
  clause.kind = ast::TestClauseKind::ExpectReject;
  clause.text = BuildPlainString(context->stringLit(), "an expected reject message");
  clause.text_range = RangeOf(context->stringLit());
  if (context->ident() == nullptr) return;

  ast::Identifier word = BuildIdent(context->ident());
  if (word.name == "matching") {
    clause.kind = ast::TestClauseKind::ExpectRejectMatching;
    return;
  }
  diagnostics_
      .Report(DiagnosticKind::SyntaxError, word.range,
              fmt::format("expected a message or `matching` after `expect reject`, found `{}`",
                          word.name))
      .hint = "write `expect reject \"text\"` or `expect reject matching \"regex\"`";
}

std::unique_ptr<ast::RecordLiteral> AstBuilder::BuildRecordLiteralBody(
    P::RecordLiteralBodyContext* context) {
  auto literal = std::make_unique<ast::RecordLiteral>();
  if (context == nullptr) return literal;
  literal->range = RangeOf(context);
  for (P::FieldInitContext* init : context->fieldInit()) {
    ast::FieldInit field;
    field.name = BuildIdent(init->ident());
    field.value = BuildLiteralValue(init->literalValue());
    literal->fields.push_back(std::move(field));
  }
  return literal;
}

ast::LiteralValue AstBuilder::BuildLiteralValue(P::LiteralValueContext* context) {
  ast::LiteralValue value;
  if (context == nullptr) return value;
  value.range = RangeOf(context);
  if (context->expr() != nullptr) {
    value.expr = BuildExpr(context->expr());
  } else if (context->recordLiteralBody() != nullptr) {
    value.record = BuildRecordLiteralBody(context->recordLiteralBody());
  } else if (context->literalList() != nullptr) {
    value.is_list = true;
    for (P::LiteralValueContext* item : context->literalList()->literalValue())
      value.items.push_back(BuildLiteralValue(item));
  }
  return value;
}

std::string AstBuilder::BuildPlainString(P::StringLitContext* context, const char* description) {
  if (context == nullptr) return {};
  std::unique_ptr<ast::StringLiteral> literal = BuildString(context);
  if (!literal->IsPlain()) {
    diagnostics_
        .Report(DiagnosticKind::SyntaxError, literal->range,
                fmt::format("{} cannot contain `{{...}}` interpolation", description))
        .hint = "write `\\{` for a literal brace";
  }
  return literal->PlainText();
}

ast::Identifier AstBuilder::BuildIdent(P::IdentContext* context) {
  if (context == nullptr) return {};
  std::string text = TextOf(context);
  if (text.size() >= 2 && text.front() == '`') text = text.substr(1, text.size() - 2);
  return {std::move(text), RangeOf(context)};
}

ast::QualifiedName AstBuilder::BuildQualifiedName(P::QualifiedNameContext* context) {
  ast::QualifiedName name;
  if (context == nullptr) return name;
  name.range = RangeOf(context);
  for (P::IdentContext* part : RuleChildren<P::IdentContext>(context, P::RuleIdent))
    name.parts.push_back(BuildIdent(part));
  return name;
}

}  // namespace weft::syntax::internal
