// The expression half of AstBuilder.
#include <fmt/format.h>

#include "compiler/syntax/internal/ast_builder.h"
#include "compiler/syntax/internal/tree_children.h"

namespace weft::syntax::internal {

using P = weft_antlr::WeftParser;

namespace {

// Deeper expressions are rejected; real mappings stay far below this, and every stage after
// parsing recurses once per level.
constexpr int kMaxExpressionDepth = 1000;

std::optional<ast::BinaryOp> BinaryOpOf(size_t token_type) {
  switch (token_type) {
    case P::PLUS:
      return ast::BinaryOp::Add;
    case P::MINUS:
      return ast::BinaryOp::Subtract;
    case P::STAR:
      return ast::BinaryOp::Multiply;
    case P::SLASH:
      return ast::BinaryOp::Divide;
    case P::PERCENT:
      return ast::BinaryOp::Remainder;
    case P::EQ:
      return ast::BinaryOp::Equal;
    case P::NE:
      return ast::BinaryOp::NotEqual;
    case P::LT:
      return ast::BinaryOp::Less;
    case P::LE:
      return ast::BinaryOp::LessEqual;
    case P::GT:
      return ast::BinaryOp::Greater;
    case P::GE:
      return ast::BinaryOp::GreaterEqual;
    case P::AND:
      return ast::BinaryOp::And;
    case P::OR:
      return ast::BinaryOp::Or;
    case P::COALESCE:
      return ast::BinaryOp::Coalesce;
    default:
      return std::nullopt;
  }
}

// Resolves a backslash escape; returns nullopt for an unknown one.
std::optional<std::string> Unescape(char c) {
  switch (c) {
    case 'n':
      return "\n";
    case 't':
      return "\t";
    case 'r':
      return "\r";
    case '\\':
      return "\\";
    case '"':
      return "\"";
    case '{':
      return "{";
    case '}':
      return "}";
    default:
      return std::nullopt;
  }
}

}  // namespace

ast::ExprPtr AstBuilder::BuildExpr(P::ExprContext* context) {
  if (context == nullptr) return nullptr;
  SourceRange range = RangeOf(context);

  // Operator chains such as `a + a + ... + a` nest without brackets, so they are bounded here.
  struct DepthGuard {
    int& depth;
    explicit DepthGuard(int& d) : depth(d) { ++depth; }
    ~DepthGuard() { --depth; }
  } guard(expr_depth_);
  if (expr_depth_ > kMaxExpressionDepth) {
    if (!reported_depth_) {
      reported_depth_ = true;
      diagnostics_
          .Report(DiagnosticKind::NestingTooDeep, range,
                  fmt::format("expression is more than {} operators deep; each operator of a chain "
                              "adds a level",
                              kMaxExpressionDepth))
          .hint = "split the expression with `let` bindings";
    }
    return nullptr;
  }

  if (auto* e = AsAlternative<P::PrimaryExprContext>(context))
    return BuildPrimary(RuleChild<P::PrimaryContext>(e, P::RulePrimary));
  if (auto* e = AsAlternative<P::MemberExprContext>(context)) return BuildMember(e);
  if (auto* e = AsAlternative<P::IndexExprContext>(context)) {
    return std::make_unique<ast::IndexExpr>(range, BuildExpr(ExprChild(e, 0)),
                                            BuildExpr(ExprChild(e, 1)));
  }
  if (auto* e = AsAlternative<P::NegateExprContext>(context)) {
    return std::make_unique<ast::UnaryExpr>(range, ast::UnaryOp::Negate, BuildExpr(ExprChild(e)));
  }
  if (auto* e = AsAlternative<P::NotExprContext>(context)) {
    return std::make_unique<ast::UnaryExpr>(range, ast::UnaryOp::Not, BuildExpr(ExprChild(e)));
  }
  if (auto* e = AsAlternative<P::MultiplyExprContext>(context))
    return BuildBinary(e, e->op, ExprChild(e, 0), ExprChild(e, 1));
  if (auto* e = AsAlternative<P::AddExprContext>(context))
    return BuildBinary(e, e->op, ExprChild(e, 0), ExprChild(e, 1));
  if (auto* e = AsAlternative<P::CompareExprContext>(context))
    return BuildBinary(e, e->op, ExprChild(e, 0), ExprChild(e, 1));
  if (auto* e = AsAlternative<P::CoalesceExprContext>(context))
    return BuildBinary(e, TokenChild(e, P::COALESCE), ExprChild(e, 0), ExprChild(e, 1));
  if (auto* e = AsAlternative<P::AndExprContext>(context))
    return BuildBinary(e, TokenChild(e, P::AND), ExprChild(e, 0), ExprChild(e, 1));
  if (auto* e = AsAlternative<P::OrExprContext>(context))
    return BuildBinary(e, TokenChild(e, P::OR), ExprChild(e, 0), ExprChild(e, 1));
  if (auto* e = AsAlternative<P::IfExprContext>(context)) {
    return std::make_unique<ast::IfExpr>(range, BuildExpr(ExprChild(e, 0)),
                                         BuildExpr(ExprChild(e, 1)), BuildExpr(ExprChild(e, 2)));
  }
  return nullptr;
}

ast::ExprPtr AstBuilder::BuildBinary(P::ExprContext* context, antlr4::Token* op,
                                     P::ExprContext* lhs, P::ExprContext* rhs) {
  std::optional<ast::BinaryOp> binary_op = op == nullptr ? std::nullopt : BinaryOpOf(op->getType());
  ast::ExprPtr left = BuildExpr(lhs);
  ast::ExprPtr right = BuildExpr(rhs);
  // Error recovery can leave an operand or the operator out; the syntax error is already reported.
  if (!binary_op || left == nullptr || right == nullptr) return nullptr;
  return std::make_unique<ast::BinaryExpr>(RangeOf(context), *binary_op, RangeOf(op),
                                           std::move(left), std::move(right));
}

ast::ExprPtr AstBuilder::BuildMember(P::MemberExprContext* context) {
  SourceRange range = RangeOf(context);
  bool optional_chain = context->access != nullptr && context->access->getType() == P::SAFE_DOT;
  ast::ExprPtr base = BuildExpr(ExprChild(context));
  if (base == nullptr) return nullptr;
  ast::Identifier member = BuildIdent(IdentChild(context));
  if (context->call == nullptr) {
    return std::make_unique<ast::MemberExpr>(range, std::move(base), std::move(member),
                                             optional_chain);
  }
  auto call = std::make_unique<ast::CallExpr>(range, std::move(member));
  call->method_syntax = true;
  call->optional_chain = optional_chain;
  call->arguments.push_back(std::move(base));
  for (ast::ExprPtr& argument :
       BuildArguments(RuleChild<P::ArgumentsContext>(context, P::RuleArguments)))
    call->arguments.push_back(std::move(argument));
  return call;
}

std::vector<ast::ExprPtr> AstBuilder::BuildArguments(P::ArgumentsContext* context) {
  std::vector<ast::ExprPtr> arguments;
  if (context == nullptr) return arguments;
  for (P::ArgumentContext* argument :
       RuleChildren<P::ArgumentContext>(context, P::RuleArgument)) {
    ast::ExprPtr value = BuildExpr(ExprChild(argument));
    P::IdentContext* parameter = IdentChild(argument);
    if (parameter == nullptr) {
      arguments.push_back(std::move(value));
      continue;
    }
    arguments.push_back(std::make_unique<ast::LambdaExpr>(
        RangeOf(argument), BuildIdent(parameter), std::move(value)));
  }
  return arguments;
}

ast::ExprPtr AstBuilder::BuildPrimary(P::PrimaryContext* context) {
  if (context == nullptr) return nullptr;
  SourceRange range = RangeOf(context);

  if (auto* p = AsAlternative<P::LiteralPrimaryContext>(context))
    return BuildLiteral(RuleChild<P::LiteralContext>(p, P::RuleLiteral));
  if (auto* p = AsAlternative<P::ParenPrimaryContext>(context)) return BuildExpr(ExprChild(p));
  if (auto* p = AsAlternative<P::CallPrimaryContext>(context)) {
    auto call = std::make_unique<ast::CallExpr>(range, BuildIdent(IdentChild(p)));
    call->arguments = BuildArguments(RuleChild<P::ArgumentsContext>(p, P::RuleArguments));
    return call;
  }
  if (auto* p = AsAlternative<P::ConstructPrimaryContext>(context)) {
    auto construct = std::make_unique<ast::ConstructExpr>(
        range,
        BuildQualifiedName(RuleChild<P::QualifiedNameContext>(p, P::RuleQualifiedName)));
    construct->body = BuildBlock(RuleChild<P::BlockContext>(p, P::RuleBlock));
    return construct;
  }
  if (auto* p = AsAlternative<P::NamePrimaryContext>(context)) {
    return std::make_unique<ast::NameExpr>(range, BuildIdent(IdentChild(p)));
  }
  if (auto* p = AsAlternative<P::ListPrimaryContext>(context)) {
    auto list = std::make_unique<ast::ListExpr>(range);
    for (P::ExprContext* item : ExprChildren(p)) list->items.push_back(BuildExpr(item));
    return list;
  }
  if (auto* p = AsAlternative<P::MatchPrimaryContext>(context)) return BuildMatch(p);
  if (auto* p = AsAlternative<P::EachPrimaryContext>(context)) {
    std::vector<P::ExprContext*> parts = ExprChildren(p);
    auto each =
        std::make_unique<ast::EachExpr>(range, parts.empty() ? nullptr : BuildExpr(parts.front()));
    if (P::IdentContext* variable = IdentChild(p)) each->variable = BuildIdent(variable);
    if (TokenChild(p, P::WHERE) != nullptr && parts.size() == 3) each->filter = BuildExpr(parts[1]);
    if (parts.size() >= 2) each->value = BuildExpr(parts.back());
    return each;
  }
  return nullptr;
}

ast::ExprPtr AstBuilder::BuildMatch(P::MatchPrimaryContext* context) {
  auto match = std::make_unique<ast::MatchExpr>(RangeOf(context), BuildExpr(ExprChild(context)));
  for (P::MatchArmContext* arm : RuleChildren<P::MatchArmContext>(context, P::RuleMatchArm)) {
    ast::MatchArm built;
    built.range = RangeOf(arm);
    for (P::PatternContext* pattern : RuleChildren<P::PatternContext>(arm, P::RulePattern))
      built.patterns.push_back(BuildPattern(pattern));
    built.value = BuildExpr(ExprChild(arm));
    match->arms.push_back(std::move(built));
  }
  return match;
}

ast::Pattern AstBuilder::BuildPattern(P::PatternContext* context) {
  ast::Pattern pattern;
  pattern.range = RangeOf(context);
  if (auto* p = dynamic_cast<P::LiteralPatternContext*>(context)) {
    pattern.literal = BuildLiteral(p->literal());
  } else if (auto* p = dynamic_cast<P::NegativePatternContext*>(context)) {
    pattern.literal = BuildNegativeNumber(p->number, pattern.range);
  } else if (auto* p = dynamic_cast<P::NamePatternContext*>(context)) {
    pattern.name = BuildQualifiedName(p->qualifiedName());
  }
  return pattern;
}

ast::ExprPtr AstBuilder::BuildNegativeNumber(antlr4::Token* number, SourceRange range) {
  auto kind =
      number->getType() == P::INT_LIT ? ast::ExprKind::IntLiteral : ast::ExprKind::DecimalLiteral;
  return std::make_unique<ast::NumberLiteral>(kind, range, "-" + number->getText());
}

ast::ExprPtr AstBuilder::BuildLiteral(P::LiteralContext* context) {
  if (context == nullptr) return nullptr;
  SourceRange range = RangeOf(context);
  if (AsAlternative<P::IntLiteralContext>(context) != nullptr) {
    return std::make_unique<ast::NumberLiteral>(ast::ExprKind::IntLiteral, range, TextOf(context));
  }
  if (AsAlternative<P::DecimalLiteralContext>(context) != nullptr) {
    return std::make_unique<ast::NumberLiteral>(ast::ExprKind::DecimalLiteral, range,
                                                TextOf(context));
  }
  if (auto* s = AsAlternative<P::StringLiteralContext>(context))
    return BuildString(RuleChild<P::StringLitContext>(s, P::RuleStringLit));
  if (AsAlternative<P::TrueLiteralContext>(context) != nullptr)
    return std::make_unique<ast::BoolLiteral>(range, true);
  if (AsAlternative<P::FalseLiteralContext>(context) != nullptr)
    return std::make_unique<ast::BoolLiteral>(range, false);
  if (AsAlternative<P::NullLiteralContext>(context) != nullptr)
    return std::make_unique<ast::NullLiteral>(range);
  return nullptr;
}

std::unique_ptr<ast::StringLiteral> AstBuilder::BuildString(P::StringLitContext* context) {
  auto literal = std::make_unique<ast::StringLiteral>(RangeOf(context));
  auto append_text = [&](const std::string& text) {
    if (literal->parts.empty() || literal->parts.back().interpolation) literal->parts.push_back({});
    literal->parts.back().text += text;
  };

  for (P::StringPartContext* part : RuleChildren<P::StringPartContext>(context, P::RuleStringPart)) {
    if (AsAlternative<P::TextPartContext>(part) != nullptr) {
      append_text(TextOf(part));
    } else if (AsAlternative<P::EscapePartContext>(part) != nullptr) {
      std::string escape = TextOf(part);
      std::optional<std::string> resolved = escape.size() == 2 ? Unescape(escape[1]) : std::nullopt;
      if (!resolved) {
        diagnostics_
            .Report(DiagnosticKind::InvalidLiteral, RangeOf(part),
                    fmt::format("unknown escape `{}` in string", escape))
            .hint = "the escapes are \\n \\t \\r \\\\ \\\" \\{ and \\}";
      }
      append_text(resolved.value_or(escape));
    } else if (auto* interpolation = AsAlternative<P::InterpolationPartContext>(part)) {
      ast::ExprPtr value = BuildExpr(ExprChild(interpolation));
      if (value != nullptr) literal->parts.push_back({"", std::move(value)});
    }
  }
  return literal;
}

}  // namespace weft::syntax::internal
