#include "compiler/native/cache_files.h"

#include <dlfcn.h>
#include <unistd.h>

#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

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

}  // namespace

std::string DefaultCacheDirectory() {
  if (const char* explicit_directory = std::getenv("WEFT_CACHE_DIR")) return explicit_directory;
  if (const char* xdg = std::getenv("XDG_CACHE_HOME"); xdg != nullptr && *xdg != '\0')
    return std::string(xdg) + "/weft";
  if (const char* home = std::getenv("HOME"); home != nullptr && *home != '\0')
    return std::string(home) + "/.cache/weft";
  return "";
}

std::string FileIdentity(const std::string& path) {
  std::error_code error;
  auto size = std::filesystem::file_size(path, error);
  if (error) return "unknown";
  auto time = std::filesystem::last_write_time(path, error);
  if (error) return "unknown";
  return path + " " + std::to_string(size) + " " + std::to_string(time.time_since_epoch().count());
}

// dladdr names the main program by its argv[0], which may be relative to another folder, so
// only an absolute path that exists is taken, and /proc/self/exe otherwise.
std::string IdentityOfFileContaining(const void* address) {
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

bool WriteCheckedFile(const std::string& path, std::string_view bytes) {
  std::error_code error;
  std::filesystem::create_directories(std::filesystem::path(path).parent_path(), error);
  if (error) return false;
  std::string temporary = path + ".tmp" + std::to_string(::getpid());
  {
    std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    auto hash = digest::Sha256::Hash(bytes);
    out.write(reinterpret_cast<const char*>(hash.data()), hash.size());
    out.write(kTrailerMarker.data(), static_cast<std::streamsize>(kTrailerMarker.size()));
    if (!out) {
      std::filesystem::remove(temporary, error);
      return false;
    }
  }
  std::filesystem::rename(temporary, path, error);
  if (!error) return true;
  std::filesystem::remove(temporary, error);
  return false;
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
