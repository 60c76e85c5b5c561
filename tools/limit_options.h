#pragma once

#include "compiler/frontend.h"
#include "tools/commands.h"

namespace CLI {
class App;
}

namespace weft::tools {

// Registers --root and the limits of loading and checking (--max-nesting, --max-table-rows,
// --max-table-bytes) on a command that loads .map files.
void AddFrontendOptions(CLI::App& command, FrontendOptions& options);

// Registers the limits of mapping records (--max-record-bytes, --max-input-depth,
// --max-string-bytes) on `weft run`.
void AddRunLimitOptions(CLI::App& command, RunOptions& options);

}  // namespace weft::tools
