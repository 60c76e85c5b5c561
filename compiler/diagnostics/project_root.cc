#include "compiler/diagnostics/project_root.h"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>

namespace weft {
namespace {

namespace fs = std::filesystem;

// Returns the absolute path with the links of its existing part resolved and the rest
// normalized. The error_code overloads keep std::filesystem from throwing on odd paths.
fs::path RealPath(const fs::path& path) {
  std::error_code error;
  fs::path absolute = fs::absolute(path, error);
  if (error) return path.lexically_normal();
  fs::path real = fs::weakly_canonical(absolute, error);
  real = error ? absolute.lexically_normal() : real;
  // A trailing separator would add an empty last component and break the prefix test.
  if (real.has_relative_path() && real.filename().empty()) real = real.parent_path();
  return real;
}

// True when `path` is `root` or below it, compared component by component, so that `/ab` is not
// taken to be inside `/a`.
bool IsInside(const fs::path& path, const fs::path& root) {
  auto [root_end, path_end] = std::mismatch(root.begin(), root.end(), path.begin(), path.end());
  return root_end == root.end();
}

// The path as a message shows it: relative to the current directory when it is below it or when
// `relative` is set, otherwise absolute. Messages then do not depend on where a project is checked
// out, and an absolute path that a .map file names stays absolute.
std::string Shown(const fs::path& path, bool relative) {
  std::error_code error;
  fs::path current = fs::current_path(error);
  if (error) return path.string();
  current = RealPath(current);
  if (!relative && !IsInside(path, current)) return path.string();
  fs::path shown = path.lexically_relative(current);
  return shown.empty() ? "." : shown.string();
}

}  // namespace

std::string CanonicalRoot(const std::string& directory) {
  return RealPath(directory.empty() ? fs::path(".") : fs::path(directory)).string();
}

std::string CanonicalPath(const std::string& path) { return RealPath(path).string(); }

std::optional<std::string> ResolveInRoot(DiagnosticEngine& diagnostics, SourceRange at,
                                         std::string_view path) {
  const SourceManager& sources = diagnostics.sources();
  fs::path folder = fs::path(sources.Get(at.file).path()).parent_path();
  fs::path resolved = (folder / path).lexically_normal();
  fs::path root = sources.root().empty() ? RealPath(".") : fs::path(sources.root());
  fs::path real = RealPath(resolved);
  if (IsInside(real, root)) return resolved.string();

  // The real path is named only when it differs from the written one, as through `..` or a link.
  std::string shown_real = Shown(real, fs::path(path).is_relative());
  std::string where =
      shown_real == path ? "" : fmt::format(" resolves to `{}`, which", shown_real);
  diagnostics
      .Report(DiagnosticKind::PathOutsideRoot, at,
              fmt::format("`{}`{} is outside the project root `{}`", path, where,
                          Shown(root, false)))
      .hint =
      "a .map file may name only files inside the project root; to allow this one, pass "
      "`--root DIR` with a directory that contains it";
  return std::nullopt;
}

}  // namespace weft
