#include "compiler/frontend.h"

#include <fmt/format.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

#include "compiler/syntax/parse.h"

namespace weft {
namespace {

bool ReadFile(const std::string& path, std::string& text, std::string& error) {
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
  frontend.program = check::Check(std::move(parsed), frontend.diagnostics);
}

}  // namespace

std::unique_ptr<Frontend> LoadAndCheck(const std::vector<std::string>& paths) {
  auto frontend = std::make_unique<Frontend>();
  std::vector<FileId> files;
  for (const std::string& path : paths) {
    std::string text, error;
    if (!ReadFile(path, text, error)) {
      FileId placeholder = frontend->sources.Add(path, "");
      frontend->diagnostics.Report(DiagnosticKind::FileNotReadable, {placeholder, 0, 0},
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
