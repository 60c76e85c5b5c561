#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "compiler/diagnostics/diagnostics.h"

namespace weft {

// Returns `directory` as an absolute path with links resolved, the form in which a project root
// is stored and compared.
std::string CanonicalRoot(const std::string& directory);

// Returns `path` as an absolute path with the links of its existing part resolved and the rest
// normalized, so that every spelling of one file gives one string.
std::string CanonicalPath(const std::string& path);

// Resolves `path`, written in the .map file of `at`, against that file's folder. Every path that
// a .map file names (imports, schema documents, table files) goes through here, so that none
// resolves outside the project root of `diagnostics.sources()`. Returns nullopt after reporting
// PathOutsideRoot at `at` when the path's real location, with links followed, is outside it.
std::optional<std::string> ResolveInRoot(DiagnosticEngine& diagnostics, SourceRange at,
                                         std::string_view path);

}  // namespace weft
