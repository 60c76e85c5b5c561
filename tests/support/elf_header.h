#pragma once

#include <elf.h>

#include <cstdint>
#include <cstring>

namespace weft::testing {

// Returns the header of a 64-bit little-endian x86-64 ELF file of `type` (ET_REL, ET_DYN), with
// its identification and its own size set and no sections or segments yet.
inline Elf64_Ehdr X86_64ElfHeader(uint16_t type) {
  Elf64_Ehdr header{};
  std::memcpy(header.e_ident, ELFMAG, SELFMAG);
  header.e_ident[EI_CLASS] = ELFCLASS64;
  header.e_ident[EI_DATA] = ELFDATA2LSB;
  header.e_ident[EI_VERSION] = EV_CURRENT;
  header.e_type = type;
  header.e_machine = EM_X86_64;
  header.e_version = EV_CURRENT;
  header.e_ehsize = sizeof(Elf64_Ehdr);
  return header;
}

}  // namespace weft::testing
