#pragma once

// The lowering pass, shared by the files that implement it. Not part of the IR's interface.
#include "compiler/check/constants.h"
#include <map>
#include <memory>

#include "compiler/ir/ir.h"

namespace weft::ir {

ValueType ValueTypeOf(const schema::Type& type);
NodePtr MakeNode(Op op, ValueType type, std::vector<NodePtr> operands = {});
// Parses a literal's digits into a scaled integer. The checker bounded it to 38 digits and to
// its own number of places, so the parse cannot fail.
__int128 ParseLiteral(const std::string& text, int scale);
// Converts a decimal to the scale of `type`; other values pass through.
NodePtr Convert(NodePtr node, ValueType type);
// Replaces a time or a date-time, of schema type `kind`, by its count of seconds, so that
// comparisons order and equate the instants and not the text. Other values pass through. A
// constant is converted here, once, instead of for every record.
NodePtr Comparable(NodePtr node, schema::TypeKind kind);

class Lowering {
 public:
  Lowering(const check::CheckedProgram& program, const schema::RecordType& source,
           int local_count)
      : program_(program), source_(source), local_count_(local_count) {}

  // The locals of the checked rule, and those that the lowering added.
  int local_count() const { return local_count_; }
  // The nested source paths the lowered expressions read, in slot order.
  std::vector<std::vector<int>> TakeSourcePaths() { return std::move(source_paths_); }
  // The tables that the lowered look-ups use.
  std::vector<std::shared_ptr<const runtime::ValueTable>> TakeTables();
  // The regexes that the lowered calls use.
  std::vector<std::shared_ptr<const re2::RE2>> TakeRegexes() { return std::move(regexes_); }

  NodePtr LowerExpr(const ast::Expr& expr);
  // Lowers `expr` and converts it to `type`: decimals are rescaled and an int literal that the
  // checker typed as a decimal becomes one.
  NodePtr LowerAs(const ast::Expr& expr, ValueType type);
  Statement LowerStatement(const ast::Statement& statement, const schema::RecordType& target);

 private:
  NodePtr LowerLiteral(const ast::Expr& expr, const schema::Type& type);
  NodePtr LowerString(const ast::StringLiteral& expr);
  NodePtr LowerCall(const ast::CallExpr& expr, const check::ExprInfo& info);
  // Lowers a call of a builtin that a runtime function implements. Constant arguments are passed
  // in the forms that stdlib::Argument describes.
  NodePtr LowerRuntimeCall(const ast::CallExpr& expr, const stdlib::Builtin& builtin,
                           ValueType type);
  // Lowers `first` or `last` to the item at 0 or at count - 1.
  NodePtr LowerEnd(const ast::CallExpr& expr, ValueType type, bool first);
  // Lowers an argument of a runtime call, converting an int to a decimal where the parameter
  // takes both.
  NodePtr LowerValueArgument(const ast::Expr& argument, const stdlib::Parameter& parameter);
  // Rounds a decimal to the scale of `type` by `mode`; a value of that scale stays as it is.
  NodePtr LowerRounding(NodePtr value, ValueType type, runtime::RoundingMode mode);
  // Returns the division that `value` reads through a `let` local bound to a decimal quotient,
  // lowered again so that rounding it rounds the exact quotient once. Returns any other value as
  // it is.
  NodePtr UnfoldBoundQuotient(NodePtr value);
  // Returns the quotient that `value` passes on with more places or with places known only at
  // run time, which leaves its value as it is, as a `fn` parameter takes its argument. The
  // quotient may be named by a `let`. Returns any other value as it is.
  NodePtr QuotientBeforeWidening(NodePtr value);
  // Makes `amount`, round_money's argument, round to odd when it is a decimal division, directly,
  // through a `let` or through widening `fn` parameters, so that round_money rounds the exact
  // quotient.
  void RoundQuotientToOdd(NodePtr& amount);
  // Records local `index` as bound to a quotient when `lowered`, the lowered `value` of its
  // `let`, is a decimal division or reads a local that is.
  void NoteBoundQuotient(int index, const ast::Expr& value, const Node& lowered);
  // The rounding mode of the Choice argument `index`, or its default when the call leaves it out.
  runtime::RoundingMode RoundingOf(const ast::CallExpr& expr, const stdlib::Builtin& builtin,
                                   size_t index);
  // The index of the choice that argument `index` spells, or of the default when it is left out.
  static int64_t ChoiceIndex(const ast::CallExpr& expr, const stdlib::Parameter& parameter,
                             size_t index);
  // Compiles a regex that the checker validated, once for each call of the rule.
  const re2::RE2* CompileRegex(const std::string& pattern);
  // The text of an argument that the checker required to be a string constant or a choice's
  // bare name.
  static std::string ConstantText(const ast::Expr& expr);
  NodePtr LowerBinary(const ast::BinaryExpr& expr, const check::ExprInfo& info);
  NodePtr LowerComparison(const ast::BinaryExpr& expr, Op op);
  NodePtr LowerMatch(const ast::MatchExpr& expr, ValueType type);
  // The condition under which `pattern` matches `subject`; null for `_`.
  NodePtr PatternTest(const ast::Pattern& pattern, const ast::Expr& subject,
                      const schema::Type& subject_type);
  NodePtr LowerTableLookup(const ast::IndexExpr& expr, const check::ExprInfo& info);
  NodePtr LowerConstant(const check::Constant& constant, const schema::Type& type);
  // Builds the runtime form of table `index`, once per rule.
  const runtime::ValueTable* BuildTable(int index);
  NodePtr Compare(NodePtr subject, NodePtr constant);
  NodePtr Choose(NodePtr condition, NodePtr then_value, NodePtr else_value, ValueType type);
  // Inlines a call of a `fn` helper: its body, with each parameter standing for an argument.
  NodePtr LowerFunctionCall(const ast::CallExpr& expr, const check::ExprInfo& info);
  // Lowers the argument that parameter `index` of the innermost inlined call stands for.
  NodePtr LowerParameter(int index);
  // Lowers `Owner.Email` to the source slot of that path.
  NodePtr LowerFieldPath(const ast::MemberExpr& expr, const check::ExprInfo& info);
  // Lowers `line.Sku` for a record that is not a source path, such as a list's item.
  NodePtr LowerField(const ast::MemberExpr& expr, const check::ExprInfo& info);
  NodePtr LowerElement(const ast::IndexExpr& expr, const check::ExprInfo& info);
  // Lowers an `each`; its values become `element` when that is given.
  NodePtr LowerEach(const ast::EachExpr& expr, const ValueType* element);
  // Lowers a value of list type `type`: a list literal or an `each` with items of the element
  // type, and any other list converted item by item when the item types differ.
  NodePtr LowerList(const ast::Expr& expr, ValueType type);
  // Converts list `node` to list type `type`, item by item when the item types differ.
  NodePtr ConvertItems(NodePtr node, const ValueType& type);
  NodePtr LowerConstruct(const ast::ConstructExpr& expr, const check::ExprInfo& info);
  // Appends the field indices of a path rooted at a source field; false for any other base.
  bool CollectPath(const ast::Expr& expr, std::vector<int>& path) const;

  const check::CheckedProgram& program_;
  const schema::RecordType& source_;
  std::vector<std::vector<int>> source_paths_;
  std::map<int, std::shared_ptr<runtime::ValueTable>> tables_;
  std::vector<std::shared_ptr<const re2::RE2>> regexes_;
  // The calls being inlined, innermost last. A body's parameters are its locals, so a local
  // read inside a body is an argument of the innermost call.
  std::vector<const ast::CallExpr*> inlined_calls_;
  // The division that each `let` local bound to a decimal quotient names, directly or through
  // another such local. A `let` is never inside an inlined call, because a `fn` body cannot
  // contain a record construction.
  std::map<int, const ast::Expr*> bound_quotients_;
  int local_count_ = 0;
};

}  // namespace weft::ir
