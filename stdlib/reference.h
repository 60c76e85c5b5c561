#pragma once

#include <string>

namespace weft::stdlib {

// Returns the reference documentation of the builtins as Markdown, written from the table of
// builtins.cc. docs/stdlib.md contains its output.
std::string RenderReference();

}  // namespace weft::stdlib
