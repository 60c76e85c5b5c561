#include "compiler/check/schema_builder.h"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>

#include "compiler/schema/import.h"

namespace weft::check {
namespace {

using schema::Type;
using schema::TypeKind;

const std::vector<std::string>& ScalarTypeNames() {
  static const std::vector<std::string> names = {"string", "int",  "decimal",  "bool", "float",
                                                 "date",   "time", "datetime", "list"};
  return names;
}

Type ResolveDecimal(const ast::TypeRef& ref, DiagnosticEngine& diagnostics) {
  if (ref.arguments.size() != 2) {
    // TODO: `decimal` without digits needs a run-time scale; only decimal(p, s) is compiled so far.
    diagnostics
        .Report(DiagnosticKind::NotYetSupported, ref.range,
                "`decimal` without precision and scale is not supported yet")
        .hint = "give the digits, such as `decimal(18, 2)`";
    return Type::Error();
  }
  int64_t precision = ref.arguments[0];
  int64_t scale = ref.arguments[1];
  if (precision < 1 || precision > schema::kMaxDecimalPrecision || scale < 0 || scale > precision) {
    diagnostics
        .Report(DiagnosticKind::InvalidDecimalType, ref.range,
                fmt::format("decimal({}, {}) is not a valid decimal type", precision, scale))
        .hint = fmt::format("precision must be 1 to {} and scale 0 to the precision",
                            schema::kMaxDecimalPrecision);
    return Type::Error();
  }
  return Type::Decimal(static_cast<int>(precision), static_cast<int>(scale));
}

Type ResolveType(const ast::TypeRef& ref, const std::vector<std::string>& enum_names,
                 DiagnosticEngine& diagnostics) {
  std::string name = ref.name.ToString();
  Type type = Type::Error();
  if (name == "decimal") {
    type = ResolveDecimal(ref, diagnostics);
  } else if (!ref.arguments.empty()) {
    diagnostics.Report(DiagnosticKind::UnknownType, ref.range,
                       fmt::format("`{}` takes no parameters", name));
  } else if (name == "string") {
    type = Type::String();
  } else if (name == "int") {
    type = Type::Int();
  } else if (name == "bool") {
    type = Type::Bool();
  } else if (name == "float" || name == "date" || name == "time" || name == "datetime" ||
             name == "list") {
    // TODO: these types are parsed but have no record layout or conversions yet.
    diagnostics.Report(DiagnosticKind::NotYetSupported, ref.range,
                       fmt::format("type `{}` is not supported yet", name));
  } else if (ref.name.parts.size() > 1 ||
             std::find(enum_names.begin(), enum_names.end(), name) != enum_names.end()) {
    diagnostics.Report(
        DiagnosticKind::NotYetSupported, ref.range,
        fmt::format("fields of record or enum type (`{}`) are not supported yet", name));
  } else {
    Diagnostic& diagnostic = diagnostics.Report(DiagnosticKind::UnknownType, ref.range,
                                                fmt::format("unknown type `{}`", name));
    std::string closest = ClosestName(name, ScalarTypeNames());
    diagnostic.hint = closest.empty() ? "the types are string, int, decimal(p, s) and bool"
                                      : fmt::format("did you mean `{}`?", closest);
  }
  if (!type.IsError()) type.optional = ref.optional;
  return type;
}

std::unique_ptr<schema::RecordType> BuildRecord(const std::string& schema_name,
                                                const ast::RecordDecl& decl,
                                                const std::vector<std::string>& enum_names,
                                                DiagnosticEngine& diagnostics) {
  auto record = std::make_unique<schema::RecordType>();
  record->schema = schema_name;
  record->name = decl.name.name;
  record->range = decl.name.range;
  for (const ast::FieldDecl& field : decl.fields) {
    int previous = record->FindField(field.name.name);
    if (previous >= 0) {
      Diagnostic& diagnostic =
          diagnostics.Report(DiagnosticKind::DuplicateDeclaration, field.name.range,
                             fmt::format("field `{}` is declared twice in record `{}`",
                                         field.name.name, record->QualifiedName()));
      diagnostic.notes.push_back({record->fields[previous].range, "the first declaration is here"});
      continue;
    }
    for (const ast::Annotation& annotation : field.annotations) {
      diagnostics.Report(
          DiagnosticKind::NotYetSupported, annotation.range,
          fmt::format("field annotation `@{}` is not supported yet", annotation.name.name));
    }
    if (field.default_value) {
      diagnostics.Report(DiagnosticKind::NotYetSupported, field.default_value->range,
                         "field defaults are not supported yet");
    }
    schema::FieldType built;
    built.name = field.name.name;
    built.type = ResolveType(field.type, enum_names, diagnostics);
    built.range = field.name.range;
    record->fields.push_back(std::move(built));
  }
  return record;
}

}  // namespace

void BuildSchemas(const ast::File& file, CheckedProgram& program, SourceManager& sources,
                  DiagnosticEngine& diagnostics) {
  for (const ast::SchemaDecl& decl : file.schemas) {
    bool duplicate = false;
    for (const auto& existing : program.schemas) {
      if (existing->name != decl.name.name) continue;
      Diagnostic& diagnostic =
          diagnostics.Report(DiagnosticKind::DuplicateDeclaration, decl.name.range,
                             fmt::format("schema `{}` is declared twice", decl.name.name));
      diagnostic.notes.push_back({existing->range, "the first declaration is here"});
      duplicate = true;
    }
    if (duplicate) continue;
    if (decl.from_path) {
      // Paths are relative to the file that names them.
      std::filesystem::path map_path = sources.Get(decl.range.file).path();
      schema::ImportRequest request{decl.name.name,
                                    (map_path.parent_path() / *decl.from_path).string(), decl.range};
      std::unique_ptr<schema::Schema> imported =
          schema::ImportSchema(request, sources, diagnostics);
      if (imported != nullptr) {
        imported->range = decl.name.range;
        program.schemas.push_back(std::move(imported));
      }
      continue;
    }

    auto built = std::make_unique<schema::Schema>();
    built->name = decl.name.name;
    built->range = decl.name.range;
    std::vector<std::string> enum_names;
    for (const ast::EnumDecl& enum_decl : decl.enums) {
      enum_names.push_back(enum_decl.name.name);
      diagnostics.Report(DiagnosticKind::NotYetSupported, enum_decl.range,
                         "enums are not supported yet");
    }
    for (const ast::RecordDecl& record_decl : decl.records) {
      if (const schema::RecordType* previous = built->FindRecord(record_decl.name.name)) {
        Diagnostic& diagnostic =
            diagnostics.Report(DiagnosticKind::DuplicateDeclaration, record_decl.name.range,
                               fmt::format("record `{}` is declared twice in schema `{}`",
                                           record_decl.name.name, built->name));
        diagnostic.notes.push_back({previous->range, "the first declaration is here"});
        continue;
      }
      built->records.push_back(BuildRecord(built->name, record_decl, enum_names, diagnostics));
    }
    program.schemas.push_back(std::move(built));
  }
}

}  // namespace weft::check
