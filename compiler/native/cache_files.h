#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <system_error>

namespace weft::native {

// The cache directory used when none is given: $WEFT_CACHE_DIR, else $XDG_CACHE_HOME/weft, else
// ~/.cache/weft. A variable that is empty counts as unset, and so does a relative
// XDG_CACHE_HOME. Empty when none of these can be formed.
std::string DefaultCacheDirectory();

// The identity of the build in an ELF file: its GNU build-id, which changes with any change to
// its code. A file without one is named by its path, size and modification time, which a
// rebuild usually changes. "unknown" when the file cannot be read.
std::string FileIdentity(const std::string& path);

// The identity (FileIdentity) of the loaded image whose code contains `address`: a shared
// library, or the running program. The build-id is read from the image in memory, so a file
// replaced on disk after it was loaded does not change it.
std::string IdentityOfFileContaining(const void* address);

// Writes `bytes`, then their SHA-256 and a marker, to `path`, creating its directory. The whole
// file is written under a temporary name in the folder `.weft-partial` of that directory and then
// renamed, so that processes sharing the directory never read half a file and a failed write
// leaves `path` as it was. Returns false with `error` set to the OS error when the file cannot be
// written completely. Each call first calls RemoveStaleTemporaries for the directory.
bool WriteCheckedFile(const std::string& path, std::string_view bytes, std::error_code& error);

// Removes the temporary files that WriteCheckedFile left in the `.weft-partial` folder of
// `directory` over an hour ago: those of a process stopped between writing and renaming one,
// such as a killed one. Only regular files with the names that WriteCheckedFile gives are removed.
void RemoveStaleTemporaries(const std::string& directory);

// Returns the bytes that WriteCheckedFile wrote to `path`, or nothing when the file is missing,
// cut short, damaged, not in that format, or not a regular file of at most 64 MiB.
std::optional<std::string> ReadCheckedFile(const std::string& path);

}  // namespace weft::native
