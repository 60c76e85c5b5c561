#include "compiler/format/layout_plan.h"

#include <algorithm>
#include <limits>

namespace weft::format {
namespace {

using syntax::Token;
using syntax::TokenKind;

constexpr uint32_t kNotFound = std::numeric_limits<uint32_t>::max();

bool IsComment(const Token& token) {
  return token.kind == TokenKind::kLineComment || token.kind == TokenKind::kBlockComment;
}

// Records what each node of the tree means for the layout of its tokens.
class Planner {
 public:
  explicit Planner(const std::vector<Token>& tokens) : tokens_(tokens) {}

  LayoutPlan Plan(const ast::File& file) {
    for (const ast::ImportDecl& import : file.imports) {
      plan_.declarations.insert(import.range.begin);
      plan_.imports.insert(import.range.begin);
    }
    for (const ast::SchemaDecl& schema : file.schemas) PlanSchema(schema);
    for (const ast::TableDecl& table : file.tables) PlanTable(table);
    for (const ast::FnDecl& fn : file.functions) PlanFn(fn);
    for (const ast::MapDecl& rule : file.rules) PlanRule(rule);
    for (const ast::TestDecl& test : file.tests) PlanTest(test);
    return std::move(plan_);
  }

 private:
  // Returns the first token that starts at or after `from`, comments included.
  std::vector<Token>::const_iterator From(uint32_t from) const {
    return std::lower_bound(
        tokens_.begin(), tokens_.end(), from,
        [](const Token& token, uint32_t offset) { return token.begin < offset; });
  }

  // Returns the offset of the first token at or after `from` that is no comment.
  uint32_t NextToken(uint32_t from) const {
    for (auto at = From(from); at != tokens_.end(); ++at) {
      if (!IsComment(*at)) return at->begin;
    }
    return kNotFound;
  }

  // Returns the offset of the first token spelled `text` at or after `from`.
  uint32_t Find(std::string_view text, uint32_t from) const {
    for (auto at = From(from); at != tokens_.end(); ++at) {
      if (at->text == text && !IsComment(*at)) return at->begin;
    }
    return kNotFound;
  }

  void AddItem(uint32_t begin, AlignedToken aligned = AlignedToken::kNone, uint32_t at = 0) {
    plan_.items[begin] = Item{aligned, at};
  }

  void PlanSchema(const ast::SchemaDecl& schema) {
    plan_.declarations.insert(schema.range.begin);
    if (schema.from_path) return;
    plan_.braces[Find("{", schema.name.range.end)] = BraceLayout::kBlock;
    for (const ast::RecordDecl& record : schema.records) {
      AddItem(record.range.begin);
      plan_.braces[Find("{", record.name.range.end)] = BraceLayout::kBlock;
      for (const ast::FieldDecl& field : record.fields) PlanField(field);
    }
    for (const ast::EnumDecl& decl : schema.enums) {
      AddItem(decl.range.begin);
      plan_.braces[Find("{", decl.name.range.end)] = BraceLayout::kBlockIfBroken;
      for (const ast::Identifier& member : decl.members) AddItem(member.range.begin);
    }
  }

  void PlanField(const ast::FieldDecl& field) {
    AddItem(field.range.begin);
    PlanType(field.type);
    for (const ast::Annotation& annotation : field.annotations) {
      AttachBracket(annotation.name.range.end);
      for (const ast::ExprPtr& argument : annotation.arguments) PlanExpr(argument.get());
    }
    PlanExpr(field.default_value.get());
  }

  void PlanType(const ast::TypeRef& type) {
    if (!type.arguments.empty()) AttachBracket(type.name.range.end);
    if (type.element) {
      plan_.type_angles.insert(NextToken(type.name.range.end));
      plan_.type_angles.insert(Find(">", type.element->range.end));
      PlanType(*type.element);
    }
  }

  // Marks the token at or after `end` as an attached `(` or `[` when it is one.
  void AttachBracket(uint32_t end) {
    uint32_t next = NextToken(end);
    auto at = From(next);
    if (at != tokens_.end() && (at->text == "(" || at->text == "[")) {
      plan_.attached_brackets.insert(next);
    }
  }

  void PlanTable(const ast::TableDecl& table) {
    plan_.declarations.insert(table.range.begin);
    PlanType(table.key_type);
    PlanType(table.value_type);
    if (table.from_path) return;
    plan_.braces[Find("{", table.value_type.range.end)] = BraceLayout::kBlock;
    for (const ast::TableEntry& entry : table.entries) {
      AddItem(entry.range.begin, AlignedToken::kFatArrow, Find("=>", entry.range.begin));
      PlanExpr(entry.key.get());
      PlanExpr(entry.value.get());
    }
  }

  void PlanFn(const ast::FnDecl& fn) {
    plan_.declarations.insert(fn.range.begin);
    AttachBracket(fn.name.range.end);
    for (const ast::Param& param : fn.params) PlanType(param.type);
    PlanType(fn.result_type);
    PlanExpr(fn.body.get());
  }

  void PlanRule(const ast::MapDecl& rule) {
    plan_.declarations.insert(rule.range.begin);
    uint32_t header_end = rule.alias ? rule.alias->range.end : rule.target.range.end;
    uint32_t body = Find("{", header_end);
    if (rule.condition) {
      plan_.when_clauses.insert(Find("when", header_end));
      PlanExpr(rule.condition.get());
      body = Find("{", rule.condition->range.end);
      plan_.bodies_after_when.insert(body);
    }
    plan_.braces[body] = BraceLayout::kBlock;
    PlanStatements(rule.body);
  }

  void PlanStatements(const std::vector<ast::StatementPtr>& statements) {
    for (const ast::StatementPtr& statement : statements) {
      if (statement->kind == ast::StatementKind::Assign) {
        AddItem(statement->range.begin, AlignedToken::kAssign, Find("=", statement->range.begin));
      } else {
        AddItem(statement->range.begin);
      }
      PlanExpr(statement->value.get());
      PlanExpr(statement->message.get());
    }
  }

  void PlanTest(const ast::TestDecl& test) {
    plan_.declarations.insert(test.range.begin);
    plan_.braces[Find("{", test.range.begin)] = BraceLayout::kBlock;
    for (const ast::TestClause& clause : test.clauses) {
      AddItem(clause.range.begin);
      if (clause.record) PlanRecordLiteral(*clause.record);
    }
  }

  void PlanRecordLiteral(const ast::RecordLiteral& literal) {
    plan_.braces[literal.range.begin] = BraceLayout::kBlockIfBroken;
    for (const ast::FieldInit& field : literal.fields) {
      AddItem(field.name.range.begin);
      PlanLiteralValue(field.value);
    }
  }

  void PlanLiteralValue(const ast::LiteralValue& value) {
    PlanExpr(value.expr.get());
    if (value.record) PlanRecordLiteral(*value.record);
    for (const ast::LiteralValue& item : value.items) PlanLiteralValue(item);
  }

  void PlanExpr(const ast::Expr* expr);
  void PlanMatch(const ast::MatchExpr& match);

  const std::vector<Token>& tokens_;
  LayoutPlan plan_;
};

void Planner::PlanExpr(const ast::Expr* expr) {
  if (expr == nullptr) return;
  switch (expr->kind) {
    case ast::ExprKind::IntLiteral:
    case ast::ExprKind::DecimalLiteral:
      if (static_cast<const ast::NumberLiteral*>(expr)->text.starts_with('-')) {
        plan_.prefix_minus.insert(expr->range.begin);
      }
      break;
    case ast::ExprKind::Member:
      PlanExpr(static_cast<const ast::MemberExpr*>(expr)->base.get());
      break;
    case ast::ExprKind::Index: {
      const auto* index = static_cast<const ast::IndexExpr*>(expr);
      PlanExpr(index->base.get());
      plan_.attached_brackets.insert(Find("[", index->base->range.end));
      PlanExpr(index->index.get());
      break;
    }
    case ast::ExprKind::Call: {
      const auto* call = static_cast<const ast::CallExpr*>(expr);
      AttachBracket(call->callee.range.end);
      for (const ast::ExprPtr& argument : call->arguments) PlanExpr(argument.get());
      break;
    }
    case ast::ExprKind::Unary: {
      const auto* unary = static_cast<const ast::UnaryExpr*>(expr);
      if (unary->op == ast::UnaryOp::Negate) plan_.prefix_minus.insert(expr->range.begin);
      PlanExpr(unary->operand.get());
      break;
    }
    case ast::ExprKind::Binary: {
      const auto* binary = static_cast<const ast::BinaryExpr*>(expr);
      PlanExpr(binary->lhs.get());
      PlanExpr(binary->rhs.get());
      break;
    }
    case ast::ExprKind::If: {
      const auto* choice = static_cast<const ast::IfExpr*>(expr);
      PlanExpr(choice->condition.get());
      PlanExpr(choice->then_value.get());
      PlanExpr(choice->else_value.get());
      break;
    }
    case ast::ExprKind::Match:
      PlanMatch(*static_cast<const ast::MatchExpr*>(expr));
      break;
    case ast::ExprKind::List:
      for (const ast::ExprPtr& item : static_cast<const ast::ListExpr*>(expr)->items) {
        PlanExpr(item.get());
      }
      break;
    case ast::ExprKind::Construct: {
      const auto* construct = static_cast<const ast::ConstructExpr*>(expr);
      plan_.braces[Find("{", construct->type.range.end)] = BraceLayout::kBlockIfBroken;
      PlanStatements(construct->body);
      break;
    }
    case ast::ExprKind::Each: {
      const auto* each = static_cast<const ast::EachExpr*>(expr);
      PlanExpr(each->source.get());
      PlanExpr(each->filter.get());
      PlanExpr(each->value.get());
      break;
    }
    case ast::ExprKind::Lambda:
      PlanExpr(static_cast<const ast::LambdaExpr*>(expr)->body.get());
      break;
    default:
      // Strings are printed as they are written, interpolations included, so nothing inside them
      // needs a plan. Names, booleans and null are single tokens.
      break;
  }
}

void Planner::PlanMatch(const ast::MatchExpr& match) {
  PlanExpr(match.subject.get());
  plan_.braces[Find("{", match.subject->range.end)] = BraceLayout::kBlockIfBroken;
  for (const ast::MatchArm& arm : match.arms) {
    AddItem(arm.range.begin, AlignedToken::kFatArrow, Find("=>", arm.range.begin));
    for (const ast::Pattern& pattern : arm.patterns) PlanExpr(pattern.literal.get());
    PlanExpr(arm.value.get());
  }
}

}  // namespace

LayoutPlan PlanLayout(const ast::File& file, const std::vector<syntax::Token>& tokens) {
  return Planner(tokens).Plan(file);
}

}  // namespace weft::format
