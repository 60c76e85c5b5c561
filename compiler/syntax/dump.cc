#include "compiler/syntax/dump.h"

#include <fmt/format.h>

namespace weft::syntax {
namespace {

void DumpExpr(const ast::Expr* expr, std::string& out);

void DumpList(const std::vector<ast::ExprPtr>& exprs, std::string& out) {
  for (const ast::ExprPtr& expr : exprs) {
    out += ' ';
    DumpExpr(expr.get(), out);
  }
}

void DumpStatements(const std::vector<ast::StatementPtr>& statements, int indent, std::string& out);

void DumpExpr(const ast::Expr* expr, std::string& out) {
  if (expr == nullptr) {
    out += "<missing>";
    return;
  }
  switch (expr->kind) {
    case ast::ExprKind::IntLiteral:
    case ast::ExprKind::DecimalLiteral:
      out += static_cast<const ast::NumberLiteral&>(*expr).text;
      return;
    case ast::ExprKind::StringLiteral: {
      out += "(string";
      for (const ast::StringPart& part : static_cast<const ast::StringLiteral&>(*expr).parts) {
        if (!part.text.empty()) out += " " + ast::Quoted(part.text);
        if (part.interpolation) {
          out += ' ';
          DumpExpr(part.interpolation.get(), out);
        }
      }
      out += ')';
      return;
    }
    case ast::ExprKind::BoolLiteral:
      out += static_cast<const ast::BoolLiteral&>(*expr).value ? "true" : "false";
      return;
    case ast::ExprKind::NullLiteral:
      out += "null";
      return;
    case ast::ExprKind::Name:
      out += static_cast<const ast::NameExpr&>(*expr).name.name;
      return;
    case ast::ExprKind::Member: {
      const auto& member = static_cast<const ast::MemberExpr&>(*expr);
      out += member.optional_chain ? "(?. " : "(. ";
      DumpExpr(member.base.get(), out);
      out += ' ' + member.member.name + ')';
      return;
    }
    case ast::ExprKind::Index: {
      const auto& index = static_cast<const ast::IndexExpr&>(*expr);
      out += "(index ";
      DumpExpr(index.base.get(), out);
      out += ' ';
      DumpExpr(index.index.get(), out);
      out += ')';
      return;
    }
    case ast::ExprKind::Call: {
      const auto& call = static_cast<const ast::CallExpr&>(*expr);
      out += fmt::format("(call{} {}", call.optional_chain ? "?" : "", call.callee.name);
      DumpList(call.arguments, out);
      out += ')';
      return;
    }
    case ast::ExprKind::Unary: {
      const auto& unary = static_cast<const ast::UnaryExpr&>(*expr);
      out += unary.op == ast::UnaryOp::Not ? "(not " : "(- ";
      DumpExpr(unary.operand.get(), out);
      out += ')';
      return;
    }
    case ast::ExprKind::Binary: {
      const auto& binary = static_cast<const ast::BinaryExpr&>(*expr);
      out += fmt::format("({} ", ast::Spelling(binary.op));
      DumpExpr(binary.lhs.get(), out);
      out += ' ';
      DumpExpr(binary.rhs.get(), out);
      out += ')';
      return;
    }
    case ast::ExprKind::If: {
      const auto& if_expr = static_cast<const ast::IfExpr&>(*expr);
      out += "(if ";
      DumpExpr(if_expr.condition.get(), out);
      out += ' ';
      DumpExpr(if_expr.then_value.get(), out);
      out += ' ';
      DumpExpr(if_expr.else_value.get(), out);
      out += ')';
      return;
    }
    case ast::ExprKind::Match: {
      const auto& match = static_cast<const ast::MatchExpr&>(*expr);
      out += "(match ";
      DumpExpr(match.subject.get(), out);
      for (const ast::MatchArm& arm : match.arms) {
        out += " (arm";
        for (const ast::Pattern& pattern : arm.patterns) {
          out += ' ';
          if (pattern.literal) {
            DumpExpr(pattern.literal.get(), out);
          } else {
            out += pattern.name ? pattern.name->ToString() : "_";
          }
        }
        out += " => ";
        DumpExpr(arm.value.get(), out);
        out += ')';
      }
      out += ')';
      return;
    }
    case ast::ExprKind::List:
      out += "(list";
      DumpList(static_cast<const ast::ListExpr&>(*expr).items, out);
      out += ')';
      return;
    case ast::ExprKind::Construct: {
      const auto& construct = static_cast<const ast::ConstructExpr&>(*expr);
      out += "(construct " + construct.type.ToString() + "\n";
      DumpStatements(construct.body, 6, out);
      out += "    )";
      return;
    }
    case ast::ExprKind::Each: {
      const auto& each_expr = static_cast<const ast::EachExpr&>(*expr);
      out += "(each ";
      DumpExpr(each_expr.source.get(), out);
      if (each_expr.variable) out += " as " + each_expr.variable->name;
      if (each_expr.filter) {
        out += " where ";
        DumpExpr(each_expr.filter.get(), out);
      }
      out += " -> ";
      DumpExpr(each_expr.value.get(), out);
      out += ')';
      return;
    }
    case ast::ExprKind::Lambda: {
      const auto& lambda = static_cast<const ast::LambdaExpr&>(*expr);
      out += "(" + lambda.parameter.name + " -> ";
      DumpExpr(lambda.body.get(), out);
      out += ')';
      return;
    }
  }
}

std::string JoinNames(const std::vector<ast::Identifier>& names) {
  std::string joined;
  for (const ast::Identifier& name : names) joined += (joined.empty() ? "" : ".") + name.name;
  return joined;
}

void DumpStatements(const std::vector<ast::StatementPtr>& statements, int indent,
                    std::string& out) {
  std::string pad(indent, ' ');
  for (const ast::StatementPtr& statement : statements) {
    switch (statement->kind) {
      case ast::StatementKind::Let:
        out += pad + "let " + JoinNames(statement->name) + " = ";
        break;
      case ast::StatementKind::Require:
        out += pad + "require ";
        break;
      case ast::StatementKind::Assign:
        out += pad + JoinNames(statement->name) + " = ";
        break;
    }
    DumpExpr(statement->value.get(), out);
    if (statement->message) {
      out += " else ";
      DumpExpr(statement->message.get(), out);
    }
    out += '\n';
  }
}

std::string TypeText(const ast::TypeRef& type) {
  std::string text = type.name.ToString();
  if (type.element) text += "<" + TypeText(*type.element) + ">";
  if (!type.arguments.empty()) {
    text += '(';
    for (size_t i = 0; i < type.arguments.size(); ++i)
      text += (i > 0 ? ", " : "") + std::to_string(type.arguments[i]);
    text += ')';
  }
  return type.optional ? text + "?" : text;
}

}  // namespace

std::string DumpRule(const ast::MapDecl& rule) {
  std::string out = fmt::format("map {} -> {} as {}\n", rule.source.ToString(),
                                rule.target.ToString(), rule.RuleName());
  if (rule.condition) {
    out += "  when ";
    DumpExpr(rule.condition.get(), out);
    out += '\n';
  }
  DumpStatements(rule.body, 2, out);
  return out;
}

std::string DumpAst(const ast::File& file) {
  std::string out;
  for (const ast::ImportDecl& decl : file.imports) out += fmt::format("import \"{}\"\n", decl.path);
  for (const ast::SchemaDecl& schema : file.schemas) {
    out += "schema " + schema.name.name;
    if (schema.from_path) out += fmt::format(" from \"{}\"", *schema.from_path);
    out += '\n';
    for (const ast::EnumDecl& decl : schema.enums) {
      out += "  enum " + decl.name.name + " {";
      for (const ast::Identifier& member : decl.members) out += ' ' + member.name;
      out += " }\n";
    }
    for (const ast::RecordDecl& record : schema.records) {
      out += "  record " + record.name.name + '\n';
      for (const ast::FieldDecl& field : record.fields) {
        out += "    " + field.name.name + ": " + TypeText(field.type);
        for (const ast::Annotation& annotation : field.annotations)
          out += " @" + annotation.name.name;
        out += '\n';
      }
    }
  }
  for (const ast::TableDecl& table : file.tables) {
    out += fmt::format("table {}: {} -> {} ({} entries)\n", table.name.name,
                       TypeText(table.key_type), TypeText(table.value_type), table.entries.size());
  }
  for (const ast::FnDecl& fn : file.functions) {
    out += fmt::format("fn {} -> {} = ", fn.name.name, TypeText(fn.result_type));
    DumpExpr(fn.body.get(), out);
    out += '\n';
  }
  for (const ast::MapDecl& rule : file.rules) out += DumpRule(rule);
  for (const ast::TestDecl& test : file.tests) {
    out += fmt::format("test \"{}\" ({} clauses)\n", test.name, test.clauses.size());
  }
  return out;
}

}  // namespace weft::syntax
