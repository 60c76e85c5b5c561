#include "compiler/frontend.h"

#include <fmt/format.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "compiler/syntax/parse.h"

namespace weft {
namespace {

// Mapping files are small; a larger one is almost certainly the wrong file, such as a data dump.
constexpr uintmax_t kMaxFileBytes = 16 * 1024 * 1024;

bool ReadFile(const std::string& path, std::string& text, std::string& error) {
  std::error_code status_error;
  std::filesystem::file_status status = std::filesystem::status(path, status_error);
  if (std::filesystem::is_directory(status)) {
    error = "it is a directory; pass the .map files in it";
    return false;
  }
  if (std::filesystem::exists(status) && !std::filesystem::is_regular_file(status)) {
    error = "it is not a regular file";
    return false;
  }
  if (std::filesystem::exists(status) &&
      std::filesystem::file_size(path, status_error) > kMaxFileBytes) {
    error = fmt::format("it is larger than {} MB", kMaxFileBytes / (1024 * 1024));
    return false;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    error = std::strerror(errno);
    return false;
  }
  std::ostringstream buffer;
  buffer << in.rdbuf();
  if (in.bad()) {
    error = "read error";
    return false;
  }
  text = buffer.str();
  return true;
}

void ParseAndCheck(Frontend& frontend, const std::vector<FileId>& files) {
  std::vector<std::unique_ptr<ast::File>> parsed;
  for (FileId file : files) parsed.push_back(syntax::Parse(file, frontend.diagnostics));
  // Checking a tree that error recovery patched up mostly reports the same mistakes again, so
  // the checker runs only on files that parsed cleanly.
  if (frontend.diagnostics.HasErrors()) {
    frontend.program.files = std::move(parsed);
    return;
  }
  frontend.program = check::Check(std::move(parsed), frontend.sources, frontend.diagnostics);
}

}  // namespace

std::unique_ptr<Frontend> LoadAndCheck(const std::vector<std::string>& paths) {
  auto frontend = std::make_unique<Frontend>();
  std::vector<FileId> files;
  std::vector<std::filesystem::path> seen;
  for (const std::string& path : paths) {
    // The same file named twice (or through a link) is read once, not declared twice.
    std::error_code canonical_error;
    std::filesystem::path canonical =
        std::filesystem::weakly_canonical(std::filesystem::absolute(path), canonical_error);
    if (std::find(seen.begin(), seen.end(), canonical) != seen.end()) continue;
    seen.push_back(canonical);

    std::string text, error;
    if (!ReadFile(path, text, error)) {
      FileId placeholder = frontend->sources.Add(path, "");
      frontend->diagnostics
          .Report(DiagnosticKind::FileNotReadable, {placeholder, 0, 0},
                  fmt::format("cannot read `{}`: {}", path, error))
          .hint = "check the path and the file's permissions";
      continue;
    }
    files.push_back(frontend->sources.Add(path, std::move(text)));
  }
  ParseAndCheck(*frontend, files);
  return frontend;
}

std::unique_ptr<Frontend> CheckText(const std::string& path, const std::string& text) {
  auto frontend = std::make_unique<Frontend>();
  ParseAndCheck(*frontend, {frontend->sources.Add(path, text)});
  return frontend;
}

}  // namespace weft
