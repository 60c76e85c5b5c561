#include "compiler/schema/types.h"

#include <fmt/format.h>

namespace weft::schema {

Type Type::AsOptional(bool is_optional) const {
  Type copy = *this;
  copy.optional = is_optional;
  return copy;
}

bool Type::SameKind(const Type& other) const {
  if (kind != other.kind || record != other.record || enumeration != other.enumeration) {
    return false;
  }
  if (kind != TypeKind::List) return true;
  if (element == nullptr || other.element == nullptr) return element == other.element;
  return element->SameKind(*other.element) && element->optional == other.element->optional;
}

bool Constraints::empty() const {
  return !min_length && !max_length && pattern.empty() && minimum.empty() && maximum.empty() &&
         multiple_of.empty() && allowed_values.empty();
}

std::string Type::ToString() const {
  std::string text;
  switch (kind) {
    case TypeKind::Error:
      text = "<error>";
      break;
    case TypeKind::Null:
      return "null";
    case TypeKind::Bool:
      text = "bool";
      break;
    case TypeKind::Int:
      text = "int";
      break;
    case TypeKind::Decimal:
      text = scale == kAnyScale ? "decimal" : fmt::format("decimal({}, {})", precision, scale);
      break;
    case TypeKind::String:
      text = "string";
      break;
    case TypeKind::Float:
      text = "float";
      break;
    case TypeKind::Date:
      text = "date";
      break;
    case TypeKind::Time:
      text = "time";
      break;
    case TypeKind::DateTime:
      text = "datetime";
      break;
    case TypeKind::Enum:
      text = enumeration != nullptr ? enumeration->QualifiedName() : "enum";
      break;
    case TypeKind::Record:
      text = record != nullptr ? record->QualifiedName() : "record";
      break;
    case TypeKind::List:
      text = element != nullptr ? "list<" + element->ToString() + ">" : "list";
      break;
  }
  if (optional) text += '?';
  return text;
}

int RecordType::FindField(std::string_view field_name) const {
  for (size_t i = 0; i < fields.size(); ++i) {
    if (fields[i].name == field_name) return static_cast<int>(i);
  }
  return -1;
}

std::vector<std::string> RecordType::FieldNames() const {
  std::vector<std::string> names;
  for (const FieldType& field : fields) names.push_back(field.name);
  return names;
}

const RecordType* Schema::FindRecord(std::string_view record_name) const {
  for (const auto& record : records) {
    if (record->name == record_name) return record.get();
  }
  return nullptr;
}

const EnumType* Schema::FindEnum(std::string_view enum_name) const {
  for (const auto& enumeration : enums) {
    if (enumeration->name == enum_name) return enumeration.get();
  }
  return nullptr;
}

int EnumType::FindMember(std::string_view member) const {
  for (size_t i = 0; i < members.size(); ++i) {
    if (members[i] == member) return static_cast<int>(i);
  }
  return -1;
}

std::vector<std::string> Schema::TypeNames() const {
  std::vector<std::string> names = RecordNames();
  for (const auto& enumeration : enums) names.push_back(enumeration->name);
  return names;
}

std::vector<std::string> Schema::RecordNames() const {
  std::vector<std::string> names;
  for (const auto& record : records) names.push_back(record->name);
  return names;
}

}  // namespace weft::schema
