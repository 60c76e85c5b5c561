#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "WeftParser.h"
#include "compiler/diagnostics/diagnostics.h"
#include "compiler/syntax/ast.h"
#include "compiler/syntax/internal/offset_map.h"

namespace weft::syntax::internal {

// Turns the ANTLR parse tree of one file into the AST. It tolerates the holes that error
// recovery leaves in the tree (null children, missing tokens) by skipping them.
class AstBuilder {
 public:
  // `text` is the UTF-8 source that was parsed; it must outlive the builder.
  AstBuilder(FileId file, std::string_view text, const OffsetMap& offsets,
             DiagnosticEngine& diagnostics)
      : file_(file), text_(text), offsets_(offsets), diagnostics_(diagnostics) {}

  std::unique_ptr<ast::File> BuildFile(weft_antlr::WeftParser::FileContext* context);

 private:
  using P = weft_antlr::WeftParser;

  SourceRange RangeOf(antlr4::ParserRuleContext* context) const;
  SourceRange RangeOf(antlr4::Token* token) const;
  // The source text of a context that contains one token, such as a name or a number. It is cut
  // from the UTF-8 source, because ANTLR's getText converts the code points back each time.
  std::string TextOf(antlr4::ParserRuleContext* context) const;

  void AddDeclaration(P::DeclarationContext* context, ast::File& file);
  ast::ImportDecl BuildImport(P::ImportDeclContext* context);
  ast::SchemaDecl BuildSchema(P::SchemaDeclContext* context);
  ast::RecordDecl BuildRecord(P::RecordDeclContext* context);
  ast::FieldDecl BuildField(P::FieldDeclContext* context);
  ast::EnumDecl BuildEnum(P::EnumDeclContext* context);
  ast::TypeRef BuildType(P::TypeRefContext* context);
  ast::TableDecl BuildTable(P::TableDeclContext* context);
  ast::FnDecl BuildFn(P::FnDeclContext* context);
  ast::MapDecl BuildMap(P::MapDeclContext* context);
  std::vector<ast::StatementPtr> BuildBlock(P::BlockContext* context);
  ast::StatementPtr BuildStatement(P::StatementContext* context);
  ast::TestDecl BuildTest(P::TestDeclContext* context);
  void BuildExpectReject(P::ExpectRejectClauseContext* context, ast::TestClause& clause);
  ast::TestClause BuildTestClause(P::TestClauseContext* context);
  std::unique_ptr<ast::RecordLiteral> BuildRecordLiteralBody(P::RecordLiteralBodyContext* context);
  ast::LiteralValue BuildLiteralValue(P::LiteralValueContext* context);

  ast::ExprPtr BuildExpr(P::ExprContext* context);
  ast::ExprPtr BuildBinary(P::ExprContext* context, antlr4::Token* op, P::ExprContext* lhs,
                           P::ExprContext* rhs);
  ast::ExprPtr BuildMember(P::MemberExprContext* context);
  ast::ExprPtr BuildPrimary(P::PrimaryContext* context);
  ast::ExprPtr BuildMatch(P::MatchPrimaryContext* context);
  ast::ExprPtr BuildLiteral(P::LiteralContext* context);
  // A `-` followed by a number token, as in table keys and match patterns.
  ast::ExprPtr BuildNegativeNumber(antlr4::Token* number, SourceRange range);
  std::unique_ptr<ast::StringLiteral> BuildString(P::StringLitContext* context);
  std::vector<ast::ExprPtr> BuildArguments(P::ArgumentsContext* context);
  ast::Pattern BuildPattern(P::PatternContext* context);

  // The text of a string that must not contain interpolations, such as a path.
  std::string BuildPlainString(P::StringLitContext* context, const char* description);
  ast::Identifier BuildIdent(P::IdentContext* context);
  ast::QualifiedName BuildQualifiedName(P::QualifiedNameContext* context);

  FileId file_;
  std::string_view text_;
  const OffsetMap& offsets_;
  DiagnosticEngine& diagnostics_;
  // The current depth of BuildExpr, bounded so that no later stage recurses deeper either.
  int expr_depth_ = 0;
  bool reported_depth_ = false;
};

}  // namespace weft::syntax::internal
