#include "tester/report.h"

#include <fmt/format.h>

#include <algorithm>

namespace weft::tester {

std::string Place(const SourceManager& sources, SourceRange range) {
  const SourceFile& file = sources.Get(range.file);
  return fmt::format("{}:{}", file.path(), file.Locate(range.begin).line);
}

std::string PlaceWithColumn(const SourceManager& sources, SourceRange range) {
  const SourceFile& file = sources.Get(range.file);
  LineColumn position = file.Locate(range.begin);
  return fmt::format("{}:{}:{}", file.path(), position.line, position.column);
}

std::string FailureText(const SourceManager& sources, const TestResult& result) {
  std::string text = result.failure;
  if (result.differences.empty()) return text;
  if (!text.empty()) text += '\n';
  std::vector<std::string> paths;
  for (const FieldDifference& difference : result.differences) paths.push_back(difference.path);
  text += fmt::format("{} {}: {}", paths.size(),
                      paths.size() == 1 ? "field differs" : "fields differ",
                      fmt::join(paths, ", "));

  size_t path_width = 5, expected_width = 8, actual_width = 6;
  for (const FieldDifference& difference : result.differences) {
    path_width = std::max(path_width, difference.path.size());
    expected_width = std::max(expected_width, difference.expected.size());
    actual_width = std::max(actual_width, difference.actual.size());
  }
  text += fmt::format("\n  {:<{}}  {:<{}}  {}", "field", path_width, "expected", expected_width,
                      "actual");
  for (const FieldDifference& difference : result.differences) {
    std::string where =
        difference.range ? fmt::format("  ({})", PlaceWithColumn(sources, *difference.range)) : "";
    std::string line = fmt::format("  {:<{}}  {:<{}}  {:<{}}{}", difference.path, path_width,
                                   difference.expected, expected_width, difference.actual,
                                   actual_width, where);
    text += '\n' + line.substr(0, line.find_last_not_of(' ') + 1);
  }
  return text;
}

}  // namespace weft::tester
