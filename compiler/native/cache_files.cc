#include "compiler/native/cache_files.h"

#include <dlfcn.h>
#include <fcntl.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <exception>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>

#include "compiler/native/build_id.h"
#include "stdlib/digest.h"

namespace weft::native {
namespace {

// The largest cache file that is read. A rule's object code takes kilobytes, and tables are bound
// by name, not compiled in, so only a file that is not Weft's comes near it.
constexpr uintmax_t kMaxCacheFileBytes = 64 << 20;

// A cache file is its contents, then the SHA-256 of the contents, then this marker. A file cut
// short, overwritten or damaged on disk fails the check, because loading damaged object code can
// crash the process or change its results.
constexpr std::string_view kTrailerMarker = "WEFTOBJ1";

// The value of the environment variable `name`, empty when it is unset.
std::string EnvironmentValue(const char* name) {
  const char* value = std::getenv(name);
  return value != nullptr ? value : "";
}

std::error_code LastError() { return std::error_code(errno, std::generic_category()); }

// Writes all of `bytes` to `fd`, going on after short writes.
bool WriteAll(int fd, std::string_view bytes, std::error_code& error) {
  while (!bytes.empty()) {
    ssize_t written = ::write(fd, bytes.data(), bytes.size());
    if (written < 0 && errno == EINTR) continue;
    if (written < 0) {
      error = LastError();
      return false;
    }
    bytes.remove_prefix(static_cast<size_t>(written));
  }
  return true;
}

// The folder, inside the directory of the files written, where WriteCheckedFile writes them
// before it renames them into place. Nothing else writes there, so RemoveStaleTemporaries looks
// only there, away from the files that a user keeps in a directory given as the cache.
constexpr std::string_view kPartialFolder = ".weft-partial";

// 64 random bits of this process, so that temporary names differ between machines that share a
// directory and between processes that have the same id in different PID namespaces.
uint64_t ProcessNonce() {
  static const uint64_t nonce = []() -> uint64_t {
    try {
      std::random_device device;
      return (static_cast<uint64_t>(device()) << 32) ^ device();
    } catch (const std::exception&) {
      // Without a source of randomness the clock is used, because the bits only need to differ.
      return static_cast<uint64_t>(std::chrono::steady_clock::now().time_since_epoch().count());
    }
  }();
  return nonce;
}

// A name in `folder` for writing the file `path` that no other thread or process writes at the
// same time: the file's name, the process id, the process's random bits in hex and a count, then
// `.tmp`.
std::string TemporaryPath(const std::filesystem::path& folder, const std::filesystem::path& path) {
  static std::atomic<unsigned> count{0};
  char nonce[17];
  std::snprintf(nonce, sizeof(nonce), "%016llx", static_cast<unsigned long long>(ProcessNonce()));
  std::string name = path.filename().string() + "." + std::to_string(::getpid()) + "-" + nonce +
                     "-" + std::to_string(count++) + ".tmp";
  return (folder / name).string();
}

// Returns whether the partial folder of `directory` is a folder of its own, not a link or another
// kind of file, after making it when it is missing. It gets the directory's permissions, so that
// every user who may write in a cache shared by a group may write in it too.
bool MakePartialFolder(const std::filesystem::path& directory) {
  std::filesystem::path partial = directory / kPartialFolder;
  std::error_code error;
  if (std::filesystem::create_directory(partial, error)) {
    std::filesystem::perms mode = std::filesystem::status(directory, error).permissions();
    if (!error) std::filesystem::permissions(partial, mode, error);
  }
  return std::filesystem::is_directory(std::filesystem::symlink_status(partial, error));
}

// How old a temporary file must be before it counts as left behind. Writing one takes
// milliseconds, so an hour leaves room for a slow disk and for clocks that differ a little
// between the machines that share a directory.
constexpr std::chrono::hours kStaleTemporaryAge{1};

// True for a name that TemporaryPath makes: `.`, digits, `-`, 16 hex digits, `-`, digits and
// `.tmp` at its end.
bool IsTemporaryName(std::string_view name) {
  auto take = [&name](std::string_view digits, size_t exactly, char before) {
    size_t at = name.find_last_not_of(digits);
    size_t count = name.size() - (at == std::string_view::npos ? 0 : at + 1);
    if (count == 0 || (exactly != 0 && count != exactly) || at == std::string_view::npos ||
        name[at] != before) {
      return false;
    }
    name = name.substr(0, at);
    return true;
  };
  if (!name.ends_with(".tmp")) return false;
  name.remove_suffix(4);
  return take("0123456789", 0, '-') && take("0123456789abcdef", 16, '-') &&
         take("0123456789", 0, '.') && !name.empty();
}

// Creates the file `path` with `bytes` and their trailer, and sets `created` once the file is
// this call's. Some file systems, NFS among them, report a failed write only when the file is
// closed, so the result of close counts too.
bool WriteNewFile(const std::string& path, std::string_view bytes, bool& created,
                  std::error_code& error) {
  int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
  if (fd < 0) {
    error = LastError();
    return false;
  }
  created = true;
  auto hash = digest::Sha256::Hash(bytes);
  std::string_view hash_bytes(reinterpret_cast<const char*>(hash.data()), hash.size());
  bool written = WriteAll(fd, bytes, error) && WriteAll(fd, hash_bytes, error) &&
                 WriteAll(fd, kTrailerMarker, error);
  if (::close(fd) != 0 && written) {
    error = LastError();
    written = false;
  }
  return written;
}

// Writes `bytes` to `temporary` and renames it to `path`.
bool WriteAndRename(const std::string& temporary, const std::string& path, std::string_view bytes,
                    std::error_code& error) {
  bool created = false;
  if (WriteNewFile(temporary, bytes, created, error)) {
    std::filesystem::rename(temporary, path, error);
    if (!error) return true;
  }
  // A file that another process created under the same name stays.
  std::error_code ignored;
  if (created) std::filesystem::remove(temporary, ignored);
  return false;
}

}  // namespace

// An empty variable counts as unset, as the XDG Base Directory Specification has it for its own
// variables, so that `WEFT_CACHE_DIR=` in a job's environment does not turn the cache off. The
// specification also requires absolute paths, and implementations ignore a relative one.
std::string DefaultCacheDirectory() {
  std::string explicit_directory = EnvironmentValue("WEFT_CACHE_DIR");
  if (!explicit_directory.empty()) return explicit_directory;
  std::string xdg = EnvironmentValue("XDG_CACHE_HOME");
  if (xdg.starts_with('/')) return xdg + "/weft";
  std::string home = EnvironmentValue("HOME");
  if (!home.empty()) return home + "/.cache/weft";
  return "";
}

// Both identities start with what they are made of, so that a build-id never equals a path.
std::string FileIdentity(const std::string& path) {
  std::string build_id = BuildIdOfFile(path);
  if (!build_id.empty()) return "build-id " + build_id;
  std::error_code error;
  auto size = std::filesystem::file_size(path, error);
  if (error) return "unknown";
  auto time = std::filesystem::last_write_time(path, error);
  if (error) return "unknown";
  return "file " + path + " " + std::to_string(size) + " " +
         std::to_string(time.time_since_epoch().count());
}

// dladdr names the main program by its argv[0], which may be relative to another folder, so
// only an absolute path that exists is taken, and /proc/self/exe otherwise.
std::string IdentityOfFileContaining(const void* address) {
  std::string build_id = BuildIdOfLoadedImage(address);
  if (!build_id.empty()) return "build-id " + build_id;
  Dl_info info;
  std::error_code error;
  if (dladdr(address, &info) != 0 && info.dli_fname != nullptr) {
    std::filesystem::path file(info.dli_fname);
    if (file.is_absolute() && std::filesystem::is_regular_file(file, error))
      return FileIdentity(file.string());
  }
  std::filesystem::path program = std::filesystem::read_symlink("/proc/self/exe", error);
  if (error) return "unknown";
  return FileIdentity(program.string());
}

void RemoveStaleTemporaries(const std::string& directory) {
  std::error_code error;
  auto now = std::filesystem::file_time_type::clock::now();
  std::filesystem::path partial = std::filesystem::path(directory) / kPartialFolder;
  // Through a link, the files would be another folder's.
  if (!std::filesystem::is_directory(std::filesystem::symlink_status(partial, error))) return;
  for (std::filesystem::directory_iterator it(partial, error), end; !error && it != end;
       it.increment(error)) {
    if (!IsTemporaryName(it->path().filename().string())) continue;
    // A link is left alone, because its target's time is not the link's.
    std::error_code ignored;
    if (!std::filesystem::is_regular_file(it->symlink_status(ignored))) continue;
    auto written = std::filesystem::last_write_time(it->path(), ignored);
    if (!ignored && now - written > kStaleTemporaryAge)
      std::filesystem::remove(it->path(), ignored);
  }
}

bool WriteCheckedFile(const std::string& path, std::string_view bytes, std::error_code& error) {
  error.clear();
  std::filesystem::path directory = std::filesystem::path(path).parent_path();
  std::filesystem::create_directories(directory, error);
  if (error) return false;
  // The partial folder holds only files being written, and those that stopped processes left.
  if (MakePartialFolder(directory)) {
    RemoveStaleTemporaries(directory.string());
    if (WriteAndRename(TemporaryPath(directory / kPartialFolder, path), path, bytes, error))
      return true;
  }
  // When the partial folder cannot be used or the write there fails, as in a folder that another
  // user made unwritable for this one, the file is written beside its final name instead.
  error.clear();
  return WriteAndRename(TemporaryPath(directory, path), path, bytes, error);
}

std::optional<std::string> ReadCheckedFile(const std::string& path) {
  // Only a regular file of a bounded size is read: a FIFO put in the cache would block the run,
  // and a link to /dev/zero would fill the memory.
  std::error_code error;
  if (!std::filesystem::is_regular_file(path, error)) return std::nullopt;
  uintmax_t bytes = std::filesystem::file_size(path, error);
  if (error || bytes > kMaxCacheFileBytes) return std::nullopt;
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream contents;
  contents << in.rdbuf();
  std::string file = std::move(contents).str();

  size_t trailer = digest::Sha256::kSize + kTrailerMarker.size();
  if (file.size() <= trailer || !std::string_view(file).ends_with(kTrailerMarker))
    return std::nullopt;
  size_t size = file.size() - trailer;
  auto hash = digest::Sha256::Hash(std::string_view(file).substr(0, size));
  if (std::memcmp(hash.data(), file.data() + size, hash.size()) != 0) return std::nullopt;
  file.resize(size);
  return file;
}

}  // namespace weft::native
