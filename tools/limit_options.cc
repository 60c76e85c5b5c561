#include "tools/limit_options.h"

#include <CLI/CLI.hpp>

#include "runtime/json_check.h"

namespace weft::tools {

void AddFrontendOptions(CLI::App& command, FrontendOptions& options) {
  command
      .add_option("--root", options.root,
                  "Directory that every file named in a .map file (imports, schema documents, "
                  "table files) must be inside; default: the directory of the first .map file")
      ->check(CLI::ExistingDirectory);
  command
      .add_option("--max-nesting", options.max_nesting,
                  "Levels that brackets may nest in a .map file")
      ->check(CLI::Range(1, syntax::kMaxNestingCeiling))
      ->capture_default_str();
  command
      .add_option("--max-table-rows", options.tables.max_rows,
                  "Entries that one table may have, inline or in its CSV file")
      ->check(CLI::Range(static_cast<size_t>(1), static_cast<size_t>(1) << 32))
      ->capture_default_str();
  // Source offsets are 32-bit, so a table file must stay below 4 GiB.
  command
      .add_option("--max-table-bytes", options.tables.max_file_bytes,
                  "Bytes that one table file may have")
      ->check(CLI::Range(static_cast<uintmax_t>(1), static_cast<uintmax_t>(1) << 31))
      ->capture_default_str();
}

void AddRunLimitOptions(CLI::App& command, RunOptions& options) {
  command
      .add_option("--max-record-bytes", options.max_record_bytes,
                  "Records longer than this are rejected without being held in memory")
      ->check(CLI::Range(static_cast<size_t>(1), static_cast<size_t>(1) << 40))
      ->capture_default_str();
  command
      .add_option("--max-input-depth", options.max_input_depth,
                  "Levels that arrays and objects may nest in a JSON record; a deeper record is "
                  "rejected")
      ->check(CLI::Range(1, runtime::kMaxInputDepthCeiling))
      ->capture_default_str();
  command
      .add_option("--max-string-bytes", options.max_string_bytes,
                  "Bytes of one string that a rule builds (concatenation, interpolation, pad, "
                  "replace); a record that needs a longer one is rejected")
      ->check(CLI::Range(static_cast<size_t>(1), static_cast<size_t>(1) << 40))
      ->capture_default_str();
}

}  // namespace weft::tools
