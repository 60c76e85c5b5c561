#pragma once

#include <optional>
#include <string>

#include "compiler/diagnostics/diagnostics.h"

// `weft fmt`: the canonical layout of .map files, which docs/language.md describes under
// "Layout".
namespace weft::format {

// Returns the text of a loaded file in the canonical layout, or nullopt after reporting its syntax
// errors to `diagnostics`. Only whitespace differs between the result and the file's text, so
// both have the same tokens and comments in the same order.
std::optional<std::string> FormatFile(FileId file, DiagnosticEngine& diagnostics);

}  // namespace weft::format
