// Prints how long `LoadAndCheck` (read, parse and check) takes on a generated project of many
// wide rules. It is a benchmark, not a test: it prints figures and sets no bound.
//
// usage: check_speed [--schemas json-schema|inline] [--rules N] [--fields N] [--repetitions N]
//                    [--keep DIR]
#include <fmt/format.h>
#include <nlohmann/json.hpp>
#include <stdlib.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#include "compiler/frontend.h"

namespace weft::bench {
namespace {

namespace fs = std::filesystem;

enum class FieldKind { String, Int, Decimal, Bool };

// The type of a generated field, kept as parts so that a writer for another schema format does
// not have to parse the .map spelling.
struct FieldType {
  FieldKind kind;
  bool optional = false;
  int precision = 0;
  int scale = 0;
};

constexpr FieldType kString{FieldKind::String};
constexpr FieldType kOptionalString{FieldKind::String, true};
constexpr FieldType kInt{FieldKind::Int};
constexpr FieldType kOptionalInt{FieldKind::Int, true};
constexpr FieldType kBool{FieldKind::Bool};
constexpr FieldType kOptionalBool{FieldKind::Bool, true};
constexpr FieldType kMoney{FieldKind::Decimal, false, 18, 2};
constexpr FieldType kOptionalMoney{FieldKind::Decimal, true, 18, 2};
constexpr FieldType kRate{FieldKind::Decimal, false, 12, 4};

struct FieldSpec {
  std::string name;
  FieldType type;
};

struct RecordSpec {
  std::string name;
  std::vector<FieldSpec> fields;
};

struct SchemaSpec {
  std::string name;
  std::vector<RecordSpec> records;
};

// The types of one source field and one target field, and the expression that computes the
// target from the source. In `expression`, `$s` is the source field and `$key` the rule's `let`
// binding of the record's trimmed name.
struct FieldPattern {
  const char* source_name;
  FieldType source_type;
  const char* target_name;
  FieldType target_type;
  const char* expression;
};

// The patterns cycle over the fields of every record. Pattern 0 is the record's name, which
// `when`, `require` and `let` read, so every record starts with a required string.
constexpr FieldPattern kPatterns[] = {
    {"Name", kString, "name", kString, "$s"},
    {"Nickname", kOptionalString, "nickname", kString, "$s ?? \"n/a\""},
    {"Street", kString, "street", kString, "$s.trim()"},
    {"City", kString, "city", kString, "\"{$key}, {$s}\""},
    {"Revenue", kOptionalMoney, "creditLimit", kMoney, "round(($s ?? 0) * 0.10, 2)"},
    {"Employees", kInt, "seats", kInt, "$s * 12 + 1"},
    {"Rating", kOptionalInt, "rating", kInt, "$s ?? 0"},
    {"Active", kBool, "blocked", kBool, "not $s"},
    {"Rate", kRate, "price", kMoney, "round($s * 1.07, 2)"},
    {"Region", kOptionalString, "region", kString, "if $s != null then $s.trim() else \"\""},
    {"Units", kInt, "amount", kMoney, "decimal($s) * 0.25"},
    {"Verified", kOptionalBool, "verified", kBool, "$s ?? false"},
    {"Title", kString, "title", kString, "$s + \" \" + $key"},
    {"Score", kOptionalInt, "score", kString, "if $s != null then \"{$s}\" else \"none\""},
    {"Credit", kOptionalMoney, "credit", kOptionalMoney, "$s"},
    {"Count", kInt, "inRange", kBool, "$s > 0 and $s < 1000"},
};
constexpr size_t kPatternCount = std::size(kPatterns);

const FieldPattern& PatternOf(size_t field) { return kPatterns[field % kPatternCount]; }

std::string SourceField(size_t field) {
  return fmt::format("{}_{}", PatternOf(field).source_name, field);
}

std::string TargetField(size_t field) {
  return fmt::format("{}{}", PatternOf(field).target_name, field);
}

std::string Substitute(std::string text, std::string_view from, std::string_view to) {
  for (size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size()))
    text.replace(at, from.size(), to);
  return text;
}

// The source record `crm.Account<rule>` and the target record `erp.Customer<rule>` of one rule.
void AddRecords(size_t rule, size_t fields, SchemaSpec& source, SchemaSpec& target) {
  RecordSpec account{fmt::format("Account{}", rule), {}};
  RecordSpec customer{fmt::format("Customer{}", rule), {}};
  for (size_t field = 0; field < fields; ++field) {
    account.fields.push_back({SourceField(field), PatternOf(field).source_type});
    customer.fields.push_back({TargetField(field), PatternOf(field).target_type});
  }
  source.records.push_back(std::move(account));
  target.records.push_back(std::move(customer));
}

// The type as written in a .map file, such as `decimal(18, 2)?`.
std::string MapTypeText(const FieldType& type) {
  std::string text;
  switch (type.kind) {
    case FieldKind::String:
      text = "string";
      break;
    case FieldKind::Int:
      text = "int";
      break;
    case FieldKind::Decimal:
      text = fmt::format("decimal({}, {})", type.precision, type.scale);
      break;
    case FieldKind::Bool:
      text = "bool";
      break;
  }
  return type.optional ? text + "?" : text;
}

// The inline declaration `schema NAME { record ... }`.
std::string InlineSchemaText(const SchemaSpec& schema) {
  std::string text = fmt::format("schema {} {{\n", schema.name);
  for (const RecordSpec& record : schema.records) {
    text += fmt::format("  record {} {{\n", record.name);
    for (const FieldSpec& field : record.fields)
      text += fmt::format("    {}: {}\n", field.name, MapTypeText(field.type));
    text += "  }\n";
  }
  return text + "}\n";
}

// One rule that assigns every target field; `when`, `require` and `let` read the name field.
std::string RuleText(size_t rule, size_t fields) {
  std::string name = SourceField(0);
  std::string text = fmt::format(
      "// Maps `crm.Account{0}` records to ERP customers.\n"
      "map crm.Account{0} -> erp.Customer{0} as customer{0}\n"
      "  when {1} != \"\" and {2}\n"
      "{{\n"
      "  require {1}.trim() != \"\" else \"account `{{{1}}}` has a blank name\"\n"
      "  let key = {1}.trim()\n",
      rule, name, SourceField(7));
  for (size_t field = 0; field < fields; ++field) {
    std::string expression = Substitute(PatternOf(field).expression, "$s", SourceField(field));
    expression = Substitute(expression, "$key", "key");
    text += fmt::format("  {} = {}\n", TargetField(field), expression);
  }
  return text + "}\n";
}

enum class SchemaSource { Inline, JsonSchema };

struct ProjectFile {
  fs::path path;
  std::string text;
};

// The JSON Schema (2020-12) of a field: an optional field is left out of `required`, and a
// decimal with s places is a number that is a multiple of 10^-s.
nlohmann::ordered_json JsonSchemaType(const FieldType& type) {
  switch (type.kind) {
    case FieldKind::String:
      return {{"type", "string"}};
    case FieldKind::Int:
      return {{"type", "integer"}};
    case FieldKind::Bool:
      return {{"type", "boolean"}};
    case FieldKind::Decimal:
      return {{"type", "number"},
              {"multipleOf", nlohmann::ordered_json::parse(
                                 type.scale == 0 ? "1" : "0." + std::string(type.scale - 1, '0') + "1")}};
  }
  return {};
}

// A JSON Schema document with one `$defs` entry per record.
std::string JsonSchemaText(const SchemaSpec& schema) {
  nlohmann::ordered_json definitions = nlohmann::ordered_json::object();
  for (const RecordSpec& record : schema.records) {
    nlohmann::ordered_json properties = nlohmann::ordered_json::object();
    nlohmann::ordered_json required = nlohmann::ordered_json::array();
    for (const FieldSpec& field : record.fields) {
      properties[field.name] = JsonSchemaType(field.type);
      if (!field.type.optional) required.push_back(field.name);
    }
    definitions[record.name] = {
        {"type", "object"}, {"properties", properties}, {"required", required}};
  }
  nlohmann::ordered_json document = {
      {"$schema", "https://json-schema.org/draft/2020-12/schema"}, {"$defs", definitions}};
  return document.dump(2) + "\n";
}

// Adds the files that declare `schema`: inline in a .map file, or as a JSON Schema document
// that a .map file imports, so that the benchmark also times the importer.
void AddSchemaFiles(const SchemaSpec& schema, SchemaSource source,
                    std::vector<ProjectFile>& files) {
  if (source == SchemaSource::Inline) {
    files.push_back({fmt::format("schemas/{}.map", schema.name), InlineSchemaText(schema)});
    return;
  }
  files.push_back({fmt::format("schemas/{}.schema.json", schema.name), JsonSchemaText(schema)});
  files.push_back({fmt::format("schemas/{}.map", schema.name),
                   fmt::format("schema {0} from \"{0}.schema.json\"\n", schema.name)});
}

// A project as a team would lay it out: one file per schema and one file per rule.
std::vector<ProjectFile> GenerateProject(size_t rules, size_t fields, SchemaSource source) {
  SchemaSpec crm{"crm", {}};
  SchemaSpec erp{"erp", {}};
  for (size_t rule = 0; rule < rules; ++rule) AddRecords(rule, fields, crm, erp);

  std::vector<ProjectFile> files;
  AddSchemaFiles(crm, source, files);
  AddSchemaFiles(erp, source, files);
  for (size_t rule = 0; rule < rules; ++rule)
    files.push_back({fmt::format("rules/customer{:03}.map", rule), RuleText(rule, fields)});
  return files;
}

// Writes the project under `root` and returns the paths of its .map files.
std::vector<std::string> WriteProject(const fs::path& root, const std::vector<ProjectFile>& files) {
  std::vector<std::string> paths;
  for (const ProjectFile& file : files) {
    fs::path path = root / file.path;
    fs::create_directories(path.parent_path());
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << file.text;
    if (!out) throw std::runtime_error("cannot write " + path.string());
    // Imported schema documents are read through the .map files that name them.
    if (path.extension() == ".map") paths.push_back(path.string());
  }
  return paths;
}

double TimeLoadAndCheck(const std::vector<std::string>& paths, size_t& diagnostic_count) {
  auto start = std::chrono::steady_clock::now();
  std::unique_ptr<Frontend> frontend = LoadAndCheck(paths);
  auto stop = std::chrono::steady_clock::now();
  diagnostic_count = frontend->diagnostics.diagnostics().size();
  if (diagnostic_count > 0) frontend->diagnostics.RenderAll(std::cerr);
  return std::chrono::duration<double, std::milli>(stop - start).count();
}

void PrintSizes(const std::vector<ProjectFile>& files, size_t rules, size_t fields) {
  size_t lines = 0;
  size_t bytes = 0;
  for (const ProjectFile& file : files) {
    lines += std::count(file.text.begin(), file.text.end(), '\n');
    bytes += file.text.size();
  }
  std::cout << fmt::format(
      "project: {} rules, {} fields per record, {} records, {} files, {} lines, {:.1f} KB\n", rules,
      fields, 2 * rules, files.size(), lines, bytes / 1024.0);
}

// Runs the first, cold repetition on its own, because it includes one-time costs that every
// `weft check` process pays: ANTLR's prediction cache and the first use of memory.
int Run(size_t rules, size_t fields, size_t repetitions, SchemaSource source,
        const fs::path& root) {
  std::vector<ProjectFile> files = GenerateProject(rules, fields, source);
  std::vector<std::string> paths = WriteProject(root, files);
  PrintSizes(files, rules, fields);

  size_t diagnostic_count = 0;
  double first = TimeLoadAndCheck(paths, diagnostic_count);
  if (diagnostic_count > 0) {
    std::cerr << "check_speed: the generated project has diagnostics; the generator is wrong\n";
    return 1;
  }
  std::vector<double> times;
  for (size_t i = 0; i < repetitions; ++i)
    times.push_back(TimeLoadAndCheck(paths, diagnostic_count));
  std::sort(times.begin(), times.end());

  std::cout << fmt::format("LoadAndCheck, one thread, {} repetitions after a first run:\n",
                           repetitions);
  std::cout << fmt::format("  first run: {:.1f} ms\n", first);
  std::cout << fmt::format("  min: {:.1f} ms\n", times.front());
  std::cout << fmt::format("  median: {:.1f} ms\n", times[times.size() / 2]);
  std::cout << fmt::format("  max: {:.1f} ms\n", times.back());
  return 0;
}

}  // namespace
}  // namespace weft::bench

int main(int argc, char** argv) {
  CLI::App app{"Times parsing and checking of a generated Weft project."};
  size_t rules = 50;
  size_t fields = 200;
  size_t repetitions = 10;
  std::string keep;
  std::string schemas = "json-schema";
  app.add_option("--schemas", schemas,
                 "How the schemas are declared: imported from JSON Schema files, or inline")
      ->check(CLI::IsMember({"json-schema", "inline"}))
      ->capture_default_str();
  app.add_option("--rules", rules, "Number of rules, each over its own pair of records")
      ->check(CLI::Range(1, 10000))
      ->capture_default_str();
  app.add_option("--fields", fields, "Number of fields in every source and target record")
      ->check(CLI::Range(8, 10000))
      ->capture_default_str();
  app.add_option("--repetitions", repetitions, "Timed runs after the first one")
      ->check(CLI::Range(1, 1000))
      ->capture_default_str();
  app.add_option("--keep", keep,
                 "Write the project into this folder and keep it, instead of a temporary one");
  CLI11_PARSE(app, argc, argv);

  namespace fs = std::filesystem;
  fs::path root = keep;
  if (keep.empty()) {
    std::string pattern = (fs::temp_directory_path() / "weft-check-speed-XXXXXX").string();
    if (mkdtemp(pattern.data()) == nullptr) {
      std::cerr << "check_speed: cannot create a temporary folder: " << std::strerror(errno)
                << '\n';
      return 1;
    }
    root = pattern;
  }
  auto source = schemas == "inline" ? weft::bench::SchemaSource::Inline
                                    : weft::bench::SchemaSource::JsonSchema;
  int status = weft::bench::Run(rules, fields, repetitions, source, root);
  if (keep.empty()) fs::remove_all(root);
  return status;
}
