#include "tools/output_paths.h"

#include <fmt/format.h>

#include <filesystem>
#include <iostream>

namespace weft::tools {

bool SameFile(const std::string& a, const std::string& b) {
  if (a == "-" || b == "-") return false;
  std::error_code error;
  // Devices such as /dev/null may take both outputs.
  auto is_device = [&](const std::string& path) {
    std::filesystem::file_status status = std::filesystem::status(path, error);
    return std::filesystem::exists(status) && !std::filesystem::is_regular_file(status);
  };
  if (is_device(a) && is_device(b)) return false;
  if (std::filesystem::equivalent(a, b, error)) return true;
  // Files that do not exist yet are compared by their absolute, normalized paths. A path without
  // an absolute form, such as the empty one, fails to open later and is compared as written.
  auto normalized = [&](const std::string& path) {
    std::filesystem::path absolute = std::filesystem::absolute(path, error);
    if (error) return std::filesystem::path(path);
    std::filesystem::path canonical = std::filesystem::weakly_canonical(absolute, error);
    return error ? absolute : canonical;
  };
  return normalized(a) == normalized(b);
}

bool OverwritesMapFile(const std::vector<std::string>& files, const std::string& output,
                       std::string_view option, std::string_view command) {
  // An output must not overwrite a .map file of the command, which would lose the mapping.
  for (const std::string& file : files) {
    if (!SameFile(file, output)) continue;
    std::cerr << fmt::format(
        "{}: {} names `{}`, a .map file of this command; write the output elsewhere\n", command,
        option, file);
    return true;
  }
  return false;
}

bool OverwritesProgramFile(const Frontend& frontend, const std::string& output,
                           std::string_view option, std::string_view command) {
  std::vector<std::string> inputs;
  for (size_t id = 0; id < frontend.sources.size(); ++id)
    inputs.push_back(frontend.sources.Get(static_cast<FileId>(id)).path());
  for (const check::CheckedTest& test : frontend.program.tests) {
    if (test.given_file) inputs.push_back(test.given);
    if (!test.expected_file.empty()) inputs.push_back(test.expected_file);
  }
  for (const std::string& input : inputs) {
    if (input.empty() || !SameFile(input, output)) continue;
    std::cerr << fmt::format(
        "{}: {} names `{}`, which the program is read from; write the output elsewhere\n",
        command, option, input);
    return true;
  }
  return false;
}

}  // namespace weft::tools
