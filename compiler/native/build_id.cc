#include "compiler/native/build_id.h"

#include <elf.h>
#include <fcntl.h>
#include <link.h>
#include <unistd.h>

#include <cerrno>
#include <cstdint>
#include <cstring>
#include <string>
#include <vector>

namespace weft::native {
namespace {

// The maximum size of the program headers, and of one note segment, read from a file. A build-id
// note takes 36 bytes, and linkers write a few notes and about a dozen program headers.
constexpr size_t kMaxReadBytes = 64 * 1024;

constexpr std::string_view kGnuNoteName("GNU\0", 4);

std::string Hex(std::string_view bytes) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string hex;
  for (unsigned char byte : bytes) {
    hex += kDigits[byte >> 4];
    hex += kDigits[byte & 0xf];
  }
  return hex;
}

size_t AlignUp(size_t value, size_t alignment) {
  return (value + alignment - 1) / alignment * alignment;
}

// Reads exactly `size` bytes at `offset` of `fd` into `out`.
bool ReadAt(int fd, uint64_t offset, size_t size, void* out) {
  auto* bytes = static_cast<char*>(out);
  while (size > 0) {
    ssize_t read = ::pread(fd, bytes, size, static_cast<off_t>(offset));
    if (read < 0 && errno == EINTR) continue;
    if (read <= 0) return false;
    bytes += read;
    offset += static_cast<uint64_t>(read);
    size -= static_cast<size_t>(read);
  }
  return true;
}

bool IsElf64OfThisHost(const Elf64_Ehdr& header) {
  constexpr unsigned char kHostData =
      __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__ ? ELFDATA2LSB : ELFDATA2MSB;
  return std::memcmp(header.e_ident, ELFMAG, SELFMAG) == 0 &&
         header.e_ident[EI_CLASS] == ELFCLASS64 && header.e_ident[EI_DATA] == kHostData;
}

std::string BuildIdOfOpenFile(int fd) {
  Elf64_Ehdr header;
  if (!ReadAt(fd, 0, sizeof header, &header) || !IsElf64OfThisHost(header)) return "";
  if (header.e_phentsize != sizeof(Elf64_Phdr) ||
      header.e_phnum * sizeof(Elf64_Phdr) > kMaxReadBytes)
    return "";
  std::vector<Elf64_Phdr> segments(header.e_phnum);
  if (!ReadAt(fd, header.e_phoff, segments.size() * sizeof(Elf64_Phdr), segments.data())) return "";

  for (const Elf64_Phdr& segment : segments) {
    if (segment.p_type != PT_NOTE || segment.p_filesz > kMaxReadBytes) continue;
    std::string notes(segment.p_filesz, '\0');
    if (!ReadAt(fd, segment.p_offset, notes.size(), notes.data())) continue;
    std::string build_id = FindBuildIdNote(notes, segment.p_align);
    if (!build_id.empty()) return build_id;
  }
  return "";
}

bool ImageContains(const dl_phdr_info& image, uintptr_t address) {
  for (int i = 0; i < image.dlpi_phnum; ++i) {
    const ElfW(Phdr)& segment = image.dlpi_phdr[i];
    uintptr_t start = image.dlpi_addr + segment.p_vaddr;
    if (segment.p_type == PT_LOAD && address >= start && address - start < segment.p_memsz)
      return true;
  }
  return false;
}

std::string BuildIdInMemory(const dl_phdr_info& image) {
  for (int i = 0; i < image.dlpi_phnum; ++i) {
    const ElfW(Phdr)& segment = image.dlpi_phdr[i];
    if (segment.p_type != PT_NOTE) continue;
    std::string_view notes(reinterpret_cast<const char*>(image.dlpi_addr + segment.p_vaddr),
                           segment.p_memsz);
    std::string build_id = FindBuildIdNote(notes, segment.p_align);
    if (!build_id.empty()) return build_id;
  }
  return "";
}

struct ImageSearch {
  uintptr_t address;
  std::string build_id;
};

// Checks one loaded image for dl_iterate_phdr, and stops the iteration at the image that contains
// the address.
int SearchImage(dl_phdr_info* image, size_t, void* data) {
  auto* search = static_cast<ImageSearch*>(data);
  if (!ImageContains(*image, search->address)) return 0;
  search->build_id = BuildIdInMemory(*image);
  return 1;
}

}  // namespace

std::string FindBuildIdNote(std::string_view notes, size_t alignment) {
  if (alignment != 8) alignment = 4;
  size_t offset = 0;
  while (offset < notes.size() && notes.size() - offset >= sizeof(Elf64_Nhdr)) {
    Elf64_Nhdr header;
    std::memcpy(&header, notes.data() + offset, sizeof header);
    // The header takes 12 bytes, so with 8-byte alignment the padding after the name also
    // covers the header.
    size_t name_at = offset + sizeof header;
    size_t description_at = offset + AlignUp(sizeof header + header.n_namesz, alignment);
    if (description_at > notes.size() || header.n_descsz > notes.size() - description_at) return "";

    std::string_view name = notes.substr(name_at, header.n_namesz);
    if (header.n_type == NT_GNU_BUILD_ID && name == kGnuNoteName && header.n_descsz > 0)
      return Hex(notes.substr(description_at, header.n_descsz));
    offset = description_at + AlignUp(header.n_descsz, alignment);
  }
  return "";
}

std::string BuildIdOfLoadedImage(const void* address) {
  ImageSearch search{reinterpret_cast<uintptr_t>(address), ""};
  dl_iterate_phdr(SearchImage, &search);
  return search.build_id;
}

std::string BuildIdOfFile(const std::string& path) {
  // O_NONBLOCK keeps the open of a FIFO from waiting for a writer. Reads of a FIFO then fail.
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
  if (fd < 0) return "";
  std::string build_id = BuildIdOfOpenFile(fd);
  ::close(fd);
  return build_id;
}

}  // namespace weft::native
