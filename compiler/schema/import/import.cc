#include "compiler/schema/import.h"

#include <fmt/format.h>

#include <filesystem>

#include "compiler/schema/import/import_context.h"
#include "compiler/schema/import/json_reader.h"
#include "compiler/schema/import/json_schema.h"
#include "compiler/schema/import/salesforce.h"
#include "compiler/schema/import/yaml_reader.h"
#include "stdlib/utf8.h"

namespace weft::schema {
namespace {

using import::ImportContext;
using import::Node;

// API descriptions are a few megabytes: Xero's accounting API, one of the larger ones, is 1.2 MB.
// A much larger file is almost certainly not a schema, and source offsets are 32-bit.
constexpr uintmax_t kMaxDocumentBytes = 64 * 1024 * 1024;

constexpr std::string_view kSupportedFormats =
    "the importer reads JSON Schema (draft-07 and 2020-12), the `components.schemas` of "
    "OpenAPI 3.0 and 3.1, and Salesforce describe results";


// A range of one byte, so that a caret marks a place rather than the rest of the document.
SourceRange At(FileId file, uint32_t offset) { return {file, offset, offset + 1}; }

bool StartsLikeJson(std::string_view text) {
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
  size_t first = text.find_first_not_of(" \t\r\n");
  return first != std::string_view::npos && (text[first] == '{' || text[first] == '[');
}

// Reads the document as JSON or YAML. YAML is chosen by a .yaml or .yml extension, or for a
// document without a .json extension that does not start like JSON.
std::optional<Node> ParseDocument(const std::string& path, FileId file, std::string_view text,
                                  DiagnosticEngine& diagnostics) {
  std::string extension = std::filesystem::path(path).extension().string();
  bool yaml = extension == ".yaml" || extension == ".yml" ||
              (extension != ".json" && !StartsLikeJson(text));
  import::ReadLimits limits;
  import::ReadError error;
  std::optional<Node> root = yaml ? import::ReadYaml(text, file, limits, error)
                                  : import::ReadJson(text, file, limits, error);
  if (!root) {
    diagnostics
        .Report(DiagnosticKind::SchemaDocumentInvalid, At(file, error.offset),
                fmt::format("the schema document is not valid {}: {}", yaml ? "YAML" : "JSON",
                            error.message))
        .hint = "fix the document at the marked place";
  }
  return root;
}

// The name of a record that a document does not name: the file name up to its first dot, in
// UpperCamelCase (`customer-order.schema.json` gives `CustomerOrder`).
std::string NameFromPath(const std::string& path) {
  std::string file_name = std::filesystem::path(path).filename().string();
  std::string name = import::ToTypeName(file_name.substr(0, file_name.find('.')));
  return name.empty() ? "Record" : name;
}

// Picks the importer by the document's content. Returns false after reporting a document that
// cannot be used.
bool ImportByFormat(const Node& root, ImportContext& context) {
  SourceRange start = At(context.file, root.range.begin);
  if (!root.IsObject()) {
    context
        .Reject(start, fmt::format("the schema document is {}, not an object",
                                   import::DescribeKind(root.kind)))
        .hint = kSupportedFormats;
    return false;
  }
  if (root.Find("openapi") != nullptr) return import::ImportOpenApi(root, context);
  if (root.Find("swagger") != nullptr) {
    context.Reject(start, "Swagger 2.0 documents are not supported").hint =
        "convert the document to OpenAPI 3; " + std::string(kSupportedFormats);
    return false;
  }
  if (import::IsSalesforceDescribe(root)) {
    import::ImportSalesforce(root, NameFromPath(context.request.path), context);
    return true;
  }
  if (import::IsJsonSchema(root)) {
    import::ImportJsonSchema(root, NameFromPath(context.request.path), context);
    return true;
  }
  context.Reject(start, "the schema document is not of a known format").hint = kSupportedFormats;
  return false;
}

}  // namespace

std::unique_ptr<Schema> ImportSchema(const ImportRequest& request, SourceManager& sources,
                                     DiagnosticEngine& diagnostics) {
  std::string text, error;
  if (!ReadSourceFile(request.path, kMaxDocumentBytes, text, error)) {
    diagnostics
        .Report(DiagnosticKind::FileNotReadable, request.declaration,
                fmt::format("cannot read schema document `{}`: {}", request.path, error))
        .hint = "check the path, which is relative to the .map file, and the file's permissions";
    return nullptr;
  }
  FileId file = sources.Add(request.path, std::move(text));
  std::string_view document = sources.Get(file).text();
  size_t invalid = utf8::FindInvalid(document);
  if (invalid != std::string_view::npos) {
    diagnostics
        .Report(DiagnosticKind::SchemaDocumentInvalid, At(file, static_cast<uint32_t>(invalid)),
                "the schema document is not valid UTF-8")
        .hint = "save the document as UTF-8";
    return nullptr;
  }

  std::optional<Node> root = ParseDocument(request.path, file, document, diagnostics);
  if (!root) return nullptr;
  auto schema = std::make_unique<Schema>();
  schema->name = request.schema_name;
  ImportContext context{request, file, diagnostics, *schema, {}};
  if (!ImportByFormat(*root, context)) return nullptr;
  if (schema->records.empty() && schema->enums.empty()) {
    context
        .Reject(At(file, root->range.begin),
                "the schema document declares no object or enum schema, so there is nothing to "
                "import")
        .hint = "declare objects under `properties`, `$defs` or `components.schemas`";
    return nullptr;
  }
  return schema;
}

}  // namespace weft::schema
