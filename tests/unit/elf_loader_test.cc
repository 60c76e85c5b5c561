// Tests of the loader of cached object code on small objects built here, one relocation kind at
// a time, and on objects that it must reject without crashing.
#include "compiler/native/elf_loader.h"

#include <elf.h>
#include <gtest/gtest.h>

#include <cstdint>
#include <cstring>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "tests/support/elf_header.h"

namespace weft::native {
namespace {

using namespace std::string_literals;

extern "C" int ElfLoaderTestAnswer() { return 42; }
int external_value = 77;

// Builds a small ELF64 x86-64 relocatable object in memory. Section 0 is the null section, the
// sections added come next, then the relocation sections, the symbol table and the two string
// tables. Local symbols must be added before global ones.
class ObjectBuilder {
 public:
  int AddSection(const std::string& name, uint32_t type, uint64_t flags, std::string bytes) {
    sections_.push_back({name, type, flags, std::move(bytes), {}});
    return static_cast<int>(sections_.size());
  }
  int AddSymbol(const std::string& name, int section, uint64_t value, unsigned char info) {
    symbols_.push_back({name, section, value, info});
    return static_cast<int>(symbols_.size());
  }
  void AddRelocation(int section, uint64_t offset, uint32_t type, int symbol, int64_t addend) {
    Elf64_Rela relocation{};
    relocation.r_offset = offset;
    relocation.r_info = ELF64_R_INFO(static_cast<uint64_t>(symbol), type);
    relocation.r_addend = addend;
    sections_[section - 1].relocations.push_back(relocation);
  }
  std::string Build() const;

 private:
  struct Section {
    std::string name;
    uint32_t type;
    uint64_t flags;
    std::string bytes;
    std::vector<Elf64_Rela> relocations;
  };
  struct Symbol {
    std::string name;
    int section;
    uint64_t value;
    unsigned char info;
  };
  std::vector<Section> sections_;
  std::vector<Symbol> symbols_;
};

template <typename T>
std::string BytesOf(const T& value) {
  return std::string(reinterpret_cast<const char*>(&value), sizeof(T));
}

size_t AddName(std::string& table, const std::string& name) {
  size_t offset = table.size();
  table += name;
  table += '\0';
  return offset;
}

std::string ObjectBuilder::Build() const {
  std::string file(sizeof(Elf64_Ehdr), '\0');
  std::string section_names(1, '\0'), symbol_names(1, '\0');
  std::vector<Elf64_Shdr> headers(1);
  auto append = [&](const std::string& bytes) {
    while (file.size() % 16 != 0) file += '\0';
    size_t offset = file.size();
    file += bytes;
    return offset;
  };
  auto add_section = [&](const std::string& name, uint32_t type, const std::string& bytes) {
    Elf64_Shdr header{};
    header.sh_name = static_cast<uint32_t>(AddName(section_names, name));
    header.sh_type = type;
    header.sh_offset = append(bytes);
    header.sh_size = bytes.size();
    headers.push_back(header);
    return &headers.back();
  };

  for (const Section& section : sections_) {
    Elf64_Shdr* header = add_section(section.name, section.type, section.bytes);
    header->sh_flags = section.flags;
    header->sh_addralign = 16;
  }
  // The symbol table comes after the sections and their relocation sections.
  size_t symbol_table = headers.size();
  for (const Section& section : sections_) symbol_table += section.relocations.empty() ? 0 : 1;
  for (size_t i = 0; i < sections_.size(); ++i) {
    if (sections_[i].relocations.empty()) continue;
    std::string bytes;
    for (const Elf64_Rela& relocation : sections_[i].relocations) bytes += BytesOf(relocation);
    Elf64_Shdr* header = add_section(".rela" + sections_[i].name, SHT_RELA, bytes);
    header->sh_entsize = sizeof(Elf64_Rela);
    header->sh_info = static_cast<uint32_t>(i + 1);
    header->sh_link = static_cast<uint32_t>(symbol_table);
  }

  std::string symbols = BytesOf(Elf64_Sym{});
  for (const Symbol& symbol : symbols_) {
    Elf64_Sym entry{};
    entry.st_name = static_cast<uint32_t>(AddName(symbol_names, symbol.name));
    entry.st_info = symbol.info;
    entry.st_shndx = static_cast<uint16_t>(symbol.section);
    entry.st_value = symbol.value;
    symbols += BytesOf(entry);
  }
  Elf64_Shdr* symbol_header = add_section(".symtab", SHT_SYMTAB, symbols);
  symbol_header->sh_entsize = sizeof(Elf64_Sym);
  symbol_header->sh_link = static_cast<uint32_t>(symbol_table + 1);
  add_section(".strtab", SHT_STRTAB, symbol_names);
  // The table of section names contains its own name, which must be added before it is copied.
  size_t own_name = AddName(section_names, ".shstrtab");
  add_section("", SHT_STRTAB, section_names)->sh_name = static_cast<uint32_t>(own_name);

  Elf64_Ehdr header = testing::X86_64ElfHeader(ET_REL);
  header.e_shentsize = sizeof(Elf64_Shdr);
  header.e_shnum = static_cast<uint16_t>(headers.size());
  header.e_shstrndx = static_cast<uint16_t>(headers.size() - 1);
  std::string table;
  for (const Elf64_Shdr& entry : headers) table += BytesOf(entry);
  header.e_shoff = append(table);
  std::memcpy(file.data(), &header, sizeof(header));
  return file;
}

constexpr uint64_t kCode = SHF_ALLOC | SHF_EXECINSTR;
constexpr unsigned char kGlobalFunction = ELF64_ST_INFO(STB_GLOBAL, STT_FUNC);
constexpr unsigned char kGlobalObject = ELF64_ST_INFO(STB_GLOBAL, STT_OBJECT);
constexpr unsigned char kLocalSection = ELF64_ST_INFO(STB_LOCAL, STT_SECTION);
constexpr unsigned char kGlobalUndefined = ELF64_ST_INFO(STB_GLOBAL, STT_NOTYPE);

void* ResolveTestSymbol(const std::string& name) {
  if (name == "answer") return reinterpret_cast<void*>(&ElfLoaderTestAnswer);
  if (name == "external_value") return &external_value;
  return nullptr;
}

std::unique_ptr<LoadedObject> Load(const std::string& object, std::string& error) {
  return LoadObject(object, ResolveTestSymbol, error);
}

// Returns the permissions column of /proc/self/maps for the mapping that contains `address`.
std::string PermissionsAt(const void* address) {
  std::ifstream maps("/proc/self/maps");
  auto target = reinterpret_cast<uintptr_t>(address);
  for (std::string line; std::getline(maps, line);) {
    std::istringstream fields(line);
    uintptr_t start = 0, end = 0;
    char dash = 0;
    std::string permissions;
    fields >> std::hex >> start >> dash >> end >> permissions;
    if (target >= start && target < end) return permissions;
  }
  return "";
}

using IntFunction = int (*)();

// An object whose function `f` jumps to `callee` (jmp rel32), with the PLT32 relocation of the
// jump's operand placed at `offset`.
std::string TailCallObject(const std::string& callee, uint64_t offset = 1) {
  ObjectBuilder builder;
  int text = builder.AddSection(".text", SHT_PROGBITS, kCode, "\xe9\0\0\0\0"s);
  builder.AddSymbol("f", text, 0, kGlobalFunction);
  int symbol = builder.AddSymbol(callee, SHN_UNDEF, 0, kGlobalUndefined);
  builder.AddRelocation(text, offset, R_X86_64_PLT32, symbol, -4);
  return builder.Build();
}

TEST(ElfLoaderTest, RelocatesPc32ToConstantData) {
  ObjectBuilder builder;
  // mov eax, [rip + disp32]; ret
  int text = builder.AddSection(".text", SHT_PROGBITS, kCode, "\x8b\x05\0\0\0\0\xc3"s);
  int32_t constant = 1234;
  int rodata = builder.AddSection(".rodata", SHT_PROGBITS, SHF_ALLOC, "pad." + BytesOf(constant));
  int section = builder.AddSymbol("", rodata, 0, kLocalSection);
  builder.AddSymbol("f", text, 0, kGlobalFunction);
  builder.AddRelocation(text, 2, R_X86_64_PC32, section, 4 - 4);

  std::string error;
  auto loaded = Load(builder.Build(), error);
  ASSERT_NE(loaded, nullptr) << error;
  auto f = reinterpret_cast<IntFunction>(loaded->FindSymbol("f"));
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(f(), 1234);
  EXPECT_EQ(PermissionsAt(reinterpret_cast<void*>(f)), "r-xp");
}

TEST(ElfLoaderTest, CallsFarFunctionThroughPlt32) {
  std::string error;
  auto loaded = Load(TailCallObject("answer"), error);
  ASSERT_NE(loaded, nullptr) << error;
  EXPECT_EQ(reinterpret_cast<IntFunction>(loaded->FindSymbol("f"))(), 42);
}

TEST(ElfLoaderTest, ReadsExternalDataThroughGotEntries) {
  for (uint32_t type : {R_X86_64_GOTPCREL, R_X86_64_GOTPCRELX, R_X86_64_REX_GOTPCRELX}) {
    ObjectBuilder builder;
    // mov rax, [rip + disp32]; mov eax, [rax]; ret
    int text =
        builder.AddSection(".text", SHT_PROGBITS, kCode, "\x48\x8b\x05\0\0\0\0\x8b\x00\xc3"s);
    builder.AddSymbol("f", text, 0, kGlobalFunction);
    int value = builder.AddSymbol("external_value", SHN_UNDEF, 0, kGlobalUndefined);
    builder.AddRelocation(text, 3, type, value, -4);

    std::string error;
    auto loaded = Load(builder.Build(), error);
    ASSERT_NE(loaded, nullptr) << "type " << type << ": " << error;
    EXPECT_EQ(reinterpret_cast<IntFunction>(loaded->FindSymbol("f"))(), 77) << "type " << type;
  }
}

TEST(ElfLoaderTest, WritesAbsoluteAndPcRelative64BitData) {
  ObjectBuilder builder;
  int text = builder.AddSection(".text", SHT_PROGBITS, kCode, "\xc3"s);
  int rodata = builder.AddSection(".rodata", SHT_PROGBITS, SHF_ALLOC, std::string(16, '\0'));
  int function = builder.AddSymbol("f", text, 0, kGlobalFunction);
  builder.AddSymbol("slots", rodata, 0, kGlobalObject);
  int answer = builder.AddSymbol("answer", SHN_UNDEF, 0, kGlobalUndefined);
  builder.AddRelocation(rodata, 0, R_X86_64_64, answer, 5);
  builder.AddRelocation(rodata, 8, R_X86_64_PC64, function, 0);

  std::string error;
  auto loaded = Load(builder.Build(), error);
  ASSERT_NE(loaded, nullptr) << error;
  auto* slots = static_cast<const int64_t*>(loaded->FindSymbol("slots"));
  ASSERT_NE(slots, nullptr);
  EXPECT_EQ(slots[0], reinterpret_cast<int64_t>(&ElfLoaderTestAnswer) + 5);
  EXPECT_EQ(slots[1], reinterpret_cast<int64_t>(loaded->FindSymbol("f")) -
                          reinterpret_cast<int64_t>(&slots[1]));
  EXPECT_EQ(PermissionsAt(slots), "r--p");
}

TEST(ElfLoaderTest, RejectsUnknownRelocationType) {
  ObjectBuilder builder;
  int text = builder.AddSection(".text", SHT_PROGBITS, kCode, "\x8b\x05\0\0\0\0\xc3"s);
  int value = builder.AddSymbol("external_value", SHN_UNDEF, 0, kGlobalUndefined);
  builder.AddRelocation(text, 2, R_X86_64_GOTPC32, value, -4);

  std::string error;
  EXPECT_EQ(Load(builder.Build(), error), nullptr);
  EXPECT_EQ(error, "relocation type 26 is not handled by the loader");
}

TEST(ElfLoaderTest, RejectsOutOfRangeAbsolute32BitAddress) {
  ObjectBuilder builder;
  int text = builder.AddSection(".text", SHT_PROGBITS, kCode, std::string(8, '\0'));
  int answer = builder.AddSymbol("answer", SHN_UNDEF, 0, kGlobalUndefined);
  builder.AddRelocation(text, 0, R_X86_64_32S, answer, 0);

  std::string error;
  // The test program's functions lie above 2 GiB, as a position-independent program's do.
  if (reinterpret_cast<uintptr_t>(&ElfLoaderTestAnswer) <= INT32_MAX) GTEST_SKIP();
  EXPECT_EQ(Load(builder.Build(), error), nullptr);
  EXPECT_NE(error.find("out of range"), std::string::npos) << error;
}

TEST(ElfLoaderTest, RejectsUnresolvedSymbol) {
  std::string error;
  EXPECT_EQ(Load(TailCallObject("no_such_function"), error), nullptr);
  EXPECT_EQ(error, "symbol `no_such_function` is not defined in this process");
}

TEST(ElfLoaderTest, RejectsSectionsThatNeedConstructors) {
  ObjectBuilder builder;
  builder.AddSection(".init_array", SHT_INIT_ARRAY, SHF_ALLOC | SHF_WRITE, std::string(8, '\0'));

  std::string error;
  EXPECT_EQ(Load(builder.Build(), error), nullptr);
  EXPECT_NE(error.find(".init_array"), std::string::npos) << error;
}

TEST(ElfLoaderTest, RejectsEveryTruncatedObject) {
  std::string object = TailCallObject("answer");

  for (size_t size = 0; size < object.size(); ++size) {
    std::string error;
    EXPECT_EQ(Load(object.substr(0, size), error), nullptr) << "size " << size;
    EXPECT_FALSE(error.empty()) << "size " << size;
  }
}

TEST(ElfLoaderTest, RejectsRelocationOutsideItsSection) {
  std::string error;
  EXPECT_EQ(Load(TailCallObject("answer", 3), error), nullptr);
  EXPECT_EQ(error, "a relocation patches bytes outside its section");
}

}  // namespace
}  // namespace weft::native
