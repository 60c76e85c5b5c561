#include "tools/doc/source_text.h"

#include <fmt/format.h>

#include <string_view>
#include <vector>

namespace weft::doc {
namespace {

size_t LeadingSpaces(std::string_view line) {
  size_t count = 0;
  while (count < line.size() && (line[count] == ' ' || line[count] == '\t')) ++count;
  return count;
}

std::string_view TrimRight(std::string_view text) {
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t' || text.back() == '\r'))
    text.remove_suffix(1);
  return text;
}

}  // namespace

std::string SourceText(const SourceManager& sources, SourceRange range) {
  const SourceFile& file = sources.Get(range.file);
  std::string_view text = file.text();
  if (range.begin > range.end || range.end > text.size()) return "";
  std::string_view excerpt = text.substr(range.begin, range.end - range.begin);
  size_t indent = LeadingSpaces(file.Line(file.Locate(range.begin).line));

  std::string result;
  size_t start = 0;
  for (bool first = true;; first = false) {
    size_t end = excerpt.find('\n', start);
    std::string_view line =
        excerpt.substr(start, end == std::string_view::npos ? end : end - start);
    if (!first) {
      result += '\n';
      line.remove_prefix(std::min(indent, LeadingSpaces(line)));
    }
    result += TrimRight(line);
    if (end == std::string_view::npos) break;
    start = end + 1;
  }
  return result;
}

std::string CommentAbove(const SourceManager& sources, SourceRange range) {
  const SourceFile& file = sources.Get(range.file);
  std::vector<std::string_view> comments;
  for (uint32_t line = file.Locate(range.begin).line; line > 1; --line) {
    std::string_view text = TrimRight(file.Line(line - 1));
    text.remove_prefix(LeadingSpaces(text));
    if (!text.starts_with("//")) break;
    text.remove_prefix(2);
    text.remove_prefix(LeadingSpaces(text));
    comments.insert(comments.begin(), text);
  }
  std::string joined;
  for (std::string_view comment : comments) {
    if (comment.empty()) continue;
    if (!joined.empty()) joined += ' ';
    joined += comment;
  }
  return joined;
}

std::string Location(const SourceManager& sources, SourceRange range) {
  const SourceFile& file = sources.Get(range.file);
  return fmt::format("{}, line {}", file.path(), file.Locate(range.begin).line);
}

}  // namespace weft::doc
