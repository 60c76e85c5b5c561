#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "compiler/check/check.h"
#include "compiler/diagnostics/diagnostics.h"
#include "compiler/syntax/parse.h"

namespace weft {

// The result of reading, parsing and checking a set of .map files. The sources outlive the
// diagnostics and the program that point into them.
struct Frontend {
  SourceManager sources;
  DiagnosticEngine diagnostics{sources};
  check::CheckedProgram program;
  // The files named on the command line that could not be read: an I/O problem of the command
  // line, unlike an unreadable import, which is a mistake in the importing file.
  size_t unreadable_inputs = 0;
};

// The settings of loading and checking that the command line can change.
struct FrontendOptions {
  // The directory that every path named in a .map file must resolve inside. Empty means the
  // directory of the first file loaded.
  std::string root;
  // The bracket nesting that the parser allows; see syntax::Parse.
  int max_nesting = syntax::kDefaultMaxNesting;
  check::TableLimits tables;
};

// Mapping files are small; a larger one is almost certainly the wrong file, such as a data dump.
constexpr uintmax_t kMaxMapFileBytes = 16 * 1024 * 1024;

// Reads a .map file of at most kMaxMapFileBytes. Returns false with `error` set to the reason,
// with a hint when the path is a directory.
bool ReadMapFile(const std::string& path, std::string& text, std::string& error);

// Reads, parses and checks `paths` together, as one program. An unreadable file is reported as
// a diagnostic like any other mistake. The files in `paths` are read wherever they are, and the
// paths that they name must stay inside the project root.
std::unique_ptr<Frontend> LoadAndCheck(const std::vector<std::string>& paths,
                                       const FrontendOptions& options = {});

// Parses and checks text that is already in memory, under the name `path`; used by tests.
std::unique_ptr<Frontend> CheckText(const std::string& path, const std::string& text,
                                    const FrontendOptions& options = {});

// A .map file held in memory, with the path that names it in diagnostics.
struct MemoryFile {
  std::string path;
  std::string text;
};

// Parses and checks in-memory files together, as one program. An import finds an in-memory file
// by its resolved path first, and reads the disk only when none matches.
std::unique_ptr<Frontend> CheckTexts(const std::vector<MemoryFile>& files,
                                     const FrontendOptions& options = {});

}  // namespace weft
