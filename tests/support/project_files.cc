#include "tests/support/project_files.h"

#include <fstream>
#include <sstream>

namespace weft::testing {

namespace fs = std::filesystem;

std::string ReadText(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

std::string GoldenInput(const std::string& text) {
  constexpr std::string_view kInput = "// INPUT:";
  std::string input;
  std::istringstream lines(text);
  for (std::string line; std::getline(lines, line);) {
    if (!line.starts_with(kInput)) continue;
    std::string rest = line.substr(kInput.size());
    if (!rest.empty() && rest.front() == ' ') rest.erase(0, 1);
    input += rest + '\n';
  }
  return input;
}

std::vector<fs::path> ProjectMapFiles(const fs::path& source_dir) {
  std::vector<fs::path> files;
  for (const char* folder : {"tests/golden", "examples"}) {
    for (const auto& entry : fs::recursive_directory_iterator(source_dir / folder)) {
      if (entry.is_regular_file() && entry.path().extension() == ".map") files.push_back(entry);
    }
  }
  return files;
}

}  // namespace weft::testing
