#pragma once

#include <string>
#include <string_view>

// The GNU build-id of an ELF file: by default the linker's SHA-1 of the file's contents
// (`ld --build-id`), stored in a note of type NT_GNU_BUILD_ID. Two builds with any difference in
// their code have different ids, whatever their sizes and modification times.
namespace weft::native {

// Returns the build-id in lowercase hex from the notes of one PT_NOTE segment, whose entries are
// aligned to `alignment` bytes (4 or 8, the segment's p_align). Empty when there is none.
std::string FindBuildIdNote(std::string_view notes, size_t alignment);

// Returns the build-id of the ELF image loaded in this process that contains `address`, read from
// its PT_NOTE segments in memory. Empty when no image contains it or the image has no build-id.
std::string BuildIdOfLoadedImage(const void* address);

// Returns the build-id of the 64-bit ELF file at `path`, read from its PT_NOTE segments without
// loading it. Empty when the file cannot be read, is not such an ELF file or has no build-id.
std::string BuildIdOfFile(const std::string& path);

}  // namespace weft::native
