#include "compiler/check/schema_builder.h"

#include <fmt/format.h>

#include <algorithm>

#include "compiler/check/annotations.h"
#include "compiler/diagnostics/project_root.h"
#include "compiler/schema/import.h"

namespace weft::check {
namespace {

using schema::Type;
using schema::TypeKind;

// The Weft names of types that other languages and schema formats spell differently.
std::string_view WeftSpelling(std::string_view name) {
  static constexpr std::pair<std::string_view, std::string_view> kSynonyms[] = {
      {"integer", "int"},    {"long", "int"},         {"number", "decimal"},
      {"numeric", "decimal"}, {"boolean", "bool"},    {"text", "string"},
      {"varchar", "string"}, {"timestamp", "datetime"}, {"double", "float"},
      {"array", "list<T>"},
  };
  for (auto [synonym, spelling] : kSynonyms) {
    if (synonym == name) return spelling;
  }
  return "";
}

const std::vector<std::string>& ScalarTypeNames() {
  static const std::vector<std::string> names = {"string", "int",  "decimal",  "bool", "float",
                                                 "date",   "time", "datetime", "list"};
  return names;
}

// Resolves written types. Inside a schema, its records and enums may refer to each other in any
// order, and to the records of schemas declared earlier as `other.Record`. Outside a schema
// (`schema` is null), records and enums need the schema's name.
class TypeResolver {
 public:
  TypeResolver(const schema::Schema* schema, const CheckedProgram& program,
               DiagnosticEngine& diagnostics)
      : schema_(schema), program_(program), diagnostics_(diagnostics) {}

  Type Resolve(const ast::TypeRef& ref) {
    Type type = ResolveRequired(ref);
    if (!type.IsError()) type.optional = ref.optional;
    return type;
  }

 private:
  Type ResolveRequired(const ast::TypeRef& ref) {
    std::string name = ref.name.ToString();
    if (name == "decimal") return ResolveDecimal(ref);
    if (name == "list") return ResolveList(ref);
    if (!ref.arguments.empty() || ref.element != nullptr) {
      diagnostics_.Report(DiagnosticKind::UnknownType, ref.range,
                          fmt::format("`{}` takes no parameters", name));
      return Type::Error();
    }
    if (name == "string") return Type::String();
    if (name == "int") return Type::Int();
    if (name == "bool") return Type::Bool();
    if (name == "float") return Type::Float();
    if (name == "date") return Type::Date();
    if (name == "time") return Type::Time();
    if (name == "datetime") return Type::DateTime();
    return ResolveNamed(ref);
  }

  Type ResolveDecimal(const ast::TypeRef& ref) {
    if (ref.arguments.empty()) {
      return Type::Decimal(schema::kMaxDecimalPrecision, schema::kAnyScale);
    }
    if (ref.arguments.size() != 2) {
      diagnostics_
          .Report(DiagnosticKind::InvalidDecimalType, ref.range,
                  "a decimal type takes a precision and a scale, or nothing")
          .hint = "write `decimal(18, 2)` for 18 digits with 2 after the point";
      return Type::Error();
    }
    int64_t precision = ref.arguments[0];
    int64_t scale = ref.arguments[1];
    if (precision < 1 || precision > schema::kMaxDecimalPrecision || scale < 0 ||
        scale > precision) {
      diagnostics_
          .Report(DiagnosticKind::InvalidDecimalType, ref.range,
                  fmt::format("decimal({}, {}) is not a valid decimal type", precision, scale))
          .hint = fmt::format("precision must be 1 to {} and scale 0 to the precision",
                              schema::kMaxDecimalPrecision);
      return Type::Error();
    }
    return Type::Decimal(static_cast<int>(precision), static_cast<int>(scale));
  }

  Type ResolveList(const ast::TypeRef& ref) {
    if (ref.element == nullptr) {
      diagnostics_.Report(DiagnosticKind::UnknownType, ref.range, "`list` needs an element type")
          .hint = "write the element type, such as `list<string>`";
      return Type::Error();
    }
    Type element = Resolve(*ref.element);
    if (element.IsError()) return element;
    return Type::ListOf(element);
  }

  // A record or enum of this schema (`Address`), or of another (`erp.Address`).
  Type ResolveNamed(const ast::TypeRef& ref) {
    const std::vector<ast::Identifier>& parts = ref.name.parts;
    const schema::Schema* owner = schema_;
    if (parts.size() == 2) {
      owner = program_.FindSchema(parts[0].name);
      if (owner == nullptr) {
        ReportUnknown(ref, parts[0].name, "schema", SchemaNames());
        return Type::Error();
      }
      program_.NoteUse(ref.range, owner->range);
    } else if (parts.size() != 1 || owner == nullptr) {
      ReportUnknown(ref, ref.name.ToString(), "type", ScalarTypeNames());
      return Type::Error();
    }
    const std::string& name = parts.back().name;
    if (const schema::RecordType* record = owner->FindRecord(name)) return Type::OfRecord(record);
    if (const schema::EnumType* enumeration = owner->FindEnum(name)) {
      return Type::OfEnum(enumeration);
    }
    std::vector<std::string> candidates = owner->TypeNames();
    if (owner == schema_) {
      candidates.insert(candidates.end(), ScalarTypeNames().begin(), ScalarTypeNames().end());
    }
    ReportUnknown(ref, name, "type", candidates);
    return Type::Error();
  }

  std::vector<std::string> SchemaNames() const {
    std::vector<std::string> names;
    for (const auto& candidate : program_.schemas) names.push_back(candidate->name);
    return names;
  }

  void ReportUnknown(const ast::TypeRef& ref, const std::string& name, std::string_view what,
                     const std::vector<std::string>& candidates) {
    Diagnostic& diagnostic = diagnostics_.Report(DiagnosticKind::UnknownType, ref.range,
                                                 fmt::format("unknown {} `{}`", what, name));
    std::string closest = ClosestName(name, candidates);
    if (closest.empty()) closest = WeftSpelling(name);
    diagnostic.hint = closest.empty()
                          ? "the types are string, int, decimal(p, s), float, bool, date, time, "
                            "datetime, list<T>, and the records and enums of a schema"
                          : fmt::format("did you mean `{}`?", closest);
  }

  const schema::Schema* schema_;
  const CheckedProgram& program_;
  DiagnosticEngine& diagnostics_;
};

void ReportDuplicate(DiagnosticEngine& diagnostics, SourceRange range, std::string message,
                     SourceRange first) {
  Diagnostic& diagnostic =
      diagnostics.Report(DiagnosticKind::DuplicateDeclaration, range, std::move(message));
  diagnostic.notes.push_back({first, "the first declaration is here"});
}

using RecordDecls = std::vector<std::pair<const ast::RecordDecl*, schema::RecordType*>>;

// Creates the schema's records and enums without fields, so that field types can refer to any
// of them. `records` receives each record with the declaration that fills it.
std::unique_ptr<schema::Schema> DeclareTypes(const ast::SchemaDecl& decl, RecordDecls& records,
                                             DiagnosticEngine& diagnostics) {
  auto built = std::make_unique<schema::Schema>();
  built->name = decl.name.name;
  built->range = decl.name.range;
  auto declared_range = [&](const std::string& name) -> std::optional<SourceRange> {
    if (const schema::RecordType* record = built->FindRecord(name)) return record->range;
    if (const schema::EnumType* enumeration = built->FindEnum(name)) return enumeration->range;
    return std::nullopt;
  };

  for (const ast::EnumDecl& enum_decl : decl.enums) {
    if (auto first = declared_range(enum_decl.name.name)) {
      ReportDuplicate(diagnostics, enum_decl.name.range,
                      fmt::format("`{}` is declared twice in schema `{}`", enum_decl.name.name,
                                  built->name),
                      *first);
      continue;
    }
    auto enumeration = std::make_unique<schema::EnumType>();
    enumeration->schema = built->name;
    enumeration->name = enum_decl.name.name;
    enumeration->range = enum_decl.name.range;
    for (const ast::Identifier& member : enum_decl.members) {
      if (enumeration->FindMember(member.name) >= 0) {
        diagnostics.Report(DiagnosticKind::DuplicateDeclaration, member.range,
                           fmt::format("member `{}` is listed twice in enum `{}`", member.name,
                                       enumeration->QualifiedName()));
        continue;
      }
      enumeration->members.push_back(member.name);
    }
    built->enums.push_back(std::move(enumeration));
  }

  for (const ast::RecordDecl& record_decl : decl.records) {
    if (auto first = declared_range(record_decl.name.name)) {
      ReportDuplicate(diagnostics, record_decl.name.range,
                      fmt::format("`{}` is declared twice in schema `{}`", record_decl.name.name,
                                  built->name),
                      *first);
      continue;
    }
    auto record = std::make_unique<schema::RecordType>();
    record->schema = built->name;
    record->name = record_decl.name.name;
    record->range = record_decl.name.range;
    records.emplace_back(&record_decl, record.get());
    built->records.push_back(std::move(record));
  }
  return built;
}

void BuildFields(const ast::RecordDecl& decl, schema::RecordType& record, TypeResolver& types,
                 DiagnosticEngine& diagnostics) {
  for (const ast::FieldDecl& field : decl.fields) {
    int previous = record.FindField(field.name.name);
    if (previous >= 0) {
      ReportDuplicate(diagnostics, field.name.range,
                      fmt::format("field `{}` is declared twice in record `{}`", field.name.name,
                                  record.QualifiedName()),
                      record.fields[previous].range);
      continue;
    }
    schema::FieldType built;
    built.name = field.name.name;
    built.type = types.Resolve(field.type);
    built.range = field.name.range;
    ApplyAnnotations(field, built, diagnostics);
    if (field.default_value != nullptr && !built.type.IsError()) {
      built.default_json = DefaultValueJson(*field.default_value, built, diagnostics);
    }
    record.fields.push_back(std::move(built));
  }
}

bool ReportIfDuplicateSchema(const ast::SchemaDecl& decl, const CheckedProgram& program,
                             DiagnosticEngine& diagnostics) {
  for (const auto& existing : program.schemas) {
    if (existing->name != decl.name.name) continue;
    ReportDuplicate(diagnostics, decl.name.range,
                    fmt::format("schema `{}` is declared twice", decl.name.name), existing->range);
    return true;
  }
  return false;
}

void ImportDeclaredSchema(const ast::SchemaDecl& decl, CheckedProgram& program,
                          SourceManager& sources, DiagnosticEngine& diagnostics) {
  std::optional<std::string> path = ResolveInRoot(diagnostics, decl.range, *decl.from_path);
  if (!path) return;
  schema::ImportRequest request{decl.name.name, *path, decl.range};
  std::unique_ptr<schema::Schema> imported = schema::ImportSchema(request, sources, diagnostics);
  if (imported == nullptr) return;
  imported->range = decl.name.range;
  program.schemas.push_back(std::move(imported));
}

}  // namespace

Type ResolveType(const ast::TypeRef& ref, const CheckedProgram& program,
                 DiagnosticEngine& diagnostics) {
  return TypeResolver(nullptr, program, diagnostics).Resolve(ref);
}

void BuildSchemas(const ast::File& file, CheckedProgram& program, SourceManager& sources,
                  DiagnosticEngine& diagnostics) {
  for (const ast::SchemaDecl& decl : file.schemas) {
    if (ReportIfDuplicateSchema(decl, program, diagnostics)) continue;
    if (decl.from_path) {
      ImportDeclaredSchema(decl, program, sources, diagnostics);
      continue;
    }
    RecordDecls records;
    program.schemas.push_back(DeclareTypes(decl, records, diagnostics));
    TypeResolver types(program.schemas.back().get(), program, diagnostics);
    for (auto [record_decl, record] : records) BuildFields(*record_decl, *record, types, diagnostics);
  }
}

}  // namespace weft::check
