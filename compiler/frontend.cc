#include "compiler/frontend.h"

#include <fmt/format.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "compiler/diagnostics/project_root.h"
#include "compiler/syntax/parse.h"

namespace weft {
namespace {

// Returns the absolute path with existing links resolved, the key of a loaded file. The
// error_code overloads keep std::filesystem from throwing on the empty path, its own key then.
std::string CanonicalKey(const std::string& path) {
  std::error_code error;
  std::filesystem::path absolute = std::filesystem::absolute(path, error);
  if (error) return path;
  std::filesystem::path canonical = std::filesystem::weakly_canonical(absolute, error);
  return error ? absolute.string() : canonical.string();
}

// Reads and parses the files of one program: the files named on the command line and every file
// they import, each once, however it is named.
class ProgramLoader {
 public:
  ProgramLoader(Frontend& frontend, const FrontendOptions& options)
      : frontend_(frontend), options_(options) {}

  // Loads a file named on the command line.
  void LoadRoot(const std::string& path) {
    std::string text, error;
    if (IsSeen(path)) return;
    if (!ReadMapFile(path, text, error)) {
      ++frontend_.unreadable_inputs;
      FileId placeholder = frontend_.sources.Add(path, "");
      frontend_.diagnostics
          .Report(DiagnosticKind::FileNotReadable, {placeholder, 0, 0},
                  fmt::format("cannot read `{}`: {}", path, error))
          .hint = "check the path and the file's permissions";
      return;
    }
    AddText(path, std::move(text));
  }

  // Makes `file` the text of its path for imports, ahead of the disk.
  void AddMemoryFile(const MemoryFile& file) { memory_files_[CanonicalKey(file.path)] = &file; }

  // Loads an in-memory file unless an import loaded it already.
  void LoadMemoryRoot(const MemoryFile& file) {
    if (!IsSeen(file.path)) AddText(file.path, file.text);
  }

  // Parses text that is already in memory under the name `path`.
  void AddText(const std::string& path, std::string text) {
    FileId file = frontend_.sources.Add(path, std::move(text));
    parsed_.push_back(syntax::Parse(file, frontend_.diagnostics, options_.max_nesting));
    LoadImports(*parsed_.back());
  }

  std::vector<std::unique_ptr<ast::File>> TakeFiles() { return std::move(parsed_); }

 private:
  // Returns true when the file was loaded already, and remembers it otherwise. The same file
  // named twice (or through a link) is read once, not declared twice.
  bool IsSeen(const std::string& path) {
    std::string key = CanonicalKey(path);
    if (seen_.count(key) > 0) return true;
    seen_.emplace(key, static_cast<FileId>(frontend_.sources.size()));
    return false;
  }

  FileId SeenFile(const std::string& path) const { return seen_.at(CanonicalKey(path)); }

  bool ReadImport(const std::string& path, std::string& text, std::string& error) const {
    auto memory = memory_files_.find(CanonicalKey(path));
    if (memory == memory_files_.end()) return ReadMapFile(path, text, error);
    text = memory->second->text;
    return true;
  }

  // Loads the files that `file` imports; paths are relative to the importing file.
  void LoadImports(ast::File& file) {
    for (ast::ImportDecl& decl : file.imports) {
      // Error recovery leaves an empty path after a bare `import`, and `import ""` is one too.
      if (decl.path.empty()) {
        frontend_.diagnostics
            .Report(DiagnosticKind::FileNotReadable, decl.range, "the import path is empty")
            .hint = "name a .map file, relative to the file that imports it";
        continue;
      }
      std::optional<std::string> resolved =
          ResolveInRoot(frontend_.diagnostics, decl.range, decl.path);
      if (!resolved) continue;
      const std::string& path = *resolved;
      if (IsSeen(path)) {
        decl.file = SeenFile(path);
        continue;
      }
      std::string text, error;
      if (!ReadImport(path, text, error)) {
        seen_.erase(CanonicalKey(path));
        frontend_.diagnostics
            .Report(DiagnosticKind::FileNotReadable, decl.range,
                    fmt::format("cannot read imported file `{}`: {}", path, error))
            .hint = "import paths are relative to the file that imports them";
        continue;
      }
      decl.file = static_cast<FileId>(frontend_.sources.size());
      AddText(path, std::move(text));
    }
  }

  Frontend& frontend_;
  const FrontendOptions& options_;
  std::vector<std::unique_ptr<ast::File>> parsed_;
  // Each loaded file's canonical path and id.
  std::map<std::string, FileId> seen_;
  // The in-memory files by canonical path; they outlive the loader.
  std::map<std::string, const MemoryFile*> memory_files_;
};

// Sets the project root: the one of `options`, or else the directory of the first file.
void SetRoot(Frontend& frontend, const std::string& first_path, const FrontendOptions& options) {
  std::string directory = options.root;
  if (directory.empty()) directory = std::filesystem::path(first_path).parent_path().string();
  frontend.sources.set_root(CanonicalRoot(directory));
}

void CheckLoaded(Frontend& frontend, std::vector<std::unique_ptr<ast::File>> parsed,
                 const check::TableLimits& table_limits) {
  // Checking a tree that error recovery patched up mostly reports the same mistakes again, so
  // the checker runs only on files that parsed cleanly.
  if (frontend.diagnostics.HasErrors()) {
    frontend.program.files = std::move(parsed);
    return;
  }
  frontend.program =
      check::Check(std::move(parsed), frontend.sources, frontend.diagnostics, table_limits);
}

}  // namespace

bool ReadMapFile(const std::string& path, std::string& text, std::string& error) {
  if (ReadSourceFile(path, kMaxMapFileBytes, text, error)) return true;
  // Naming a folder of .map files is a common slip on the command line.
  std::error_code status_error;
  if (std::filesystem::is_directory(path, status_error)) error += "; pass the .map files in it";
  return false;
}

std::unique_ptr<Frontend> LoadAndCheck(const std::vector<std::string>& paths,
                                       const FrontendOptions& options) {
  auto frontend = std::make_unique<Frontend>();
  SetRoot(*frontend, paths.empty() ? "" : paths.front(), options);
  ProgramLoader loader(*frontend, options);
  for (const std::string& path : paths) loader.LoadRoot(path);
  CheckLoaded(*frontend, loader.TakeFiles(), options.tables);
  return frontend;
}

std::unique_ptr<Frontend> CheckText(const std::string& path, const std::string& text,
                                    const FrontendOptions& options) {
  auto frontend = std::make_unique<Frontend>();
  SetRoot(*frontend, path, options);
  ProgramLoader loader(*frontend, options);
  loader.AddText(path, text);
  CheckLoaded(*frontend, loader.TakeFiles(), options.tables);
  return frontend;
}

std::unique_ptr<Frontend> CheckTexts(const std::vector<MemoryFile>& files,
                                     const FrontendOptions& options) {
  auto frontend = std::make_unique<Frontend>();
  SetRoot(*frontend, files.empty() ? "" : files.front().path, options);
  ProgramLoader loader(*frontend, options);
  for (const MemoryFile& file : files) loader.AddMemoryFile(file);
  for (const MemoryFile& file : files) loader.LoadMemoryRoot(file);
  CheckLoaded(*frontend, loader.TakeFiles(), options.tables);
  return frontend;
}

}  // namespace weft
