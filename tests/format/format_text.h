#pragma once

#include <optional>
#include <string>

// Formats text in memory for the formatter's tests.
namespace weft::testing {

// Returns `text` in the canonical layout, or nullopt when it has syntax errors. `path` names the
// file in diagnostics.
std::optional<std::string> FormatText(const std::string& text,
                                      const std::string& path = "test.map");

}  // namespace weft::testing
