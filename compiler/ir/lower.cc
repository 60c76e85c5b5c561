#include <algorithm>
#include <cstdlib>
#include <stdexcept>

#include "compiler/ir/lowering.h"
#include "runtime/decimal.h"
#include "stdlib/dates.h"

namespace weft::ir {

using schema::TypeKind;

ValueType ValueTypeOf(const schema::Type& type) {
  ValueType value{Repr::Bool, 0, type.optional};
  switch (type.kind) {
    case TypeKind::Int:
      value.repr = Repr::Int;
      break;
    case TypeKind::Decimal:
      value.repr = Repr::Decimal;
      value.scale = type.scale;
      break;
    case TypeKind::Float:
      value.repr = Repr::Float;
      break;
    case TypeKind::String:
    case TypeKind::Enum:
    case TypeKind::Date:
    case TypeKind::Time:
    case TypeKind::DateTime:
      // Enum members and ISO 8601 dates and times travel as their text.
      value.repr = Repr::String;
      break;
    case TypeKind::List:
      value.repr = Repr::List;
      value.element = std::make_shared<const ValueType>(ValueTypeOf(*type.element));
      value.record = value.element->record;
      break;
    case TypeKind::Record:
      value.repr = Repr::Record;
      value.record = type.record;
      break;
    default:
      value.repr = Repr::Bool;
      break;
  }
  return value;
}

NodePtr MakeNode(Op op, ValueType type, std::vector<NodePtr> operands) {
  auto node = std::make_unique<Node>();
  node->op = op;
  node->type = type;
  node->operands = std::move(operands);
  return node;
}

__int128 ParseLiteral(const std::string& text, int scale) {
  __int128 value = 0;
  runtime::DecimalParseError error = runtime::ParseDecimal(text, scale, value);
  if (error != runtime::DecimalParseError::None) {
    throw std::logic_error("IR lowering got a literal that the checker should have rejected: " +
                           text);
  }
  return value;
}


NodePtr Convert(NodePtr node, ValueType type) {
  bool rescale = node->type.repr == Repr::Decimal && type.repr == Repr::Decimal &&
                 node->type.scale != type.scale;
  // A constant that gains places is rescaled here when the result keeps to 38 digits. Otherwise
  // a Rescale node rejects the record at run time, as it does for any other value.
  if (rescale && node->op == Op::Constant && type.scale != schema::kAnyScale &&
      type.scale > node->type.scale) {
    std::optional<__int128> widened = runtime::Rescale(node->decimal, node->type.scale, type.scale);
    if (widened) {
      node->decimal = *widened;
      node->type.scale = type.scale;
      return node;
    }
  }
  if (rescale) {
    // A value whose places are only known at run time must fit the target's scale exactly,
    // because input decimals are never rounded silently.
    bool exact = node->type.scale == schema::kAnyScale;
    ValueType rescaled{Repr::Decimal, type.scale, node->type.optional};
    std::vector<NodePtr> operands;
    operands.push_back(std::move(node));
    node = MakeNode(Op::Rescale, rescaled, std::move(operands));
    node->exact = exact;
  }
  return node;
}

NodePtr Comparable(NodePtr node, TypeKind kind) {
  if (kind != TypeKind::DateTime && kind != TypeKind::Time) return node;
  bool date_time = kind == TypeKind::DateTime;
  if (node->op == Op::Constant) {
    __int128 seconds = 0;
    int scale = 0;
    std::string reason = date_time ? dates::EpochSeconds(node->text, seconds, scale)
                                   : dates::SecondsOfDay(node->text, seconds, scale);
    // The checker rejects a constant that does not convert, such as one with too many digits in
    // its fraction of a second. Should one reach here, the run-time conversion rejects each
    // record compared with it, naming the constant.
    if (reason.empty()) {
      NodePtr constant = MakeNode(Op::Constant, ValueType{Repr::Decimal, scale});
      constant->decimal = seconds;
      return constant;
    }
  }
  ValueType type{Repr::Decimal, schema::kAnyScale, node->type.optional};
  std::vector<NodePtr> operands;
  operands.push_back(std::move(node));
  return MakeNode(date_time ? Op::EpochSeconds : Op::SecondsOfDay, type, std::move(operands));
}

NodePtr Lowering::LowerAs(const ast::Expr& expr, ValueType type) {
  // An expression of the null type, such as `if c then null else null`, is always absent.
  // NOTE: its operands are not evaluated, so a condition that would reject does not.
  if (program_.Info(expr).type.kind == TypeKind::Null) {
    type.optional = true;
    return MakeNode(Op::Null, type);
  }
  if (type.repr == Repr::List) return LowerList(expr, type);
  NodePtr node = LowerExpr(expr);
  if (node->op == Op::Null) {
    node->type = type;
    node->type.optional = true;
    return node;
  }
  return Convert(std::move(node), type);
}

NodePtr Lowering::LowerExpr(const ast::Expr& expr) {
  const check::ExprInfo& info = program_.Info(expr);
  ValueType type = ValueTypeOf(info.type);

  if (info.resolution == check::Resolution::EnumMember) {
    NodePtr member = MakeNode(Op::Constant, type);
    member->text = info.type.enumeration->members[info.index];
    return member;
  }
  if (info.resolution == check::Resolution::NestedField) {
    return LowerFieldPath(static_cast<const ast::MemberExpr&>(expr), info);
  }
  switch (expr.kind) {
    case ast::ExprKind::Match:
      return LowerMatch(static_cast<const ast::MatchExpr&>(expr), type);
    case ast::ExprKind::Index:
      if (info.resolution != check::Resolution::Table) {
        return LowerElement(static_cast<const ast::IndexExpr&>(expr), info);
      }
      return LowerTableLookup(static_cast<const ast::IndexExpr&>(expr), info);
    case ast::ExprKind::Each:
      return LowerEach(static_cast<const ast::EachExpr&>(expr), nullptr);
    case ast::ExprKind::List:
      return LowerList(expr, type);
    case ast::ExprKind::Construct:
      return LowerConstruct(static_cast<const ast::ConstructExpr&>(expr), info);
    case ast::ExprKind::IntLiteral:
    case ast::ExprKind::DecimalLiteral:
    case ast::ExprKind::BoolLiteral:
    case ast::ExprKind::NullLiteral:
      return LowerLiteral(expr, info.type);
    case ast::ExprKind::StringLiteral:
      return LowerString(static_cast<const ast::StringLiteral&>(expr));
    case ast::ExprKind::Name: {
      bool local = info.resolution == check::Resolution::Local;
      ValueType loaded = type;
      loaded.optional = loaded.optional || info.narrowed;
      NodePtr node;
      if (local && !inlined_calls_.empty()) {
        node = LowerParameter(info.index);
      } else {
        node = MakeNode(local ? Op::Local : Op::Source, loaded);
        node->index = info.index;
      }
      if (!info.narrowed) return node;
      std::vector<NodePtr> operands;
      operands.push_back(std::move(node));
      return MakeNode(Op::AssumePresent, type, std::move(operands));
    }
    case ast::ExprKind::Call:
      return LowerCall(static_cast<const ast::CallExpr&>(expr), info);
    case ast::ExprKind::Unary: {
      const auto& unary = static_cast<const ast::UnaryExpr&>(expr);
      if (unary.operand->kind == ast::ExprKind::IntLiteral && unary.op == ast::UnaryOp::Negate) {
        return LowerLiteral(expr, info.type);
      }
      std::vector<NodePtr> operands;
      operands.push_back(LowerAs(*unary.operand, type));
      return MakeNode(unary.op == ast::UnaryOp::Not ? Op::Not : Op::Negate, type,
                      std::move(operands));
    }
    case ast::ExprKind::Binary:
      return LowerBinary(static_cast<const ast::BinaryExpr&>(expr), info);
    case ast::ExprKind::If: {
      const auto& if_expr = static_cast<const ast::IfExpr&>(expr);
      std::vector<NodePtr> operands;
      operands.push_back(LowerExpr(*if_expr.condition));
      operands.push_back(LowerAs(*if_expr.then_value, type));
      operands.push_back(LowerAs(*if_expr.else_value, type));
      return MakeNode(Op::Select, type, std::move(operands));
    }
    default:
      // The checker reports every other kind as not supported, so a checked program has none.
      throw std::logic_error("IR lowering reached an expression kind the checker rejects");
  }
}

NodePtr Lowering::LowerLiteral(const ast::Expr& expr, const schema::Type& type) {
  if (expr.kind == ast::ExprKind::NullLiteral) return MakeNode(Op::Null, ValueTypeOf(type));
  NodePtr node = MakeNode(Op::Constant, ValueTypeOf(type));
  if (expr.kind == ast::ExprKind::BoolLiteral) {
    node->integer = static_cast<const ast::BoolLiteral&>(expr).value ? 1 : 0;
    return node;
  }

  // A number, possibly negated; the checker may have typed an int literal as a decimal.
  std::string text;
  const ast::Expr* literal = &expr;
  if (expr.kind == ast::ExprKind::Unary) {
    text = "-";
    literal = static_cast<const ast::UnaryExpr&>(expr).operand.get();
  }
  text += static_cast<const ast::NumberLiteral&>(*literal).text;
  if (type.kind == TypeKind::Float) {
    // The checker typed a number literal as a float where a float is expected.
    node->real = std::strtod(text.c_str(), nullptr);
  } else if (type.kind == TypeKind::Decimal) {
    node->decimal = ParseLiteral(text, type.scale);
    node->type.scale = type.scale;
  } else {
    node->integer = static_cast<int64_t>(ParseLiteral(text, 0));
  }
  return node;
}

NodePtr Lowering::LowerString(const ast::StringLiteral& expr) {
  ValueType string_type{Repr::String};
  std::vector<NodePtr> parts;
  for (const ast::StringPart& part : expr.parts) {
    if (!part.text.empty()) {
      NodePtr text = MakeNode(Op::Constant, string_type);
      text->text = part.text;
      parts.push_back(std::move(text));
    }
    if (part.interpolation) {
      NodePtr value = LowerExpr(*part.interpolation);
      if (program_.Info(*part.interpolation).type.kind == schema::TypeKind::DateTime) {
        std::vector<NodePtr> operands;
        operands.push_back(std::move(value));
        value = MakeNode(Op::DateTimeText, string_type, std::move(operands));
      } else if (value->type.repr != Repr::String) {
        std::vector<NodePtr> operands;
        operands.push_back(std::move(value));
        value = MakeNode(Op::ToString, string_type, std::move(operands));
      }
      parts.push_back(std::move(value));
    }
  }
  if (parts.size() == 1) return std::move(parts.front());
  if (parts.empty()) return MakeNode(Op::Constant, string_type);
  return MakeNode(Op::Concat, string_type, std::move(parts));
}

bool Lowering::CollectPath(const ast::Expr& expr, std::vector<int>& path) const {
  const check::ExprInfo& info = program_.Info(expr);
  if (expr.kind == ast::ExprKind::Name) {
    if (info.resolution != check::Resolution::SourceField) return false;
    path.push_back(info.index);
    return true;
  }
  if (expr.kind != ast::ExprKind::Member || info.resolution != check::Resolution::NestedField) {
    return false;
  }
  const auto& member = static_cast<const ast::MemberExpr&>(expr);
  if (!CollectPath(*member.base, path)) return false;
  path.push_back(info.index);
  return true;
}

NodePtr Lowering::LowerFieldPath(const ast::MemberExpr& expr, const check::ExprInfo& info) {
  std::vector<int> path;
  if (!CollectPath(expr, path)) return LowerField(expr, info);
  size_t index = std::find(source_paths_.begin(), source_paths_.end(), path) -
                 source_paths_.begin();
  if (index == source_paths_.size()) source_paths_.push_back(path);

  // The reader leaves a nested slot absent when any record on its path is absent, so a field
  // is read as optional unless the checker proved it present.
  ValueType type = ValueTypeOf(info.type);
  ValueType loaded = type;
  loaded.optional = loaded.optional || info.narrowed;
  NodePtr node = MakeNode(Op::Source, loaded);
  node->index = static_cast<int>(source_.fields.size() + index);
  if (!info.narrowed) return node;
  std::vector<NodePtr> operands;
  operands.push_back(std::move(node));
  return MakeNode(Op::AssumePresent, type, std::move(operands));
}

NodePtr Lowering::LowerBinary(const ast::BinaryExpr& expr, const check::ExprInfo& info) {
  ValueType type = ValueTypeOf(info.type);
  std::vector<NodePtr> operands;
  switch (expr.op) {
    case ast::BinaryOp::And:
    case ast::BinaryOp::Or:
      operands.push_back(LowerExpr(*expr.lhs));
      operands.push_back(LowerExpr(*expr.rhs));
      return MakeNode(expr.op == ast::BinaryOp::And ? Op::And : Op::Or, type, std::move(operands));
    case ast::BinaryOp::Equal:
      return LowerComparison(expr, Op::Equal);
    case ast::BinaryOp::NotEqual:
      return LowerComparison(expr, Op::NotEqual);
    case ast::BinaryOp::Less:
      return LowerComparison(expr, Op::Less);
    case ast::BinaryOp::LessEqual:
      return LowerComparison(expr, Op::LessEqual);
    case ast::BinaryOp::Greater:
      return LowerComparison(expr, Op::Greater);
    case ast::BinaryOp::GreaterEqual:
      return LowerComparison(expr, Op::GreaterEqual);
    case ast::BinaryOp::Coalesce: {
      ValueType present = type;
      present.optional = true;
      operands.push_back(LowerAs(*expr.lhs, present));
      operands.push_back(LowerAs(*expr.rhs, type));
      return MakeNode(Op::Coalesce, type, std::move(operands));
    }
    default:
      break;
  }

  if (type.repr == Repr::String) {
    operands.push_back(LowerExpr(*expr.lhs));
    operands.push_back(LowerExpr(*expr.rhs));
    return MakeNode(Op::Concat, type, std::move(operands));
  }
  // Sums and differences work at the result's scale; a product's scale is the sum of its
  // operands' scales, so they stay as they are.
  bool rescale = expr.op == ast::BinaryOp::Add || expr.op == ast::BinaryOp::Subtract;
  operands.push_back(rescale ? LowerAs(*expr.lhs, type) : LowerExpr(*expr.lhs));
  operands.push_back(rescale ? LowerAs(*expr.rhs, type) : LowerExpr(*expr.rhs));
  Op op = Op::Add;
  switch (expr.op) {
    case ast::BinaryOp::Subtract:
      op = Op::Subtract;
      break;
    case ast::BinaryOp::Multiply:
      op = Op::Multiply;
      break;
    case ast::BinaryOp::Divide:
      op = Op::Divide;
      break;
    case ast::BinaryOp::Remainder:
      op = Op::Remainder;
      break;
    default:
      break;
  }
  return MakeNode(op, type, std::move(operands));
}

NodePtr Lowering::LowerComparison(const ast::BinaryExpr& expr, Op op) {
  ValueType bool_type{Repr::Bool};
  std::vector<NodePtr> operands;

  // `x == null` and `x != null` test presence; so does any operand of the null type, such as
  // `if c then null else null`.
  bool lhs_null = program_.Info(*expr.lhs).type.kind == TypeKind::Null;
  bool rhs_null = program_.Info(*expr.rhs).type.kind == TypeKind::Null;
  if (lhs_null || rhs_null) {
    if (lhs_null && rhs_null) {
      NodePtr constant = MakeNode(Op::Constant, bool_type);
      constant->integer = op == Op::Equal ? 1 : 0;
      return constant;
    }
    operands.push_back(LowerExpr(lhs_null ? *expr.rhs : *expr.lhs));
    NodePtr present = MakeNode(Op::IsPresent, bool_type, std::move(operands));
    if (op == Op::NotEqual) return present;
    std::vector<NodePtr> negated;
    negated.push_back(std::move(present));
    return MakeNode(Op::Not, bool_type, std::move(negated));
  }

  // Decimals keep their own scales, because widening one to the other's scale could overflow;
  // the code generator compares them exactly. Times and date-times compare as such decimals.
  TypeKind kind = program_.Info(*expr.lhs).type.kind;
  if (kind != TypeKind::DateTime && kind != TypeKind::Time)
    kind = program_.Info(*expr.rhs).type.kind;
  operands.push_back(Comparable(LowerExpr(*expr.lhs), kind));
  operands.push_back(Comparable(LowerExpr(*expr.rhs), kind));
  return MakeNode(op, bool_type, std::move(operands));
}

Statement Lowering::LowerStatement(const ast::Statement& statement,
                                   const schema::RecordType& target) {
  Statement lowered;
  switch (statement.kind) {
    case ast::StatementKind::Let:
      lowered.kind = StatementKind::Let;
      lowered.index = program_.statements.at(&statement).index;
      lowered.field = statement.name.front().name;
      lowered.value = LowerExpr(*statement.value);
      NoteBoundQuotient(lowered.index, *statement.value, *lowered.value);
      break;
    case ast::StatementKind::Require:
      lowered.kind = StatementKind::Require;
      lowered.value = LowerExpr(*statement.value);
      lowered.message = LowerExpr(*statement.message);
      break;
    case ast::StatementKind::Assign: {
      lowered.kind = StatementKind::Store;
      lowered.index = program_.statements.at(&statement).index;
      const schema::FieldType& field = target.fields[lowered.index];
      lowered.field = field.name;
      lowered.field_type = ValueTypeOf(field.type);
      lowered.field_precision = field.type.precision;
      lowered.value = LowerAs(*statement.value, lowered.field_type);
      break;
    }
  }
  return lowered;
}

namespace {

// Marks the source fields that `node` reads; a nested path marks the field it starts at.
void MarkSourceReads(const Node& node, const std::vector<std::vector<int>>& paths,
                     std::vector<bool>& reads) {
  if (node.op == Op::Source) {
    size_t slot = static_cast<size_t>(node.index);
    reads[slot < reads.size() ? slot : paths[slot - reads.size()].front()] = true;
  }
  for (const NodePtr& operand : node.operands) MarkSourceReads(*operand, paths, reads);
  for (const Statement& statement : node.statements) {
    MarkSourceReads(*statement.value, paths, reads);
    if (statement.message) MarkSourceReads(*statement.message, paths, reads);
  }
}

}  // namespace

Rule Lower(const check::CheckedProgram& program, const check::CheckedRule& rule) {
  Lowering lowering(program, *rule.source, rule.local_count);
  Rule lowered;
  lowered.name = rule.name;
  lowered.source = rule.source;
  lowered.target = rule.target;
  lowered.local_count = rule.local_count;
  if (rule.decl->condition) lowered.condition = lowering.LowerExpr(*rule.decl->condition);
  for (const ast::StatementPtr& statement : rule.decl->body) {
    lowered.body.push_back(lowering.LowerStatement(*statement, *rule.target));
  }

  lowered.assigns_target_field.assign(rule.target->fields.size(), false);
  for (const Statement& statement : lowered.body) {
    if (statement.kind == StatementKind::Store) lowered.assigns_target_field[statement.index] = true;
  }
  lowered.local_count = lowering.local_count();
  lowered.source_paths = lowering.TakeSourcePaths();
  lowered.tables = lowering.TakeTables();
  lowered.regexes = lowering.TakeRegexes();
  lowered.reads_source_field.assign(rule.source->fields.size(), false);
  lowered.reads_in_condition.assign(rule.source->fields.size(), false);
  if (lowered.condition) {
    MarkSourceReads(*lowered.condition, lowered.source_paths, lowered.reads_source_field);
    MarkSourceReads(*lowered.condition, lowered.source_paths, lowered.reads_in_condition);
  }
  for (const Statement& statement : lowered.body) {
    MarkSourceReads(*statement.value, lowered.source_paths, lowered.reads_source_field);
    if (statement.message) {
      MarkSourceReads(*statement.message, lowered.source_paths, lowered.reads_source_field);
    }
  }
  return lowered;
}

}  // namespace weft::ir
