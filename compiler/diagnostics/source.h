#pragma once

#include <cstdint>
#include <deque>
#include <string>
#include <string_view>
#include <vector>

namespace weft {

// Index of a file in a SourceManager.
using FileId = uint32_t;

// A half-open byte range [begin, end) in one source file.
struct SourceRange {
  FileId file = 0;
  uint32_t begin = 0;
  uint32_t end = 0;
};

// A 1-based line and column; the column counts bytes, as compilers conventionally do.
struct LineColumn {
  uint32_t line = 1;
  uint32_t column = 1;
};

// One loaded .map file with its line table.
class SourceFile {
 public:
  SourceFile(std::string path, std::string text);

  const std::string& path() const { return path_; }
  const std::string& text() const { return text_; }
  LineColumn Locate(uint32_t offset) const;
  // Like Locate, with the column counted in code points, as SARIF and editors count it.
  LineColumn LocateCodePoints(uint32_t offset) const;
  // The text of a 1-based line, without its line break.
  std::string_view Line(uint32_t line) const;

 private:
  std::string path_;
  std::string text_;
  std::vector<uint32_t> line_starts_;
};

// Owns every source file of a compilation so that ranges stay valid while diagnostics are shown.
class SourceManager {
 public:
  FileId Add(std::string path, std::string text);
  const SourceFile& Get(FileId id) const { return files_.at(id); }
  size_t size() const { return files_.size(); }
  // The project root: an absolute path with links resolved, which every path named in a .map
  // file must stay inside (see ResolveInRoot). Empty means the current directory.
  const std::string& root() const { return root_; }
  void set_root(std::string root) { root_ = std::move(root); }

 private:
  // A deque, so that adding a file (an imported schema during checking) keeps references to the
  // others valid.
  std::deque<SourceFile> files_;
  std::string root_;
};

// Reads a whole file that a compilation uses (a .map file, a schema document, a table file) into
// `text`. Returns false with `error` set to the reason, such as "it is a directory" or "it is
// larger than 16 MB", for a path that is no readable regular file of at most `max_bytes`.
bool ReadSourceFile(const std::string& path, uintmax_t max_bytes, std::string& text,
                    std::string& error);

}  // namespace weft
