// Fuzz target: imports arbitrary text as a schema document, once read as JSON and once as YAML,
// and renders the diagnostics and the imported types. Diagnostics are expected, but any crash,
// hang, sanitizer report or uncaught exception is a bug.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "compiler/schema/import.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::filesystem::path folder = std::filesystem::temp_directory_path();
  std::string stem = "weft-fuzz-schema-" + std::to_string(::getpid());
  for (const char* extension : {".json", ".yaml"}) {
    std::filesystem::path path = folder / (stem + extension);
    std::ofstream(path, std::ios::binary).write(reinterpret_cast<const char*>(data), size);

    weft::SourceManager sources;
    weft::DiagnosticEngine diagnostics(sources);
    weft::FileId map = sources.Add("fuzz.map", "schema s from \"document\"\n");
    weft::schema::ImportRequest request{"s", path.string(), {map, 0, 6}};
    std::unique_ptr<weft::schema::Schema> schema =
        weft::schema::ImportSchema(request, sources, diagnostics);

    std::ostringstream sink;
    diagnostics.RenderAll(sink);
    if (schema != nullptr) {
      for (const auto& record : schema->records) {
        for (const weft::schema::FieldType& field : record->fields) sink << field.type.ToString();
      }
    }
    std::filesystem::remove(path);
  }
  return 0;
}
