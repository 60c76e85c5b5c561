#include "compiler/schema/print.h"

#include <fmt/format.h>

#include <algorithm>

namespace weft::schema {
namespace {

bool IsPlainName(std::string_view name) {
  if (name.empty() || (name[0] >= '0' && name[0] <= '9')) return false;
  return std::all_of(name.begin(), name.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
  });
}

// A name as written in a .map file: plain, or in backquotes.
std::string Spelled(std::string_view name) {
  return IsPlainName(name) ? std::string(name) : fmt::format("`{}`", name);
}

// A string literal in .map syntax; braces are escaped, because they start interpolations.
std::string Quoted(std::string_view text) {
  std::string out = "\"";
  for (char c : text) {
    if (c == '"' || c == '\\' || c == '{' || c == '}') out += '\\';
    if (c == '\n') {
      out += "\\n";
      continue;
    }
    out += c;
  }
  return out + "\"";
}

// The type as a .map file spells it inside this schema: records and enums of the schema by
// their bare names.
std::string TypeText(const Type& type, const std::string& schema) {
  std::string text;
  switch (type.kind) {
    case TypeKind::Record:
      text = type.record->schema == schema ? Spelled(type.record->name)
                                           : type.record->QualifiedName();
      break;
    case TypeKind::Enum:
      text = type.enumeration->schema == schema ? Spelled(type.enumeration->name)
                                                : type.enumeration->QualifiedName();
      break;
    case TypeKind::List:
      text = "list<" + TypeText(*type.element, schema) + ">";
      break;
    default:
      return type.ToString();
  }
  return type.optional ? text + "?" : text;
}

std::string Annotations(const Constraints& limits) {
  std::string text;
  if (limits.min_length && limits.max_length && *limits.min_length == *limits.max_length) {
    text += fmt::format(" @length({})", *limits.max_length);
  } else {
    if (limits.min_length) text += fmt::format(" @min_length({})", *limits.min_length);
    if (limits.max_length) text += fmt::format(" @max_length({})", *limits.max_length);
  }
  if (!limits.pattern.empty()) text += fmt::format(" @pattern({})", Quoted(limits.pattern));
  if (!limits.minimum.empty()) text += fmt::format(" @minimum({})", limits.minimum);
  if (!limits.maximum.empty()) text += fmt::format(" @maximum({})", limits.maximum);
  if (!limits.allowed_values.empty()) {
    text += " @values(";
    for (size_t i = 0; i < limits.allowed_values.size(); ++i) {
      text += (i == 0 ? "" : ", ") + Quoted(limits.allowed_values[i]);
    }
    text += ")";
  }
  // NOTE: exclusive limits and multipleOf have no annotation yet, so they are shown as comments.
  if (limits.exclusive_minimum || limits.exclusive_maximum || !limits.multiple_of.empty()) {
    text += " //";
    if (limits.exclusive_minimum) text += " minimum excluded";
    if (limits.exclusive_maximum) text += " maximum excluded";
    if (!limits.multiple_of.empty()) text += fmt::format(" multiple of {}", limits.multiple_of);
  }
  return text;
}

// A default as a .map file writes it: an enum member by its name, anything else as its JSON
// literal, which is also Weft syntax for numbers, bools and plain strings.
std::string DefaultText(const FieldType& field) {
  const std::string& json = field.default_json;
  bool quoted = json.size() >= 2 && json.front() == '"' && json.back() == '"';
  if (field.type.kind == TypeKind::Enum && quoted && json.find('\\') == std::string::npos) {
    return Spelled(std::string_view(json).substr(1, json.size() - 2));
  }
  return json;
}

}  // namespace

std::string PrintSchema(const Schema& schema) {
  std::string out = fmt::format("schema {} {{\n", Spelled(schema.name));
  for (const auto& enumeration : schema.enums) {
    out += fmt::format("  enum {} {{", Spelled(enumeration->name));
    for (size_t i = 0; i < enumeration->members.size(); ++i) {
      out += (i == 0 ? " " : ", ") + Spelled(enumeration->members[i]);
    }
    out += " }\n";
  }
  for (const auto& record : schema.records) {
    if (&record != &schema.records.front() || !schema.enums.empty()) out += "\n";
    out += fmt::format("  record {} {{\n", Spelled(record->name));
    for (const FieldType& field : record->fields) {
      out += fmt::format("    {}: {}", Spelled(field.name), TypeText(field.type, schema.name));
      std::string annotations = Annotations(field.constraints);
      bool comment = annotations.find(" //") != std::string::npos;
      std::string before_comment = comment ? annotations.substr(0, annotations.find(" //"))
                                           : annotations;
      out += before_comment;
      if (field.has_default()) out += " = " + DefaultText(field);
      if (comment) out += annotations.substr(annotations.find(" //"));
      out += "\n";
    }
    out += "  }\n";
  }
  return out + "}\n";
}

}  // namespace weft::schema
