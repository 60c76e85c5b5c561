#include "compiler/syntax/ast.h"

namespace weft::ast {

std::string QualifiedName::ToString() const {
  std::string text;
  for (const Identifier& part : parts) {
    if (!text.empty()) text += '.';
    text += part.name;
  }
  return text;
}

bool StringLiteral::IsPlain() const {
  for (const StringPart& part : parts) {
    if (part.interpolation) return false;
  }
  return true;
}

std::string StringLiteral::PlainText() const {
  std::string text;
  for (const StringPart& part : parts) text += part.text;
  return text;
}

const char* Spelling(BinaryOp op) {
  switch (op) {
    case BinaryOp::Add:
      return "+";
    case BinaryOp::Subtract:
      return "-";
    case BinaryOp::Multiply:
      return "*";
    case BinaryOp::Divide:
      return "/";
    case BinaryOp::Remainder:
      return "%";
    case BinaryOp::Equal:
      return "==";
    case BinaryOp::NotEqual:
      return "!=";
    case BinaryOp::Less:
      return "<";
    case BinaryOp::LessEqual:
      return "<=";
    case BinaryOp::Greater:
      return ">";
    case BinaryOp::GreaterEqual:
      return ">=";
    case BinaryOp::And:
      return "and";
    case BinaryOp::Or:
      return "or";
    case BinaryOp::Coalesce:
      return "??";
  }
  return "?";
}

std::string Quoted(std::string_view text) {
  std::string quoted = "\"";
  for (char c : text) {
    switch (c) {
      case '"':
        quoted += "\\\"";
        break;
      case '\\':
        quoted += "\\\\";
        break;
      case '\n':
        quoted += "\\n";
        break;
      case '\t':
        quoted += "\\t";
        break;
      case '\r':
        quoted += "\\r";
        break;
      case '{':
        quoted += "\\{";
        break;
      case '}':
        quoted += "\\}";
        break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          quoted += '?';
        } else {
          quoted += c;
        }
    }
  }
  return quoted + '"';
}

std::string MapDecl::RuleName() const {
  if (alias) return alias->name;
  return target.parts.empty() ? std::string() : target.parts.back().name;
}

}  // namespace weft::ast
