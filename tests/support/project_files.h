#pragma once

#include <filesystem>
#include <string>
#include <vector>

// The .map files of the repository, for tests that run over all of them.
namespace weft::testing {

std::string ReadText(const std::filesystem::path& path);

// Returns the lines that a golden file gives after `// INPUT:`, which its test checks in place of
// the file itself, or "" when it has none.
std::string GoldenInput(const std::string& text);

// Returns every .map file under tests/golden and examples of the source tree `source_dir`.
std::vector<std::filesystem::path> ProjectMapFiles(const std::filesystem::path& source_dir);

}  // namespace weft::testing
