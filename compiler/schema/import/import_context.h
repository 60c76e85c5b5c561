#pragma once

#include <string>

#include "compiler/diagnostics/diagnostics.h"
#include "compiler/schema/import.h"
#include "compiler/schema/import/names.h"
#include "compiler/schema/types.h"

namespace weft::schema::import {

// The state that every importer of one document shares: where to report, and the schema being
// built.
struct ImportContext {
  const ImportRequest& request;
  // The imported document in the source manager.
  FileId file;
  DiagnosticEngine& diagnostics;
  Schema& schema;
  TypeNames names;

  // Reports a construct that is not translated exactly.
  Diagnostic& Warn(SourceRange range, std::string message) {
    return diagnostics.Report(DiagnosticKind::SchemaImportIncomplete, range, std::move(message));
  }

  // Reports why the document cannot be used at all.
  Diagnostic& Reject(SourceRange range, std::string message) {
    return diagnostics.Report(DiagnosticKind::SchemaDocumentInvalid, range, std::move(message));
  }

  RecordType& AddRecord(std::string name, SourceRange range) {
    auto record = std::make_unique<RecordType>();
    record->schema = request.schema_name;
    record->name = std::move(name);
    record->range = range;
    schema.records.push_back(std::move(record));
    return *schema.records.back();
  }

  EnumType& AddEnum(std::string name, SourceRange range) {
    auto enumeration = std::make_unique<EnumType>();
    enumeration->schema = request.schema_name;
    enumeration->name = std::move(name);
    enumeration->range = range;
    schema.enums.push_back(std::move(enumeration));
    return *schema.enums.back();
  }
};

}  // namespace weft::schema::import
