#include "compiler/native/elf_loader.h"

#include <elf.h>
#include <sys/mman.h>
#include <unistd.h>

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <vector>

// libgcc's unwinder keeps a list of .eh_frame sections besides those of loaded ELF files. Each
// takes a pointer to a section that ends with a zero length word.
extern "C" void __register_frame(const void* eh_frame);
extern "C" void __deregister_frame(const void* eh_frame);

namespace weft::native {
namespace {

// A stub is `jmp *0(%rip)` followed by the 8-byte address it jumps to, padded to 16 bytes. Calls
// to functions more than 2 GiB away from the object reach them through one.
constexpr size_t kStubSize = 16;
constexpr uint8_t kStubJump[] = {0xff, 0x25, 0x00, 0x00, 0x00, 0x00};
constexpr size_t kGotEntrySize = 8;
// The zero length word that ends the .eh_frame list registered with the unwinder.
constexpr size_t kEhFrameTerminatorSize = 4;
constexpr uint64_t kMaxSectionAlignment = 4096;

enum class Placement { None, Code, ReadOnly, Writable };

struct Section {
  const Elf64_Shdr* header = nullptr;
  Placement placement = Placement::None;
  size_t offset = 0;
  char* address = nullptr;
};

bool FitsSigned32(int64_t value) { return value >= INT32_MIN && value <= INT32_MAX; }

size_t AlignUp(size_t value, size_t alignment) {
  return (value + alignment - 1) / alignment * alignment;
}

bool IsGotRelocation(uint32_t type) {
  return type == R_X86_64_GOTPCREL || type == R_X86_64_GOTPCRELX || type == R_X86_64_REX_GOTPCRELX;
}

}  // namespace

LoadedObject::~LoadedObject() {
  if (eh_frame_ != nullptr) __deregister_frame(eh_frame_);
  if (memory_ != nullptr) ::munmap(memory_, size_);
}

void* LoadedObject::FindSymbol(const std::string& name) const {
  auto found = symbols_.find(name);
  return found == symbols_.end() ? nullptr : found->second;
}

// Links one object into memory in the steps of Link. Every step returns false after Fail.
class ObjectLinker {
 public:
  ObjectLinker(std::string_view object, const SymbolResolver& resolve, std::string& error)
      : object_(object), resolve_(resolve), error_(error) {}

  std::unique_ptr<LoadedObject> Link();

 private:
  bool Fail(std::string message) {
    error_ = std::move(message);
    return false;
  }
  bool Contains(uint64_t offset, uint64_t size) const {
    return offset <= object_.size() && size <= object_.size() - offset;
  }
  template <typename T>
  const T* At(uint64_t offset) const {
    return reinterpret_cast<const T*>(object_.data() + offset);
  }

  bool ReadHeader();
  bool ReadSections();
  bool PlaceSection(size_t index, std::string_view name);
  bool ReadSymbols();
  bool CheckRelocations(const Elf64_Shdr& relocations);
  void Layout();
  bool Map();
  bool ResolveSymbols();
  bool ResolveSymbol(size_t index, const Elf64_Sym& symbol);
  bool ApplyRelocations();
  bool Apply(const Section& target, const Elf64_Rela& relocation);
  void FillStubsAndGot();
  bool Protect();
  std::string SymbolName(const Elf64_Sym& symbol) const;

  std::string_view object_;
  const SymbolResolver& resolve_;
  std::string& error_;
  std::unique_ptr<LoadedObject> loaded_{new LoadedObject()};

  const Elf64_Ehdr* header_ = nullptr;
  std::vector<Section> sections_;
  std::vector<size_t> relocation_sections_;
  size_t eh_frame_ = 0;
  const Elf64_Sym* symbols_ = nullptr;
  size_t symbol_count_ = 0;
  std::string_view symbol_names_;
  std::vector<uint64_t> addresses_;
  // The stub and GOT entry of each symbol that needs one, by symbol index; -1 for none.
  std::vector<int> stubs_;
  std::vector<int> got_entries_;
  size_t stub_count_ = 0;
  size_t got_count_ = 0;
  size_t stubs_offset_ = 0;
  size_t got_offset_ = 0;
  size_t code_size_ = 0;
  size_t read_only_end_ = 0;
  size_t size_ = 0;
};

bool ObjectLinker::ReadHeader() {
  if (!Contains(0, sizeof(Elf64_Ehdr))) return Fail("the object is shorter than an ELF header");
  header_ = At<Elf64_Ehdr>(0);
  const unsigned char* ident = header_->e_ident;
  if (std::memcmp(ident, ELFMAG, SELFMAG) != 0) return Fail("the object is not ELF");
  if (ident[EI_CLASS] != ELFCLASS64 || ident[EI_DATA] != ELFDATA2LSB || header_->e_type != ET_REL ||
      header_->e_machine != EM_X86_64)
    return Fail("the object is not an ELF64 x86-64 relocatable object");
  if (header_->e_shentsize != sizeof(Elf64_Shdr) || header_->e_shnum == 0 ||
      header_->e_shstrndx >= header_->e_shnum ||
      !Contains(header_->e_shoff, uint64_t{header_->e_shnum} * sizeof(Elf64_Shdr)))
    return Fail("the object's section headers are invalid");
  return true;
}

bool ObjectLinker::ReadSections() {
  const auto* headers = At<Elf64_Shdr>(header_->e_shoff);
  sections_.resize(header_->e_shnum);
  for (size_t i = 0; i < sections_.size(); ++i) {
    const Elf64_Shdr& section = headers[i];
    sections_[i].header = &section;
    if (section.sh_type != SHT_NOBITS && !Contains(section.sh_offset, section.sh_size))
      return Fail("section " + std::to_string(i) + " lies outside the object");
  }

  const Elf64_Shdr& names = *sections_[header_->e_shstrndx].header;
  std::string_view section_names(object_.data() + names.sh_offset, names.sh_size);
  for (size_t i = 1; i < sections_.size(); ++i) {
    size_t name = sections_[i].header->sh_name;
    if (name >= section_names.size()) return Fail("a section name lies outside its table");
    std::string_view text = section_names.substr(name);
    if (!PlaceSection(i, text.substr(0, text.find('\0')))) return false;
  }
  if (symbols_ == nullptr) return Fail("the object has no symbol table");
  return true;
}

// Decides where section `index` goes in memory, or rejects a kind that the loader cannot load.
bool ObjectLinker::PlaceSection(size_t index, std::string_view name) {
  const Elf64_Shdr& section = *sections_[index].header;
  switch (section.sh_type) {
    case SHT_SYMTAB:
      if (symbols_ != nullptr) return Fail("the object has two symbol tables");
      if (section.sh_entsize != sizeof(Elf64_Sym) || section.sh_link >= sections_.size())
        return Fail("the object's symbol table is invalid");
      symbols_ = At<Elf64_Sym>(section.sh_offset);
      symbol_count_ = section.sh_size / sizeof(Elf64_Sym);
      return true;
    case SHT_RELA:
      relocation_sections_.push_back(index);
      return true;
    case SHT_REL:
      return Fail("the object has REL relocations, which the loader does not handle");
    case SHT_PROGBITS:
    case SHT_NOBITS:
    case SHT_X86_64_UNWIND:
      break;
    default:
      if ((section.sh_flags & SHF_ALLOC) != 0)
        return Fail("section `" + std::string(name) + "` has type " +
                    std::to_string(section.sh_type) + ", which the loader does not handle");
      return true;
  }
  if ((section.sh_flags & SHF_ALLOC) == 0) return true;
  if ((section.sh_flags & SHF_TLS) != 0)
    return Fail("section `" + std::string(name) + "` holds thread-local data");
  if (section.sh_addralign > kMaxSectionAlignment)
    return Fail("section `" + std::string(name) + "` needs an alignment above a page");

  sections_[index].placement = (section.sh_flags & SHF_EXECINSTR) != 0 ? Placement::Code
                               : (section.sh_flags & SHF_WRITE) != 0   ? Placement::Writable
                                                                       : Placement::ReadOnly;
  if (name == ".eh_frame") {
    if (sections_[index].placement != Placement::ReadOnly || section.sh_type == SHT_NOBITS)
      return Fail("the object's .eh_frame is not read-only data");
    eh_frame_ = index;
  }
  return true;
}

bool ObjectLinker::ReadSymbols() {
  for (const Section& section : sections_) {
    if (section.header->sh_type != SHT_SYMTAB) continue;
    const Elf64_Shdr& names = *sections_[section.header->sh_link].header;
    if (names.sh_type != SHT_STRTAB) return Fail("the symbol names are not a string table");
    symbol_names_ = std::string_view(object_.data() + names.sh_offset, names.sh_size);
  }
  addresses_.assign(symbol_count_, 0);
  stubs_.assign(symbol_count_, -1);
  got_entries_.assign(symbol_count_, -1);
  for (size_t i = 1; i < symbol_count_; ++i) {
    if (symbols_[i].st_name >= symbol_names_.size())
      return Fail("a symbol name lies outside its table");
    if (symbols_[i].st_shndx == SHN_UNDEF) stubs_[i] = static_cast<int>(stub_count_++);
  }
  for (size_t index : relocation_sections_) {
    if (!CheckRelocations(*sections_[index].header)) return false;
  }
  return true;
}

// Checks the form of one relocation section and counts the GOT entries it needs.
bool ObjectLinker::CheckRelocations(const Elf64_Shdr& relocations) {
  if (relocations.sh_entsize != sizeof(Elf64_Rela) || relocations.sh_info >= sections_.size() ||
      sections_[relocations.sh_link].header->sh_type != SHT_SYMTAB)
    return Fail("a relocation section is invalid");
  if (sections_[relocations.sh_info].placement == Placement::None) return true;
  if (sections_[relocations.sh_info].header->sh_type == SHT_NOBITS)
    return Fail("a relocation section applies to a section without contents");

  const auto* entries = At<Elf64_Rela>(relocations.sh_offset);
  size_t count = relocations.sh_size / sizeof(Elf64_Rela);
  for (size_t i = 0; i < count; ++i) {
    size_t symbol = ELF64_R_SYM(entries[i].r_info);
    if (symbol >= symbol_count_) return Fail("a relocation names a symbol that does not exist");
    if (IsGotRelocation(ELF64_R_TYPE(entries[i].r_info)) && got_entries_[symbol] < 0)
      got_entries_[symbol] = static_cast<int>(got_count_++);
  }
  return true;
}

// Lays out code and stubs, then read-only data and the GOT, then writable data, each group
// starting on its own page so that each can get its own protection.
void ObjectLinker::Layout() {
  size_t page = static_cast<size_t>(::sysconf(_SC_PAGESIZE));
  size_t offset = 0;
  auto place = [&](Placement placement) {
    for (size_t i = 0; i < sections_.size(); ++i) {
      if (sections_[i].placement != placement) continue;
      offset = AlignUp(offset, std::max<uint64_t>(sections_[i].header->sh_addralign, 1));
      sections_[i].offset = offset;
      offset += sections_[i].header->sh_size;
      if (i == eh_frame_ && eh_frame_ != 0) offset += kEhFrameTerminatorSize;
    }
  };

  place(Placement::Code);
  stubs_offset_ = AlignUp(offset, kStubSize);
  offset = stubs_offset_ + stub_count_ * kStubSize;
  code_size_ = AlignUp(offset, page);

  offset = code_size_;
  place(Placement::ReadOnly);
  got_offset_ = AlignUp(offset, kGotEntrySize);
  offset = got_offset_ + got_count_ * kGotEntrySize;
  read_only_end_ = AlignUp(offset, page);

  offset = read_only_end_;
  place(Placement::Writable);
  size_ = AlignUp(std::max<size_t>(offset, 1), page);
}

bool ObjectLinker::Map() {
  void* memory = ::mmap(nullptr, size_, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (memory == MAP_FAILED) return Fail("cannot map memory for the object");
  loaded_->memory_ = memory;
  loaded_->size_ = size_;

  char* base = static_cast<char*>(memory);
  for (Section& section : sections_) {
    if (section.placement == Placement::None) continue;
    section.address = base + section.offset;
    if (section.header->sh_type != SHT_NOBITS)
      std::memcpy(section.address, object_.data() + section.header->sh_offset,
                  section.header->sh_size);
  }
  return true;
}

std::string ObjectLinker::SymbolName(const Elf64_Sym& symbol) const {
  std::string_view name = symbol_names_.substr(symbol.st_name);
  return std::string(name.substr(0, name.find('\0')));
}

bool ObjectLinker::ResolveSymbols() {
  for (size_t i = 1; i < symbol_count_; ++i) {
    if (!ResolveSymbol(i, symbols_[i])) return false;
  }
  return true;
}

bool ObjectLinker::ResolveSymbol(size_t index, const Elf64_Sym& symbol) {
  uint16_t section = symbol.st_shndx;
  if (section == SHN_UNDEF) {
    std::string name = SymbolName(symbol);
    void* address = resolve_(name);
    if (address == nullptr) return Fail("symbol `" + name + "` is not defined in this process");
    addresses_[index] = reinterpret_cast<uint64_t>(address);
    return true;
  }
  if (section == SHN_ABS) {
    addresses_[index] = symbol.st_value;
    return true;
  }
  if (section >= sections_.size() || sections_[section].placement == Placement::None) {
    // Only a relocation that uses it can make such a symbol a problem; see Apply.
    return true;
  }
  if (symbol.st_value > sections_[section].header->sh_size)
    return Fail("symbol `" + SymbolName(symbol) + "` lies outside its section");
  addresses_[index] = reinterpret_cast<uint64_t>(sections_[section].address) + symbol.st_value;
  if (ELF64_ST_BIND(symbol.st_info) != STB_LOCAL && ELF64_ST_TYPE(symbol.st_info) != STT_SECTION)
    loaded_->symbols_[SymbolName(symbol)] = reinterpret_cast<void*>(addresses_[index]);
  return true;
}

bool ObjectLinker::ApplyRelocations() {
  for (size_t index : relocation_sections_) {
    const Elf64_Shdr& relocations = *sections_[index].header;
    const Section& target = sections_[relocations.sh_info];
    if (target.placement == Placement::None) continue;
    const auto* entries = At<Elf64_Rela>(relocations.sh_offset);
    size_t count = relocations.sh_size / sizeof(Elf64_Rela);
    for (size_t i = 0; i < count; ++i) {
      if (!Apply(target, entries[i])) return false;
    }
  }
  return true;
}

// Applies one relocation, with S the symbol's address, A the addend and P the place patched.
bool ObjectLinker::Apply(const Section& target, const Elf64_Rela& relocation) {
  uint32_t type = ELF64_R_TYPE(relocation.r_info);
  size_t symbol = ELF64_R_SYM(relocation.r_info);
  if (type == R_X86_64_NONE) return true;
  size_t width = type == R_X86_64_64 || type == R_X86_64_PC64 ? 8 : 4;
  if (relocation.r_offset > target.header->sh_size ||
      width > target.header->sh_size - relocation.r_offset)
    return Fail("a relocation patches bytes outside its section");

  const Elf64_Sym& entry = symbols_[symbol];
  if (symbol != 0 && entry.st_shndx != SHN_UNDEF && entry.st_shndx != SHN_ABS &&
      (entry.st_shndx >= sections_.size() ||
       sections_[entry.st_shndx].placement == Placement::None))
    return Fail("a relocation refers to a section that is not loaded");

  char* place = target.address + relocation.r_offset;
  auto p = static_cast<int64_t>(reinterpret_cast<uint64_t>(place));
  auto s = static_cast<int64_t>(addresses_[symbol]);
  int64_t a = relocation.r_addend;
  char* base = static_cast<char*>(loaded_->memory_);
  int64_t value = 0;
  switch (type) {
    case R_X86_64_64:
      value = s + a;
      std::memcpy(place, &value, 8);
      return true;
    case R_X86_64_PC64:
      value = s + a - p;
      std::memcpy(place, &value, 8);
      return true;
    case R_X86_64_PC32:
    case R_X86_64_PLT32:
      value = s + a - p;
      if (!FitsSigned32(value) && type == R_X86_64_PLT32 && stubs_[symbol] >= 0) {
        auto stub = reinterpret_cast<int64_t>(base + stubs_offset_ + stubs_[symbol] * kStubSize);
        value = stub + a - p;
      }
      break;
    case R_X86_64_GOTPCREL:
    case R_X86_64_GOTPCRELX:
    case R_X86_64_REX_GOTPCRELX:
      value = reinterpret_cast<int64_t>(base + got_offset_ + got_entries_[symbol] * kGotEntrySize) +
              a - p;
      break;
    case R_X86_64_32:
      value = s + a;
      if (value < 0 || value > int64_t{UINT32_MAX})
        return Fail("an R_X86_64_32 relocation is out of range");
      break;
    case R_X86_64_32S:
      value = s + a;
      break;
    default:
      return Fail("relocation type " + std::to_string(type) + " is not handled by the loader");
  }
  if (type != R_X86_64_32 && !FitsSigned32(value))
    return Fail("relocation type " + std::to_string(type) + " at symbol `" + SymbolName(entry) +
                "` is out of range");
  auto word = static_cast<uint32_t>(value);
  std::memcpy(place, &word, 4);
  return true;
}

void ObjectLinker::FillStubsAndGot() {
  char* base = static_cast<char*>(loaded_->memory_);
  for (size_t i = 0; i < symbol_count_; ++i) {
    if (stubs_[i] >= 0) {
      char* stub = base + stubs_offset_ + stubs_[i] * kStubSize;
      std::memcpy(stub, kStubJump, sizeof(kStubJump));
      std::memcpy(stub + sizeof(kStubJump), &addresses_[i], 8);
    }
    if (got_entries_[i] >= 0)
      std::memcpy(base + got_offset_ + got_entries_[i] * kGotEntrySize, &addresses_[i], 8);
  }
}

// Makes code read-only and executable and constant data read-only, then registers .eh_frame.
bool ObjectLinker::Protect() {
  char* base = static_cast<char*>(loaded_->memory_);
  if (code_size_ > 0 && ::mprotect(base, code_size_, PROT_READ | PROT_EXEC) != 0)
    return Fail("cannot make the object's code executable");
  if (read_only_end_ > code_size_ &&
      ::mprotect(base + code_size_, read_only_end_ - code_size_, PROT_READ) != 0)
    return Fail("cannot make the object's data read-only");
  if (eh_frame_ != 0 && sections_[eh_frame_].header->sh_size > 0) {
    loaded_->eh_frame_ = sections_[eh_frame_].address;
    __register_frame(loaded_->eh_frame_);
  }
  return true;
}

std::unique_ptr<LoadedObject> ObjectLinker::Link() {
  if (!ReadHeader() || !ReadSections() || !ReadSymbols()) return nullptr;
  Layout();
  if (!Map() || !ResolveSymbols() || !ApplyRelocations()) return nullptr;
  FillStubsAndGot();
  if (!Protect()) return nullptr;
  return std::move(loaded_);
}

std::unique_ptr<LoadedObject> LoadObject(std::string_view object, const SymbolResolver& resolve,
                                         std::string& error) {
  return ObjectLinker(object, resolve, error).Link();
}

}  // namespace weft::native
