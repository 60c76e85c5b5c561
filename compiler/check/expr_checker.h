#pragma once

#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "compiler/check/check.h"

namespace weft::check {

// The digits before the point; a decimal of any scale may use all 38.
int IntegerDigits(const schema::Type& type);
// A decimal with `scale` places and room for `integer_digits` before the point, within 38 digits.
schema::Type DecimalWithDigits(int integer_digits, int scale);

// Type-checks the expressions of one rule. It records every expression's type and resolution in
// the program and keeps the rule's scope: its locals and the names proven present.
class ExprChecker {
 public:
  ExprChecker(CheckedProgram& program, DiagnosticEngine& diagnostics,
              const schema::RecordType* source)
      : program_(program), diagnostics_(diagnostics), source_(source) {}

  // Returns the expression's type; a null expression (left by a syntax error) is an error type.
  schema::Type Check(const ast::Expr* expr);
  // Checks a value that must fit `expected`, as in an assignment to a field of that type.
  // `destination` is how messages name it, such as "field `name`". A constant is also tested
  // against the field's `constraints` when they are given.
  void CheckAssignable(const ast::Expr* expr, const schema::Type& expected,
                       const std::string& destination,
                       const schema::Constraints* constraints = nullptr);
  // Checks the statements of a rule or record construction that fill `target`, then reports
  // the required fields left unassigned at `target_range`.
  void CheckBody(const std::vector<ast::StatementPtr>& body, const schema::RecordType& target,
                 SourceRange target_range);
  // Checks a condition (`when`, `require`, `if`), which must be a present bool. `role` is how
  // messages name it, such as "the `when` condition".
  void CheckCondition(const ast::Expr* expr, std::string_view role);

  // Adds a local and returns its index; a repeated name is reported and shadows nothing.
  int DeclareLocal(const ast::Identifier& name, const schema::Type& type);
  // Adds a function parameter: a local that is not reported when unused. A repeated name is
  // reported.
  void DeclareParameter(const ast::Identifier& name, const schema::Type& type);
  int local_count() const { return static_cast<int>(locals_.size()); }
  // Warns about every `let` whose name is never read.
  void ReportUnusedLocals();

  // Marks the names that `condition` proves present (when it is true, or when it is false).
  // Returns the previous narrowing depth so the caller can end the scope with EndNarrowing.
  size_t Narrow(const ast::Expr* condition, bool when_true);
  void EndNarrowing(size_t depth) { narrowed_.resize(depth); }

 private:
  struct Local {
    std::string name;
    schema::Type type;
    SourceRange range;
    bool used = false;
    // False once the body or `each` that declared the local has ended, so that later names of
    // the same spelling refer to something else.
    bool in_scope = true;
  };

  // Ends the scope of the locals from index `first` on.
  void EndScope(size_t first);

  schema::Type Record(const ast::Expr& expr, schema::Type type,
                      Resolution resolution = Resolution::None, int index = -1);
  schema::Type CheckName(const ast::NameExpr& expr);
  // Reports a key function's result, argument `index`, unless it can be sorted or grouped by.
  bool CheckKeyType(const ast::CallExpr& expr, size_t index, const schema::Type& key,
                    bool may_be_absent);
  // The list of {key, total} records of `group_sum`, or an error reported at the call.
  schema::Type GroupTotalsType(const ast::CallExpr& expr, const stdlib::Builtin& builtin,
                               const std::vector<schema::Type>& arguments);
  // Checks `x -> body` for items of type `item`, and returns the body's type.
  schema::Type CheckItemFunction(const ast::LambdaExpr& function, const schema::Type& item);
  // The type of `sum` over `list`, or an error reported at the call.
  schema::Type SumType(const ast::CallExpr& expr, const stdlib::Builtin& builtin,
                       const schema::Type& list);
  schema::Type CheckNumber(const ast::NumberLiteral& expr, bool negated);
  schema::Type CheckString(const ast::StringLiteral& expr);
  schema::Type CheckCall(const ast::CallExpr& expr);
  // Checks a call of a builtin whose arguments have been checked as `arguments`.
  schema::Type CheckBuiltinCall(const ast::CallExpr& expr, const stdlib::Builtin& builtin,
                                std::vector<schema::Type>& arguments);
  // True when argument `index` of a call of `builtin` is a bare name that spells one of a Choice
  // parameter's choices rather than a value, such as HALF_EVEN in `round(x, 2, HALF_EVEN)`.
  bool IsChoiceName(const stdlib::Builtin& builtin, size_t index, const ast::Expr& argument) const;
  // Reports a call whose argument count the builtin does not take; false when reported.
  bool CheckArgumentCount(const ast::CallExpr& expr, const stdlib::Builtin& builtin, size_t count);
  // Checks the type and presence of one builtin argument; false when reported.
  bool CheckBuiltinArgument(const ast::CallExpr& expr, const stdlib::Builtin& builtin,
                            size_t index, std::vector<schema::Type>& arguments);
  // Returns the int literal of argument `index` when it lies from `minimum` to `maximum`;
  // reports it as `what` otherwise.
  std::optional<int64_t> IntConstant(const ast::CallExpr& expr, size_t index,
                                     const std::string& what, int64_t minimum, int64_t maximum,
                                     const std::string& hint);
  // The result type by the builtin's typing rule; an error type after a reported mistake.
  schema::Type BuiltinResult(const ast::CallExpr& expr, const stdlib::Builtin& builtin,
                             const std::vector<schema::Type>& arguments);
  schema::Type UnifiedArguments(const ast::CallExpr& expr, const stdlib::Builtin& builtin,
                                const std::vector<schema::Type>& arguments);
  schema::Type ConstantDecimalType(const ast::CallExpr& expr, const stdlib::Builtin& builtin);
  // Reports a currency constant of a money builtin that the runtime would reject for every
  // record: an unknown code, sign or name, or an ambiguous sign with a constant region that does
  // not choose.
  bool CheckCurrencyConstant(const ast::CallExpr& expr, const stdlib::Builtin& builtin);
  schema::Type CheckFunctionCall(const ast::CallExpr& expr, int function_index,
                                 std::vector<schema::Type>& arguments);
  schema::Type CheckUnary(const ast::UnaryExpr& expr);
  schema::Type CheckBinary(const ast::BinaryExpr& expr);
  schema::Type CheckArithmetic(const ast::BinaryExpr& expr, schema::Type lhs, schema::Type rhs);
  schema::Type CheckComparison(const ast::BinaryExpr& expr, schema::Type lhs, schema::Type rhs);
  schema::Type CheckLogical(const ast::BinaryExpr& expr);
  schema::Type CheckCoalesce(const ast::BinaryExpr& expr, schema::Type lhs, schema::Type rhs);
  schema::Type CheckIf(const ast::IfExpr& expr);
  schema::Type CheckMember(const ast::MemberExpr& expr);
  schema::Type CheckIndex(const ast::IndexExpr& expr);
  schema::Type CheckTableLookup(const ast::IndexExpr& expr, int table_index);
  schema::Type CheckMatch(const ast::MatchExpr& expr);
  schema::Type CheckList(const ast::ListExpr& expr);
  schema::Type CheckConstruct(const ast::ConstructExpr& expr);
  schema::Type CheckEach(const ast::EachExpr& expr);

  // DuplicateInstant is a time or date-time equal to an earlier one as an instant, not as text.
  enum class PatternResult { Added, Duplicate, DuplicateInstant, Invalid };
  PatternResult CheckPattern(const ast::Pattern& pattern, const schema::Type& subject,
                             std::set<std::string>& values, bool& covers_null);
  void ReportUncovered(const ast::MatchExpr& expr, const schema::Type& subject, bool wildcard,
                       bool covers_null, const std::set<std::string>& values);

  void CheckStatement(const ast::Statement& statement, const schema::RecordType& target,
                      std::vector<const ast::Statement*>& assigned);
  void CheckAssignment(const ast::Statement& statement, const schema::RecordType& target,
                       std::vector<const ast::Statement*>& assigned);
  void CheckRejectMessage(const ast::Expr* message);
  void ReportUnmapped(const schema::RecordType& target,
                      const std::vector<const ast::Statement*>& assigned, SourceRange target_range);

  // True when `name` is a local or a source field, which hide enum members and tables.
  bool IsValueName(const std::string& name) const;
  // The enum that `Tier` or `erp.Tier` names, when the expression is not a value.
  const schema::EnumType* EnumNamedBy(const ast::Expr& expr) const;
  schema::Type CheckEnumMember(const ast::Expr& expr, const std::string& member,
                               const schema::EnumType& enumeration);
  // Resolves a bare name or a plain string as a member of the enum `expected`, a plain string as
  // a date, time or date-time where one is expected, and `[]` as the expected list type. Returns
  // false, checking nothing, for any other expected type or expression.
  bool TryTypedConstant(const ast::Expr& expr, const schema::Type& expected, schema::Type& type);
  // Reports a string constant compared with a field that lists its allowed values (a
  // Salesforce picklist, say) when the constant is not one of them.
  void CheckAllowedValue(const ast::Expr& value, const ast::Expr& field_expr);
  // Reports a constant that breaks the target field's constraints.
  void CheckConstantConstraints(const ast::Expr& expr, const schema::Constraints& constraints,
                                const std::string& destination);
  // Reports a number literal with more integer digits than the decimal target allows.
  void CheckLiteralFits(const ast::Expr& expr, const schema::Type& expected,
                        const std::string& destination);

  // Requires a present value; reports OptionalValueUsed otherwise and returns false.
  bool RequirePresent(const ast::Expr& expr, const schema::Type& type, std::string_view use);
  // Gives an integer literal the decimal type when the other operand is a decimal.
  void AdaptIntLiteral(const ast::Expr& expr, schema::Type& type, const schema::Type& other);
  bool IsNarrowed(const std::string& name) const;
  static void CollectPresentNames(const ast::Expr* condition, bool when_true,
                                  std::vector<std::string>& names);
  // The dotted text of a name or a chain of `.member` on a name, such as "Owner.Email", which
  // narrowing tracks; "" for any other expression.
  static std::string PathOf(const ast::Expr& expr);

  CheckedProgram& program_;
  DiagnosticEngine& diagnostics_;
  const schema::RecordType* source_;
  std::vector<Local> locals_;
  std::vector<std::string> narrowed_;
  // The enum of the field being assigned, whose members may be written bare in the value.
  const schema::EnumType* expected_enum_ = nullptr;
};

}  // namespace weft::check
