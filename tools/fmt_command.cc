#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <iostream>

#include "compiler/format/format.h"
#include "compiler/frontend.h"
#include "tools/commands.h"
#include "tools/report.h"

namespace weft::tools {
namespace {

// Gives the open file `fd` the permissions of `path` and writes `text` to it durably. Returns ""
// or the reason it failed.
std::string WriteWithPermissionsOf(int fd, const std::string& path, const std::string& text) {
  struct stat original {};
  if (::stat(path.c_str(), &original) != 0 || ::fchmod(fd, original.st_mode & 07777) != 0) {
    return std::strerror(errno);
  }
  for (size_t done = 0; done < text.size();) {
    ssize_t count = ::write(fd, text.data() + done, text.size() - done);
    if (count < 0 && errno == EINTR) continue;
    if (count <= 0) return std::strerror(errno);
    done += static_cast<size_t>(count);
  }
  return ::fsync(fd) == 0 ? "" : std::strerror(errno);
}

// Writes `text` to a temporary file next to `path` and renames it over `path`, so that the file
// is never seen half-written. Returns "" or the reason it failed, leaving `path` as it was.
// A symbolic link is followed, so that the file it names is rewritten and the link stays.
std::string ReplaceFile(const std::string& link, const std::string& text) {
  std::error_code error;
  std::filesystem::path resolved = std::filesystem::canonical(link, error);
  std::string path = error ? link : resolved.string();
  std::string temporary = path + ".weft-fmt-XXXXXX";
  int fd = ::mkstemp(temporary.data());
  if (fd < 0) return std::strerror(errno);

  std::string failure = WriteWithPermissionsOf(fd, path, text);
  if (::close(fd) != 0 && failure.empty()) failure = std::strerror(errno);
  if (failure.empty() && ::rename(temporary.c_str(), path.c_str()) != 0) {
    failure = std::strerror(errno);
  }
  if (!failure.empty()) ::unlink(temporary.c_str());
  return failure;
}

// The outcome of formatting the files named on the command line, which sets the exit code.
struct FmtSummary {
  bool unreadable = false;
  bool unwritable = false;
  bool unformatted = false;
};

void FormatOne(const std::string& path, const FmtOptions& options, SourceManager& sources,
               DiagnosticEngine& diagnostics, FmtSummary& summary) {
  std::string text, error;
  if (!ReadMapFile(path, text, error)) {
    summary.unreadable = true;
    FileId placeholder = sources.Add(path, "");
    diagnostics
        .Report(DiagnosticKind::FileNotReadable, {placeholder, 0, 0},
                "cannot read `" + path + "`: " + error)
        .hint = "check the path and the file's permissions";
    return;
  }
  FileId file = sources.Add(path, text);
  std::optional<std::string> formatted = format::FormatFile(file, diagnostics);
  if (!formatted) return;

  if (options.check) {
    if (*formatted == text) return;
    summary.unformatted = true;
    std::cout << path << '\n';
  } else if (options.write) {
    if (*formatted == text) return;
    std::string failure = ReplaceFile(path, *formatted);
    if (failure.empty()) return;
    summary.unwritable = true;
    std::cerr << "weft fmt: cannot write `" << path << "`: " << failure
              << "; the file is unchanged\n";
  } else {
    std::cout << *formatted;
  }
}

}  // namespace

int RunFmt(const FmtOptions& options) {
  SourceManager sources;
  DiagnosticEngine diagnostics(sources);
  FmtSummary summary;
  for (const std::string& path : options.files) {
    FormatOne(path, options, sources, diagnostics, summary);
  }
  std::cout.flush();
  ReportDiagnostics(diagnostics, std::cerr);

  if (summary.unreadable || summary.unwritable) return kExitUsage;
  if (diagnostics.HasErrors() || summary.unformatted) return kExitFailure;
  return kExitOk;
}

}  // namespace weft::tools
