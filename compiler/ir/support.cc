#include "compiler/ir/support.h"

#include <fmt/format.h>

#include <algorithm>

namespace weft::ir {
namespace {

using schema::TypeKind;

// A `match` compiles to a chain of branches, one per pattern, which the code generator emits
// recursively. Beyond this many patterns a table is the right tool, and the chain would strain
// the stack.
constexpr size_t kMaxMatchPatterns = 1000;

// True for the types that have a slot layout, a reader and a writer today.
bool IsCompiledType(const schema::Type& type) {
  switch (type.kind) {
    case TypeKind::Error:
    case TypeKind::Null:
    case TypeKind::Bool:
    case TypeKind::Int:
    case TypeKind::String:
    case TypeKind::Enum:
    case TypeKind::Date:
    case TypeKind::Time:
    case TypeKind::DateTime:
    case TypeKind::Decimal:
    case TypeKind::Float:
    case TypeKind::Record:
      return true;
    case TypeKind::List:
      return type.element != nullptr && IsCompiledType(*type.element);
    default:
      return false;
  }
}

bool IsAggregate(const schema::Type& type) {
  return type.kind == TypeKind::List || type.kind == TypeKind::Record;
}

class SupportScan {
 public:
  SupportScan(const check::CheckedProgram& program, DiagnosticEngine& diagnostics)
      : program_(program), diagnostics_(diagnostics) {}

  void ScanExpr(const ast::Expr* expr) {
    if (expr == nullptr) return;
    auto info = program_.exprs.find(expr);
    if (info != program_.exprs.end()) {
      check::Resolution resolution = info->second.resolution;
      // Enum members are constants and table look-ups are comparison chains.
      if (resolution == check::Resolution::EnumMember) return;
      if (resolution == check::Resolution::Table) {
        ScanExpr(static_cast<const ast::IndexExpr&>(*expr).index.get());
        return;
      }
      if (resolution == check::Resolution::Function) {
        ScanFunctionCall(static_cast<const ast::CallExpr&>(*expr), info->second.index);
        return;
      }
      const stdlib::Builtin* builtin = info->second.builtin;
      if (resolution == check::Resolution::Builtin &&
          builtin->lowering == stdlib::Lowering::NotCompiledYet) {
        Report(expr->range, fmt::format("running `{}` is not supported yet", builtin->name),
               fmt::format("`weft check` accepts this call, but `{}` works on lists, which the "
                           "code generator does not handle yet",
                           builtin->name));
        return;
      }
      // A field path rooted at the source is a slot of its own; the records on the way are
      // only looked at by the reader, which does not keep a whole record outside a list.
      if (IsSourcePath(*expr) && info->second.type.kind == TypeKind::Record) {
        Report(expr->range, "running rules that use a whole nested source record is not "
                            "supported yet",
               "read its fields, such as `Owner.Email`, or test it with `!= null`");
        return;
      }
      if (resolution == check::Resolution::NestedField && IsSourcePath(*expr)) {
        if (!IsCompiledType(info->second.type)) {
          Report(expr->range,
                 fmt::format("running rules with values of type {} is not supported yet",
                             info->second.type.ToString()));
        }
        return;
      }
    }
    bool in_function = !active_functions_.empty();
    if (in_function &&
        (expr->kind == ast::ExprKind::Each || expr->kind == ast::ExprKind::Construct)) {
      Report(expr->range,
             expr->kind == ast::ExprKind::Each
                 ? "running `each` inside a `fn` is not supported yet"
                 : "running a record construction inside a `fn` is not supported yet",
             "move it into the rule, and call the `fn` for the values inside it");
      return;
    }
    if (info != program_.exprs.end() && !IsCompiledType(info->second.type)) {
      Report(expr->range, fmt::format("running rules with values of type {} is not supported yet",
                                      info->second.type.ToString()));
      return;
    }
    ScanChildren(*expr);
  }

  // True for a source field, or a path of `.field` and `?.field` from one.
  bool IsSourcePath(const ast::Expr& expr) const {
    auto info = program_.exprs.find(&expr);
    if (info == program_.exprs.end()) return false;
    if (expr.kind == ast::ExprKind::Name) {
      return info->second.resolution == check::Resolution::SourceField;
    }
    if (expr.kind != ast::ExprKind::Member ||
        info->second.resolution != check::Resolution::NestedField) {
      return false;
    }
    const auto& member = static_cast<const ast::MemberExpr&>(expr);
    return member.base != nullptr && IsSourcePath(*member.base);
  }

  bool IsPresenceTestOfSourceRecord(const ast::BinaryExpr& binary) const {
    if (binary.op != ast::BinaryOp::Equal && binary.op != ast::BinaryOp::NotEqual) return false;
    if (binary.lhs == nullptr || binary.rhs == nullptr) return false;
    const ast::Expr* path = binary.rhs->kind == ast::ExprKind::NullLiteral   ? binary.lhs.get()
                            : binary.lhs->kind == ast::ExprKind::NullLiteral ? binary.rhs.get()
                                                                             : nullptr;
    if (path == nullptr || !IsSourcePath(*path)) return false;
    return program_.exprs.at(path).type.kind == TypeKind::Record;
  }

  // True for `==` or `!=` between two lists or records, which have no comparison yet.
  bool ComparesAggregates(const ast::BinaryExpr& binary) const {
    if (binary.op != ast::BinaryOp::Equal && binary.op != ast::BinaryOp::NotEqual) return false;
    for (const ast::Expr* side : {binary.lhs.get(), binary.rhs.get()}) {
      auto found = program_.exprs.find(side);
      if (found == program_.exprs.end() || !IsAggregate(found->second.type)) return false;
    }
    return true;
  }

  void ScanStatement(const ast::Statement& statement) {
    ScanExpr(statement.value.get());
    ScanExpr(statement.message.get());
  }

  bool found() const { return found_; }

 private:
  void ScanChildren(const ast::Expr& expr) {
    switch (expr.kind) {
      case ast::ExprKind::StringLiteral:
        for (const ast::StringPart& part : static_cast<const ast::StringLiteral&>(expr).parts) {
          auto found = program_.exprs.find(part.interpolation.get());
          if (found != program_.exprs.end() && IsAggregate(found->second.type)) {
            Report(part.interpolation->range,
                   "running rules that write a whole list or record into a string is not "
                   "supported yet",
                   "interpolate its items or fields");
            continue;
          }
          ScanExpr(part.interpolation.get());
        }
        break;
      case ast::ExprKind::Call:
        for (const ast::ExprPtr& argument : static_cast<const ast::CallExpr&>(expr).arguments) {
          ScanExpr(argument.get());
        }
        break;
      case ast::ExprKind::Unary:
        ScanExpr(static_cast<const ast::UnaryExpr&>(expr).operand.get());
        break;
      case ast::ExprKind::Member:
        ScanExpr(static_cast<const ast::MemberExpr&>(expr).base.get());
        break;
      case ast::ExprKind::Index: {
        const auto& index = static_cast<const ast::IndexExpr&>(expr);
        ScanExpr(index.base.get());
        ScanExpr(index.index.get());
        break;
      }
      case ast::ExprKind::List:
        for (const ast::ExprPtr& item : static_cast<const ast::ListExpr&>(expr).items) {
          ScanExpr(item.get());
        }
        break;
      case ast::ExprKind::Construct:
        for (const ast::StatementPtr& statement :
             static_cast<const ast::ConstructExpr&>(expr).body) {
          ScanStatement(*statement);
        }
        break;
      case ast::ExprKind::Each: {
        const auto& each = static_cast<const ast::EachExpr&>(expr);
        ScanExpr(each.source.get());
        ScanExpr(each.filter.get());
        ScanExpr(each.value.get());
        break;
      }
      case ast::ExprKind::Binary: {
        const auto& binary = static_cast<const ast::BinaryExpr&>(expr);
        // `Owner != null` only tests whether a nested record is present, which the reader records
        // in the field's slot.
        if (IsPresenceTestOfSourceRecord(binary)) break;
        if (ComparesAggregates(binary)) {
          Report(binary.op_range, "running rules that compare whole lists or records is not "
                                  "supported yet",
                 "compare their items or fields, or their `count`");
          break;
        }
        ScanExpr(binary.lhs.get());
        ScanExpr(binary.rhs.get());
        break;
      }
      case ast::ExprKind::Match: {
        const auto& match = static_cast<const ast::MatchExpr&>(expr);
        size_t patterns = 0;
        for (const ast::MatchArm& arm : match.arms) patterns += arm.patterns.size();
        if (patterns > kMaxMatchPatterns) {
          Report(match.range,
                 fmt::format("a `match` with {} patterns is more than the {} that compile to "
                             "branches",
                             patterns, kMaxMatchPatterns),
                 "translate many values with a table, which is looked up in one step");
          break;
        }
        ScanExpr(match.subject.get());
        for (const ast::MatchArm& arm : match.arms) ScanExpr(arm.value.get());
        break;
      }
      case ast::ExprKind::If: {
        const auto& branch = static_cast<const ast::IfExpr&>(expr);
        ScanExpr(branch.condition.get());
        ScanExpr(branch.then_value.get());
        ScanExpr(branch.else_value.get());
        break;
      }
      default:
        break;
    }
  }

  // Calls are inlined, so the body must compile too, and a function may not reach itself.
  void ScanFunctionCall(const ast::CallExpr& call, int function_index) {
    for (const ast::ExprPtr& argument : call.arguments) ScanExpr(argument.get());
    if (std::find(active_functions_.begin(), active_functions_.end(), function_index) !=
        active_functions_.end()) {
      Report(call.range,
             fmt::format("running a recursive call of `{}` is not supported",
                         program_.functions[function_index].name),
             "each call of a `fn` is replaced by its body, so a helper cannot call itself; "
             "rewrite it without recursion");
      return;
    }
    active_functions_.push_back(function_index);
    ScanExpr(program_.functions[function_index].decl->body.get());
    active_functions_.pop_back();
  }

  void Report(SourceRange range, std::string message, std::string hint = "") {
    found_ = true;
    if (hint.empty()) {
      hint = "the rule is valid, but the code generator handles string, int, decimal, float, "
             "bool, enum, date, time and datetime values, lists and records so far";
    }
    diagnostics_.Report(DiagnosticKind::NotYetSupported, range, std::move(message)).hint =
        std::move(hint);
  }

  const check::CheckedProgram& program_;
  DiagnosticEngine& diagnostics_;
  bool found_ = false;
  // The functions whose calls are being scanned, to find recursion.
  std::vector<int> active_functions_;
};

}  // namespace

bool ReportUncompilable(const check::CheckedProgram& program, const check::CheckedRule& rule,
                        DiagnosticEngine& diagnostics) {
  SupportScan scan(program, diagnostics);
  scan.ScanExpr(rule.decl->condition.get());
  for (const ast::StatementPtr& statement : rule.decl->body) scan.ScanStatement(*statement);
  return !scan.found();
}

}  // namespace weft::ir
