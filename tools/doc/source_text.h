#pragma once

#include <string>

#include "compiler/diagnostics/source.h"

// Excerpts of .map files as they are written, for the mapping document.
namespace weft::doc {

// Returns the text of `range`. Lines after the first lose the indentation of the line that the
// range starts on, so that a `match` spread over lines keeps its shape but not the rule's
// indentation.
std::string SourceText(const SourceManager& sources, SourceRange range);

// Returns the `//` comment lines directly above the line on which `range` starts, joined by
// spaces and without their slashes. It is empty when the line above is no such comment.
std::string CommentAbove(const SourceManager& sources, SourceRange range);

// Returns "accounts.map, line 37" for the start of `range`.
std::string Location(const SourceManager& sources, SourceRange range);

}  // namespace weft::doc
