#pragma once

#include <cassert>
#include <typeinfo>
#include <vector>

#include "WeftParser.h"

// Reads the children of ANTLR parse tree nodes without the generated typed accessors. Those
// accessors (`ctx->expr(1)`, `ctx->ident()`) test every child with dynamic_cast on each call,
// which made them the largest cost of building the AST. These helpers tell tokens from rule
// contexts by the exact type and rule contexts apart by their rule index.
namespace weft::syntax::internal {

// Returns the node as a token node, or nullptr for a rule context. Parser::createTerminalNode and
// createErrorNode of the 4.9 C++ runtime create tokens as TerminalNodeImpl and ErrorNodeImpl, and
// every other node of a parse tree is a ParserRuleContext, which debug builds assert.
inline antlr4::tree::TerminalNode* AsToken(antlr4::tree::ParseTree* node) {
  const std::type_info& type = typeid(*node);
  if (type == typeid(antlr4::tree::TerminalNodeImpl) ||
      type == typeid(antlr4::tree::ErrorNodeImpl)) {
    return static_cast<antlr4::tree::TerminalNode*>(node);
  }
  assert(dynamic_cast<antlr4::ParserRuleContext*>(node) != nullptr);
  return nullptr;
}

// Returns the node as a rule context, or nullptr for a token.
inline antlr4::ParserRuleContext* AsRule(antlr4::tree::ParseTree* node) {
  if (AsToken(node) != nullptr) return nullptr;
  return static_cast<antlr4::ParserRuleContext*>(node);
}

// Returns the `index`-th child of `context` that is a context of rule `rule` (such as
// `WeftParser::RuleExpr`), or nullptr. `T` must be that rule's context class.
template <typename T>
T* RuleChild(antlr4::ParserRuleContext* context, size_t rule, size_t index = 0) {
  for (antlr4::tree::ParseTree* child : context->children) {
    antlr4::ParserRuleContext* rule_child = AsRule(child);
    if (rule_child == nullptr || rule_child->getRuleIndex() != rule) continue;
    if (index == 0) return static_cast<T*>(rule_child);
    --index;
  }
  return nullptr;
}

// Returns every child of `context` that is a context of rule `rule`, in order.
template <typename T>
std::vector<T*> RuleChildren(antlr4::ParserRuleContext* context, size_t rule) {
  std::vector<T*> found;
  for (antlr4::tree::ParseTree* child : context->children) {
    antlr4::ParserRuleContext* rule_child = AsRule(child);
    if (rule_child != nullptr && rule_child->getRuleIndex() == rule)
      found.push_back(static_cast<T*>(rule_child));
  }
  return found;
}

// Returns the first token child of `context` with token type `type`, or nullptr.
inline antlr4::Token* TokenChild(antlr4::ParserRuleContext* context, size_t type) {
  for (antlr4::tree::ParseTree* child : context->children) {
    antlr4::tree::TerminalNode* token = AsToken(child);
    if (token != nullptr && token->getSymbol()->getType() == type) return token->getSymbol();
  }
  return nullptr;
}

// Returns `context` as the labeled alternative `T`, or nullptr. The generated alternatives have
// no subclasses, so comparing the exact type returns what dynamic_cast would, at less cost.
template <typename T, typename Base>
T* AsAlternative(Base* context) {
  return typeid(*context) == typeid(T) ? static_cast<T*>(context) : nullptr;
}

// Shorthands for the rules that many contexts contain.
inline weft_antlr::WeftParser::IdentContext* IdentChild(antlr4::ParserRuleContext* context) {
  return RuleChild<weft_antlr::WeftParser::IdentContext>(context, weft_antlr::WeftParser::RuleIdent);
}

inline weft_antlr::WeftParser::ExprContext* ExprChild(antlr4::ParserRuleContext* context,
                                                      size_t index = 0) {
  return RuleChild<weft_antlr::WeftParser::ExprContext>(context, weft_antlr::WeftParser::RuleExpr,
                                                        index);
}

inline std::vector<weft_antlr::WeftParser::ExprContext*> ExprChildren(
    antlr4::ParserRuleContext* context) {
  return RuleChildren<weft_antlr::WeftParser::ExprContext>(context,
                                                           weft_antlr::WeftParser::RuleExpr);
}

}  // namespace weft::syntax::internal
